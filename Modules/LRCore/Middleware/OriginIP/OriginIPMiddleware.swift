/// Adds `X-Origin-IP` with the end user's IP address, so LoginRadius applies its IP-based rules
/// (rate limits, risk-based authentication) to the user rather than to the server.
///
/// The address is the call's (``LoginRadiusClient/with(originIP:timeout:logger:headers:metadata:)``,
/// else ``LoginRadiusConfiguration/originIP``), read from
/// ``LoginRadiusRequestContext/callOptions``; a middleware created with a fixed address uses it
/// for calls that carry none. Installed by ``LoginRadiusClient`` in every pipeline.
public struct OriginIPMiddleware: LoginRadiusMiddleware {
    /// The address sent when the call carries none, e.g. `203.0.113.7`; `nil` sends none.
    public let originIP: String?

    /// Creates the middleware that sends each call's own origin IP.
    public init() {
        self.originIP = nil
    }

    /// Creates the middleware with a fixed address for calls that carry none.
    ///
    /// - Throws: ``LoginRadiusError/Code/invalidArgument`` when the value is blank or contains CR or LF.
    public init(originIP: String) throws {
        try Self.validate(originIP)
        self.originIP = originIP
    }

    /// Sets `X-Origin-IP` and passes the request on.
    ///
    /// - Throws: ``LoginRadiusError/Code/invalidArgument`` (parameter `originIP`) when the call's
    ///   address is blank or contains CR or LF; nothing is sent.
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        guard let originIP = context.callOptions.originIP ?? originIP else {
            return try await next(request, context)
        }
        try Self.validate(originIP)
        var request = request
        request.headers[LoginRadiusHeaderName.originIP] = originIP
        return try await next(request, context)
    }

    private static func validate(_ originIP: String) throws {
        try HeaderValidation.validate(value: originIP, parameter: "originIP")
        guard !originIP.isBlank else {
            throw LoginRadiusError.invalidArgument(.init(parameter: "originIP", reason: "is blank"))
        }
    }
}
