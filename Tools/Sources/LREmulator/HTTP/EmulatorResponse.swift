// A JSON response with an HTTP status.

struct EmulatorResponse: Sendable {
    let status: Int
    let body: JSON
    /// Extra response headers, e.g. `Retry-After` (`Content-Type` is JSON unless set here).
    var headers: [(name: String, value: String)] = []
    /// A body that is not JSON (the `/emulator/inbox` HTML page): sent instead of `body`, with
    /// the `Content-Type` given in `headers`.
    var text: String? = nil
    /// Close the connection instead of answering (an injected fault).
    var dropConnection = false

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
