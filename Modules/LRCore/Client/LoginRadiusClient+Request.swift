import Foundation

extension LoginRadiusClient {
    /// Builds the HTTP request for `call`: host, encoded path, credentials, region, headers, body.
    ///
    /// - Throws: ``LoginRadiusError/invalidArgument(_:)`` for a missing path parameter.
    package func makeRequest(for call: APICall) throws -> LoginRadiusRequest {
        let operation = call.operation
        var query: [QueryItem] = []
        var headers = LoginRadiusHeaders()
        headers["Accept"] = "application/json"
        headers["User-Agent"] = configuration.userAgent

        func place(_ placement: OperationDescriptor.Placement?, _ value: String?) {
            guard let placement, let value else { return }
            switch placement {
            case .query(let name): query.append(QueryItem(name: name, value: value))
            case .header(let name): headers[name] = value
            case .bearer: headers["Authorization"] = "Bearer " + value
            }
        }
        place(operation.apiKey, configuration.apiKey)
        place(operation.apiSecret, configuration.apiSecret)
        place(operation.accessToken, call.accessToken)
        query.append(contentsOf: call.queryItems)
        if let region = configuration.serverRegion, !region.isBlank {
            query.append(QueryItem(name: "region", value: region))
        }
        for field in call.headers { headers[field.name] = field.value }

        let body = try call.encodedBody()
        if body != nil { headers["Content-Type"] = "application/json" }
        return LoginRadiusRequest(
            method: operation.method,
            baseURL: operation.host == .config ? configuration.configURL : configuration.baseURL,
            pathSegments: try call.pathSegments(),
            queryItems: query,
            headers: headers,
            body: body,
            // The configuration's per-attempt limit travels with the request, so it applies whatever
            // transport the client was given, not only the CurlTransport built from the configuration.
            timeout: configuration.requestTimeout
        )
    }

    /// Sends `call` through the pipeline and returns the raw response when its status is 2xx.
    ///
    /// - Throws: ``LoginRadiusError/api(_:)`` for LoginRadius's error body,
    ///   ``LoginRadiusError/tooManyRequests(_:)`` for 429, ``LoginRadiusError/http(_:)`` for other
    ///   error statuses, ``LoginRadiusError/transport(_:)`` when the exchange failed,
    ///   ``LoginRadiusError/invalidArgument(_:)`` when a header value is refused, and
    ///   `CancellationError` when the task is cancelled.
    package func send(_ call: APICall) async throws -> LoginRadiusResponse {
        let request = try makeRequest(for: call)
        var logger = logger
        logger[metadataKey: "lr.operation"] = .string(call.operation.name)
        let context = LoginRadiusRequestContext(operation: call.operation, logger: logger)
        let response = try await pipeline.send(request, context: context)
        try ResponseValidation.check(response)
        return response
    }

    /// Sends `call` and decodes its 2xx reply as `Response`.
    ///
    /// - Throws: Everything ``send(_:)`` throws, and ``LoginRadiusError/decoding(_:)`` when the
    ///   reply is not a `Response`.
    package func perform<Response: Decodable & Sendable>(
        _ call: APICall,
        as type: Response.Type = Response.self
    ) async throws -> Response {
        let response = try await send(call)
        return try ResponseValidation.decode(type, from: response.body)
    }
}
