/// Chains middleware in front of a transport. The first middleware is the outermost.
///
/// The chain of ``MiddlewareNext`` steps is built once, when the client is created: a call
/// allocates no closures to walk it.
struct MiddlewarePipeline: Sendable {
    let middleware: [any LoginRadiusMiddleware]
    let transport: any LoginRadiusTransport
    private let entry: MiddlewareNext

    init(middleware: [any LoginRadiusMiddleware], transport: any LoginRadiusTransport) {
        self.middleware = middleware
        self.transport = transport
        var next = MiddlewareNext { request, _ in
            // The last check before bytes leave: whatever a middleware added must be a
            // valid header, so no CR/LF can split the request (RFC 9110 §5.5).
            try HeaderValidation.validate(request.headers)
            // Nor a dot or empty path segment, which would send the call to another endpoint.
            try PathSegmentValidation.validate(request.pathSegments)
            try Task.checkCancellation()
            CallRecord.current?.recordSend()
            return try await transport.send(request)
        }
        for current in middleware.reversed() {
            let inner = next
            next = MiddlewareNext { request, context in
                try await current.intercept(request, context: context, next: inner)
            }
        }
        self.entry = next
    }

    func send(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext) async throws -> LoginRadiusResponse {
        try await entry(request, context)
    }
}
