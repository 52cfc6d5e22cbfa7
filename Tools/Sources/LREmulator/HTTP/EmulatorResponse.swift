// A JSON response with an HTTP status.

struct EmulatorResponse: Sendable {
    let status: Int
    let body: JSON
    /// Extra response headers (`Content-Type` is always JSON), e.g. `Retry-After`.
    var headers: [(name: String, value: String)] = []

    init(status: Int = 200, body: JSON) {
        self.status = status
        self.body = body
    }

    /// 200 with the given object fields, in order.
    static func ok(_ fields: (String, JSON)...) -> EmulatorResponse {
        EmulatorResponse(body: .object(JSONObject(fields)))
    }

    /// LoginRadius's error body with its HTTP status.
    static func error(_ error: LoginRadiusAPIError) -> EmulatorResponse {
        EmulatorResponse(status: error.code.httpStatus, body: error.body)
    }
}
