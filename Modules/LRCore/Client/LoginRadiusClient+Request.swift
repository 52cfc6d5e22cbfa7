import Foundation

extension LoginRadiusClient {
    /// Builds the HTTP request for `call`: host, encoded path, credentials, region, headers, body.
    ///
    /// - Throws: ``LoginRadiusError/Code/invalidArgument`` for a missing path parameter.
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
        for field in callOptions.headers { headers.replaceOrAdd(name: field.name, value: field.value) }

        let body = try call.encodedBody()
        if body != nil { headers["Content-Type"] = "application/json" }
        return LoginRadiusRequest(
            method: operation.method,
            baseURL: operation.host == .config ? configuration.configURL : configuration.baseURL,
            pathSegments: try call.pathSegments(),
            queryItems: query,
            headers: headers,
            body: body,
            // The per-attempt limit travels with the request, so it applies whatever transport the
            // client was given: the one setting every transport must honour.
            timeout: callOptions.timeout ?? configuration.requestTimeout
        )
    }

    /// Sends `call` through the pipeline and returns the raw response when its status is 2xx.
    ///
    /// Every ``LoginRadiusError`` it throws names the call (``LoginRadiusError/operation``) and
    /// says how many attempts reached the transport (``LoginRadiusError/attempts``).
    ///
    /// - Throws: ``LoginRadiusError/Code/api`` for LoginRadius's error body,
    ///   ``LoginRadiusError/Code/tooManyRequests`` for 429, ``LoginRadiusError/Code/http`` for other
    ///   error statuses, ``LoginRadiusError/Code/transport`` when the exchange failed,
    ///   ``LoginRadiusError/Code/invalidArgument`` when a value is refused (nothing is sent),
    ///   ``LoginRadiusError/Code/shutDown`` after ``shutdown()``, and `CancellationError` when the
    ///   task is cancelled.
    package func send(_ call: APICall) async throws -> LoginRadiusResponse {
        try await exchange(call).response
    }

    /// ``send(_:)``, also returning how many requests reached the transport.
    private func exchange(_ call: APICall) async throws -> (response: LoginRadiusResponse, sends: Int) {
        let record = CallRecord()
        do {
            guard !core.hasShutDown else { throw LoginRadiusError.shutDown }
            let request = try makeRequest(for: call)
            let response = try await CallRecord.$current.withValue(record) {
                try await core.pipeline.send(request, context: context(for: call.operation))
            }
            try ResponseValidation.check(response, now: core.clock.wallNow)
            return (response, record.sends)
        } catch let error as LoginRadiusError {
            throw error.attributed(to: call.operation.operationName, attempts: record.sends)
        }
    }

    /// Sends `call` and decodes its 2xx reply as `Response`.
    ///
    /// - Throws: Everything ``send(_:)`` throws, and ``LoginRadiusError/Code/decoding`` when the
    ///   reply is not a `Response`.
    package func perform<Response: Decodable & Sendable>(
        _ call: APICall,
        as type: Response.Type = Response.self
    ) async throws -> Response {
        let (response, sends) = try await exchange(call)
        do {
            return try ResponseValidation.decode(type, from: response.body)
        } catch let error as LoginRadiusError {
            MetricsMiddleware.recordDecodingFailure(of: call.operation.operationName)
            throw error.attributed(to: call.operation.operationName, attempts: sends)
        }
    }
}
