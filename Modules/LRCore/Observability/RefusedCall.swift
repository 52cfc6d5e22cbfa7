import CoreMetrics
import Tracing

/// Whether anything observes calls: a tracer or a metrics backend bootstrapped. The same checks
/// ``TracingMiddleware`` and ``MetricsMiddleware`` make, so an unobserved client pays for neither.
enum CallObservers {
    static var areActive: Bool {
        !(InstrumentationSystem.tracer is NoOpTracer) || !(MetricsSystem.factory is NOOPMetricsHandler)
    }
}

/// A call refused before it reached the pipeline: a blank or malformed argument
/// (`invalidArgument`), a client already shut down (`shutDown`). The pipeline's
/// ``TracingMiddleware`` and ``MetricsMiddleware`` never see it, so it is reported here the way
/// they would report a failure: a span of the call with error status and `loginradius.attempts`
/// 0, the call counted in `loginradius_calls_total` and its kind in
/// `loginradius_call_failures_total`. No duration is recorded: nothing was timed.
enum RefusedCall {
    static func record(_ error: LoginRadiusError, operation: OperationDescriptor) {
        let outcome = CallOutcome(error: error)
        let tracer = InstrumentationSystem.tracer
        if !(tracer is NoOpTracer) { trace(outcome, operation: operation, tracer: tracer) }
        let factory = MetricsSystem.factory
        if !(factory is NOOPMetricsHandler) {
            MetricsMiddleware.countRefusal(outcome, operation: operation.operationName, factory: factory)
        }
    }

    private static func trace<T: Tracer>(_ outcome: CallOutcome, operation: OperationDescriptor, tracer: T) {
        let span = TracingMiddleware.startSpan(for: operation, tracer: tracer)
        TracingMiddleware.finish(span, outcome, attempts: 0)
        span.end()
    }
}
