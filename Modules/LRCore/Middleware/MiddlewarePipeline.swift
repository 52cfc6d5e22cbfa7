/// Chains middleware in front of a transport. The first middleware is the outermost.
struct MiddlewarePipeline: Sendable {
    let middleware: [any LoginRadiusMiddleware]
    let transport: any LoginRadiusTransport

    func send(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext) async throws -> LoginRadiusResponse {
        try await step(0)(request, context)
    }

    private func step(_ index: Int) -> MiddlewareNext {
        if index == middleware.count {
            let transport = transport
            return MiddlewareNext { request, _ in
                // The last check before bytes leave: whatever a middleware added must be a
                // valid header, so no CR/LF can split the request (RFC 9110 §5.5).
                try HeaderValidation.validate(request.headers)
                // Nor a dot or empty path segment, which would send the call to another endpoint.
                try PathSegmentValidation.validate(request.pathSegments)
                try Task.checkCancellation()
                return try await transport.send(request)
            }
        }
        let current = middleware[index]
        let next = step(index + 1)
        return MiddlewareNext { request, context in
            try await current.intercept(request, context: context, next: next)
        }
    }
}
