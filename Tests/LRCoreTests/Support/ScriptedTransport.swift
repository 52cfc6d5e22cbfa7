import Foundation
import LRCore
import Synchronization

/// A transport that records every request and answers from a script, without any I/O.
final class ScriptedTransport: LoginRadiusTransport {
    private let state: Mutex<(requests: [LoginRadiusRequest], replies: [Result<LoginRadiusResponse, LoginRadiusError>])>

    /// Answers each request with the next reply; the last reply repeats.
    init(_ replies: [Result<LoginRadiusResponse, LoginRadiusError>] = [.success(.json(#"{"IsPosted":true}"#))]) {
        state = Mutex(([], replies))
    }

    /// The requests sent so far.
    var requests: [LoginRadiusRequest] { state.withLock { $0.requests } }

    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        let reply = state.withLock { state -> Result<LoginRadiusResponse, LoginRadiusError> in
            state.requests.append(request)
            return state.replies.count > 1 ? state.replies.removeFirst() : state.replies[0]
        }
        return try reply.get()
    }
}

extension LoginRadiusResponse {
    /// A JSON reply.
    static func json(
        _ body: String, status: Int = 200, headers: LoginRadiusHeaders = ["Content-Type": "application/json"]
    ) -> Self {
        LoginRadiusResponse(status: status, headers: headers, body: Data(body.utf8))
    }
}

/// The test credentials.
enum TestCredentials {
    static let apiKey = "00000000-aaaa-bbbb-cccc-000000000001"
    static let apiSecret = "11111111-dddd-eeee-ffff-000000000002"

    static func configuration() throws -> LoginRadiusConfiguration {
        try LoginRadiusConfiguration(apiKey: apiKey, apiSecret: apiSecret)
    }
}
