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
        let operation = Self.endpointOperation(
            method, path, accessToken: accessToken, sendsAPISecret: sendsAPISecret, host: host)
        return try await perform(operation, as: type) { call in
            try Self.fill(&call, query: query, body: body, accessToken: accessToken)
        }
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
        let operation = Self.endpointOperation(
            method, path, accessToken: accessToken, sendsAPISecret: sendsAPISecret, host: host)
        var call = APICall(operation)
        do {
            try Self.fill(&call, query: query, body: body, accessToken: accessToken)
        } catch let error as LoginRadiusError {
            throw refused(operation, error)
        }
        return try await send(call)
    }

    /// The descriptor of a call by method and path.
    private static func endpointOperation(
        _ method: LoginRadiusRequest.Method, _ path: String, accessToken: String?, sendsAPISecret: Bool,
        host: OperationDescriptor.Host
    ) -> OperationDescriptor {
        let trimmed = path.split(separator: "/").joined(separator: "/")
        return OperationDescriptor(
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
    }

    /// Checks the path and sets the call's query, access token and body.
    private static func fill(
        _ call: inout APICall, query: [QueryItem], body: JSONValue?, accessToken: String?
    ) throws {
        try APICall.require(call.operation.pathTemplate, parameter: "path")
        for item in query { call.query(item.name, item.value) }
        if let accessToken { try call.accessToken(accessToken) }
        if let body { try call.body(body) }
    }
}
