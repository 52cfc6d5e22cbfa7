import Foundation
import Synchronization

/// What the layers inside a call tell the layers outside it: how many attempts the call made and
/// how many requests reached the transport. The client installs one as a task-local for each
/// call (``LoggingMiddleware`` does when used on its own); ``RetryMiddleware`` records each
/// attempt, the pipeline each request handed to the transport. A task-local, not a field of
/// ``LoginRadiusRequestContext``, because the context travels inwards only.
final class CallRecord: Sendable {
    /// The record of the call the current task is making, if any.
    @TaskLocal static var current: CallRecord?

    private let state = Mutex((attempts: 1, sends: 0))
    /// How the caller turns the 2xx reply into its result, when a tracer or metrics backend
    /// observes the call: ``TracingMiddleware`` and ``MetricsMiddleware`` decode the reply through
    /// it inside the call, so a reply that fails to decode ends the span and counts as the
    /// `decoding` failure it is. Decoded once, by whoever asks first.
    let reply: ReplyDecoding?

    /// A record; `reply` decodes the call's 2xx reply (see ``reply``).
    init(reply: ReplyDecoding? = nil) {
        self.reply = reply
    }

    /// The number of attempts made so far (1 unless a retry middleware recorded more).
    var attempts: Int { state.withLock { $0.attempts } }

    /// The number of requests handed to the transport (0 when the call failed before sending).
    var sends: Int { state.withLock { $0.sends } }

    /// Records that attempt `attempt` (1-based) is starting.
    func record(attempt: Int) {
        state.withLock { $0.attempts = max($0.attempts, attempt) }
    }

    /// Records that a request is being handed to the transport.
    func recordSend() {
        state.withLock { $0.sends += 1 }
    }
}

/// The decoding of one call's 2xx reply, done once and kept: whichever of the observability
/// middleware and the client asks first decodes, the others get the same result.
final class ReplyDecoding: Sendable {
    typealias Decode = @Sendable (Data) throws -> any Sendable

    private let decode: Decode
    private let result = Mutex<Result<any Sendable, any Error>?>(nil)

    init(_ decode: @escaping Decode) {
        self.decode = decode
    }

    /// The reply decoded (once) from `body`.
    func value(from body: Data) -> Result<any Sendable, any Error> {
        if let known = result.withLock({ $0 }) { return known }
        let decoded: Result<any Sendable, any Error>
        do {
            decoded = .success(try decode(body))
        } catch {
            decoded = .failure(error)
        }
        result.withLock { $0 = decoded }
        return decoded
    }
}
