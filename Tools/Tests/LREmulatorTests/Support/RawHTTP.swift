// The emulator tests speak raw HTTP (URLSession) to the shared harness's emulator: requests with
// and without the API key or secret, and the register/verify/login flow on the wire.
import Foundation
import LRTestSupport

@testable import LREmulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A decoded HTTP response: status and JSON body.
struct HTTPResult: @unchecked Sendable {
    let status: Int
    let json: Any?

    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var errorCode: Int? { object["ErrorCode"] as? Int }
    subscript(key: String) -> Any? { object[key] }
}

extension EmulatorHarness {
    static let apiKey = LoginRadiusEmulator.defaultAPIKey
    static let apiSecret = LoginRadiusEmulator.defaultAPISecret

    /// Sends a request. `path` is relative to the base URL and may carry a query; `apikey` is
    /// appended unless `apiKey` is nil.
    func request(
        _ method: String, _ path: String, apiKey: String? = EmulatorHarness.apiKey,
        headers: [String: String] = [:], body: String? = nil, token: String? = nil
    ) async throws -> HTTPResult {
        var target = path
        if let apiKey {
            target += (target.contains("?") ? "&" : "?") + "apikey=" + apiKey
        }
        guard let url = URL(string: baseURL + target) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data)
        return HTTPResult(status: status, json: json)
    }

    /// A management request carrying the API secret header.
    func manage(_ method: String, _ path: String, body: String? = nil) async throws -> HTTPResult {
        try await request(method, path, headers: ["X-LoginRadius-ApiSecret": EmulatorHarness.apiSecret], body: body)
    }

    // MARK: Flow helpers

    /// Registers an email account with a fresh SOTT; returns the registration response.
    @discardableResult
    func register(email: String, password: String = "secret123", extra: String = "", query: String = "") async throws
        -> HTTPResult
    {
        let sott = try emulator.makeSOTT()
        let body = #"{"Email":[{"Type":"Primary","Value":"\#(email)"}],"Password":"\#(password)"\#(extra)}"#
        return try await request(
            "POST", "identity/v2/auth/register" + (query.isEmpty ? "" : "?" + query),
            headers: ["X-LoginRadius-Sott": sott], body: body)
    }

    /// The newest outbox message for `recipient` with `purpose`.
    func latestMessage(to recipient: String, purpose: OutboxMessage.Purpose) async -> OutboxMessage? {
        await emulator.outbox().last { $0.recipient == recipient && $0.purpose == purpose }
    }

    /// Registers, verifies through the outbox token and logs in; returns the access token.
    func verifiedAccessToken(email: String, password: String = "secret123", extra: String = "") async throws -> String {
        try await register(email: email, password: password, extra: extra)
        guard let token = await latestMessage(to: email, purpose: .verification)?.token else {
            throw HarnessError("verification token for \(email)")
        }
        _ = try await request("GET", "identity/v2/auth/email?verificationtoken=" + token)
        return try await login(email: email, password: password)
    }

    func login(email: String, password: String = "secret123") async throws -> String {
        let result = try await request(
            "POST", "identity/v2/auth/login", body: #"{"email":"\#(email)","password":"\#(password)"}"#)
        guard let token = result["access_token"] as? String else {
            throw HarnessError("access token (status \(result.status), code \(result.errorCode ?? 0))")
        }
        return token
    }

    /// The body of a GET as text (HTML pages).
    func rawText(_ path: String) async throws -> String {
        guard let url = URL(string: baseURL + path) else { throw URLError(.badURL) }
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }
}
