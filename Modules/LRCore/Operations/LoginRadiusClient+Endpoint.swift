extension LoginRadiusClient {
    /// Calls a LoginRadius endpoint the SDK has no method for yet: the one deliberate way to send a
    /// request by method and path.
    ///
    /// The call goes through the same pipeline as every generated method (credentials, request
    /// signing, origin IP, region, retries, logging) and throws the same errors. The API key is
    /// sent as query `apiKey`; the API secret only when `sendsAPISecret` is `true` (as
    /// `X-LoginRadius-ApiSecret`, or a request signature when signing is on).
    ///
    /// ```swift
    /// let reply: JSONValue = try await client.callEndpoint(
    ///     .get, "identity/v2/auth/access_token/validate", accessToken: token)
    /// ```
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - path: The path below the host, e.g. `identity/v2/auth/login`. Its `/`-separated segments
    ///     are percent-encoded for you: pass them decoded.
    ///   - query: Query parameters, in order; blank values are left out, as generated calls do.
    ///   - body: The JSON body; a non-GET without one sends `{}`.
    ///   - accessToken: An end user's access token, sent as `Authorization: Bearer`.
    ///   - sendsAPISecret: Whether the endpoint needs the API secret (LoginRadius's `/manage` endpoints do).
    ///   - host: Which configured host the call goes to.
    ///   - type: What to decode the reply as; ``JSONValue`` takes any reply.
    /// - Returns: The 2xx reply decoded as `Response`.
    /// - Throws: ``LoginRadiusError/invalidArgument(_:)`` for a blank path or access token (nothing
    ///   is sent), and otherwise what generated methods throw: ``LoginRadiusError/api(_:)``,
    ///   ``LoginRadiusError/tooManyRequests(_:)``, ``LoginRadiusError/http(_:)``,
    ///   ``LoginRadiusError/transport(_:)`` and ``LoginRadiusError/decoding(_:)``.
    public func callEndpoint<Response: Decodable & Sendable>(
        _ method: LoginRadiusRequest.Method,
        _ path: String,
        query: [QueryItem] = [],
        body: JSONValue? = nil,
        accessToken: String? = nil,
        sendsAPISecret: Bool = false,
        host: OperationDescriptor.Host = .api,
        as type: Response.Type = Response.self
    ) async throws -> Response {
        let response = try await callEndpoint(
            method, path, query: query, body: body, accessToken: accessToken, sendsAPISecret: sendsAPISecret,
            host: host)
        return try ResponseValidation.decode(type, from: response.body)
    }

    /// Calls a LoginRadius endpoint by method and path, like
    /// ``callEndpoint(_:_:query:body:accessToken:sendsAPISecret:host:as:)``, and returns the 2xx
    /// response itself (status, headers, body, metrics) instead of decoding it.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - path: The path below the host; its segments are percent-encoded for you.
    ///   - query: Query parameters, in order; blank values are left out.
    ///   - body: The JSON body; a non-GET without one sends `{}`.
    ///   - accessToken: An end user's access token, sent as `Authorization: Bearer`.
    ///   - sendsAPISecret: Whether the endpoint needs the API secret.
    ///   - host: Which configured host the call goes to.
    /// - Returns: The response, when its status is 2xx.
    /// - Throws: As ``callEndpoint(_:_:query:body:accessToken:sendsAPISecret:host:as:)``, except
    ///   ``LoginRadiusError/decoding(_:)``.
    public func callEndpoint(
        _ method: LoginRadiusRequest.Method,
        _ path: String,
        query: [QueryItem] = [],
        body: JSONValue? = nil,
        accessToken: String? = nil,
        sendsAPISecret: Bool = false,
        host: OperationDescriptor.Host = .api
    ) async throws -> LoginRadiusResponse {
        let trimmed = path.split(separator: "/").joined(separator: "/")
        try APICall.require(trimmed, parameter: "path")
        let operation = OperationDescriptor(
            name: "callEndpoint",
            loginRadiusName: "\(method.rawValue) \(trimmed)",
            group: "endpoint",
            method: method,
            host: host,
            pathTemplate: trimmed,
            apiSecret: sendsAPISecret ? .header(LoginRadiusHeaderName.apiSecret) : nil,
            accessToken: accessToken == nil ? nil : .bearer,
            documentation: "https://www.loginradius.com/docs/api/v2/"
        )
        var call = APICall(operation)
        for item in query { call.query(item.name, item.value) }
        if let accessToken { try call.accessToken(accessToken) }
        if let body { try call.body(body) }
        return try await send(call)
    }
}
