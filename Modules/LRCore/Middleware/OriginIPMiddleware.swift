/// Adds `X-Origin-IP` with the end user's IP address to every request, so LoginRadius applies
/// its IP-based rules (rate limits, risk-based authentication) to the user rather than to the server.
///
/// Installed by ``LoginRadiusClient`` when ``LoginRadiusConfiguration/originIP`` is set.
public struct OriginIPMiddleware: LoginRadiusMiddleware {
    /// The address sent, e.g. `203.0.113.7`.
    public let originIP: String

    /// Creates the middleware.
    ///
    /// - Throws: ``LoginRadiusError/invalidArgument(_:)`` when the value is blank or contains CR or LF.
    public init(originIP: String) throws {
        try HeaderValidation.validate(value: originIP, parameter: "originIP")
        guard !originIP.isBlank else {
            throw LoginRadiusError.invalidArgument(.init(parameter: "originIP", reason: "is blank"))
        }
        self.originIP = originIP
    }

    /// Sets `X-Origin-IP` and passes the request on.
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        var request = request
        request.headers["X-Origin-IP"] = originIP
        return try await next(request, context)
    }
}
