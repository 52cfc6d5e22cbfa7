/// A step of the request pipeline between an API call and the transport.
///
/// A middleware sees every request before it is sent and every response before it is decoded.
/// It may change the request, call ``MiddlewareNext`` zero or more times (a retry calls it again),
/// and change or replace the response. Logging, origin IP, compression, retry and request signing
/// are middleware; users add their own when creating the client:
///
/// ```swift
/// struct RequestIDMiddleware: LoginRadiusMiddleware {
///     func intercept(
///         _ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext
///     ) async throws -> LoginRadiusResponse {
///         var request = request
///         request.headers["X-Request-ID"] = UUID().uuidString
///         return try await next(request, context)
///     }
/// }
/// ```
///
/// The order of the pipeline is documented on ``LoginRadiusClient``.
public protocol LoginRadiusMiddleware: Sendable {
    /// Handles one request: pass it on with `next` and return (possibly changed) its response.
    ///
    /// - Throws: Whatever `next` throws, or a ``LoginRadiusError`` of the middleware's own.
    func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse
}

/// The rest of the pipeline below a middleware: call it to send the request on.
///
/// A nominal type, so conformers never spell a function type.
public struct MiddlewareNext: Sendable {
    @usableFromInline
    let handler: @Sendable (LoginRadiusRequest, LoginRadiusRequestContext) async throws -> LoginRadiusResponse

    /// Wraps a closure as the next step (for tests and custom pipelines).
    public init(
        _ handler:
            @escaping @Sendable (LoginRadiusRequest, LoginRadiusRequestContext) async throws -> LoginRadiusResponse
    ) {
        self.handler = handler
    }

    /// Sends `request` through the rest of the pipeline.
    @inlinable
    public func callAsFunction(
        _ request: LoginRadiusRequest,
        _ context: LoginRadiusRequestContext
    ) async throws -> LoginRadiusResponse {
        try await handler(request, context)
    }
}
