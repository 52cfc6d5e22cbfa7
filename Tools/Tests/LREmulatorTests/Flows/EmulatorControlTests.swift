import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

@Suite("Emulator endpoints, lifecycle and client leniency")
struct EmulatorControlTests {
    @Test func outboxAndResetEndpoints() async throws {
        try await EmulatorHarness.run { lr in
            try await lr.register(email: "o@example.com")
            let outbox = try await lr.request("GET", "emulator/v1/outbox", apiKey: nil)
            #expect(outbox.status == 200)
            let message = try #require(outbox.array.first)
            #expect(message["type"] as? String == "email")
            #expect(message["purpose"] as? String == "verification")
            #expect(message["recipient"] as? String == "o@example.com")
            #expect(message["token"] is String)
            #expect(message["otp"] is NSNull)
            #expect(
                (message["link"] as? String)?.hasPrefix(lr.baseURL + "auth.aspx?vtype=emailverification&vtoken=")
                    == true)
            #expect(message["subject"] as? String == "Email Verification")
            #expect((message["createdAt"] as? String)?.hasSuffix("Z") == true)
            #expect(message["id"] is String)

            // The HTTP outbox decodes into OutboxMessage.
            let data = try JSONSerialization.data(withJSONObject: outbox.array)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let text = try decoder.singleValueContainer().decode(String.self)
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
                guard let date = formatter.date(from: text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
                }
                return date
            }
            let decoded = try decoder.decode([OutboxMessage].self, from: data)
            #expect(decoded.first?.token == message["token"] as? String)

            let cleared = try await lr.request("DELETE", "emulator/v1/outbox", apiKey: nil)
            #expect(cleared.status == 200)
            #expect(await lr.emulator.outbox().isEmpty)

            let reset = try await lr.request("POST", "emulator/v1/reset", apiKey: nil)
            #expect(reset["IsPosted"] as? Bool == true)
            let exists = try await lr.request("GET", "identity/v2/auth/email?email=o@example.com")
            #expect(exists["IsExist"] as? Bool == false)
        }
    }

    @Test func startOnAnyPortAndStop() async throws {
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
        let url = try await emulator.start()
        #expect(url.absoluteString == emulator.baseURL)
        #expect(url.port != nil && url.port != 0)
        #expect(emulator.baseURL.hasPrefix("http://127.0.0.1:"))
        #expect(try await emulator.start() == url) // already running: same address
        await emulator.stop()
        await emulator.stop() // idempotent
        #expect(LoginRadiusEmulator.defaultAPIKey == EmulatorConfiguration().apiKey)
    }

    @Test func portInUseFailsToStart() async throws {
        let first = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
        let url = try await first.start()
        let port = try #require(url.port)
        let second = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: port))
        await #expect(throws: (any Error).self) { try await second.start() }
        await first.stop()
    }

    /// What LoginRadius's Python SDK sends: unencoded `+` in query values, `True`/`False`,
    /// `Content-Type: application/json` on GET, `json.dumps` spacing, and `{}` bodies on DELETE.
    @Test func acceptsPythonSDKStyleRequests() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "py+tag@example.com")
            let exists = try await lr.request("GET", "identity/v2/auth/email?email=py+tag@example.com")
            #expect(exists["IsExist"] as? Bool == true)
            let spaced = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email": "py+tag@example.com", "password": "secret123"}"#)
            #expect(spaced.status == 200)
            let update = try await lr.request(
                "PUT", "identity/v2/auth/account?nullSupport=False", body: #"{"FirstName": "Py", "LastName": null}"#,
                token: token)
            #expect((update["Data"] as? [String: Any])?["FirstName"] as? String == "Py")
            let deletion = try await lr.request("DELETE", "identity/v2/auth/account", body: "{}", token: token)
            #expect(deletion["IsDeleteRequestAccepted"] as? Bool == true)
        }
    }
}
