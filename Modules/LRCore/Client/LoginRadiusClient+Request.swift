import Foundation

extension LoginRadiusClient {
    /// Builds the HTTP request for `call`: host, encoded path, credentials, region, headers, body.
    ///
    /// - Throws: ``LoginRadiusError/Code/invalidArgument`` for a missing path parameter.
    package func makeRequest(for call: APICall) throws -> LoginRadiusRequest {
        // One pass over the call; what depends only on the configuration (base header fields,
        // region) or the operation (its split path template) was built once.
        let operation = call.operation
        let configuration = core.configuration
        var query: [QueryItem] = []
        query.reserveCapacity(call.queryItems.count + 3)
        var headers = core.baseHeaders
        headers.reserveCapacity(call.headers.fields.count + callOptions.headers.fields.count + 5)

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
        if let region = core.regionItem { query.append(region) }
        for field in call.headers { headers[field.name] = field.value }
        for field in callOptions.headers { headers.replaceOrAdd(name: field.name, value: field.value) }

        let body = call.encodedBody()
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

    /// ``send(_:)``, also returning how many requests reached the transport. `reply`, when given,
    /// is how the caller decodes the reply: the observability middleware decode through it.
    private func exchange(
        _ call: APICall, reply: ReplyDecoding? = nil
    ) async throws -> (response: LoginRadiusResponse, sends: Int) {
        let request: LoginRadiusRequest
        do {
            guard !core.hasShutDown else { throw LoginRadiusError.shutDown }
            request = try makeRequest(for: call)
        } catch let error as LoginRadiusError {
            throw refused(call.operation, error)
        }
        let record = CallRecord(reply: reply)
        do {
            let response = try await CallRecord.$current.withValue(record) {
                try await core.pipeline.send(request, context: context(for: call.operation))
            }
            try ResponseValidation.check(response, now: core.clock.wallNow)
            return (response, record.sends)
        } catch let error as LoginRadiusError {
            throw error.attributed(to: call.operation.operationName, attempts: record.sends)
        }
    }

    /// `error`, naming `operation`, after reporting the call as refused before the pipeline: the
    /// pipeline's tracing and metrics never saw it, so it gets its span and failure count here.
    func refused(_ operation: OperationDescriptor, _ error: LoginRadiusError) -> LoginRadiusError {
        let attributed = error.attributed(to: operation.operationName, attempts: 0)
        RefusedCall.record(attributed, operation: operation)
        return attributed
    }

    /// Builds a call of `operation` with `build` and performs it (see ``perform(_:as:)``). A value
    /// `build` refuses fails the call before the pipeline, as a traced and counted failure.
    ///
    /// - Throws: As ``perform(_:as:)``.
    package func perform<Response: Decodable & Sendable>(
        _ operation: OperationDescriptor,
        as type: Response.Type = Response.self,
        _ build: (inout APICall) throws -> Void
    ) async throws -> Response {
        var call = APICall(operation)
        do {
            try build(&call)
        } catch let error as LoginRadiusError {
            throw refused(operation, error)
        }
        return try await perform(call, as: type)
    }

    /// Sends `call` and decodes its 2xx reply as `Response`.
    ///
    /// When a tracer or a metrics backend observes the call, the reply is decoded inside the
    /// pipeline's ``TracingMiddleware`` and ``MetricsMiddleware``, so a reply that does not decode
    /// ends the span with an error and counts as a `decoding` failure; it is decoded once either way.
    ///
    /// - Throws: Everything ``send(_:)`` throws, and ``LoginRadiusError/Code/decoding`` when the
    ///   reply is not a `Response`.
    package func perform<Response: Decodable & Sendable>(
        _ call: APICall,
        as type: Response.Type = Response.self
    ) async throws -> Response {
        let reply =
            CallObservers.areActive
            ? ReplyDecoding { body in try ResponseValidation.decode(Response.self, from: body) } : nil
        let (response, sends) = try await exchange(call, reply: reply)
        do {
            if let reply, let value = try reply.value(from: response.body).get() as? Response {
                return value
            }
            return try ResponseValidation.decode(type, from: response.body)
        } catch let error as LoginRadiusError {
            throw error.attributed(to: call.operation.operationName, attempts: sends)
        }
    }
}
