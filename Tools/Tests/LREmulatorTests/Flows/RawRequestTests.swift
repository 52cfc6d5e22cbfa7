// Requests URLSession will not send (a GET with a body), through HummingbirdTesting's live
// client against the emulator's own application.
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LREmulator

@Suite("Raw requests")
struct RawRequestTests {
    @Test func getAndDeleteMayCarryAJSONBody() async throws {
        let engine = EmulatorEngine(configuration: EmulatorConfiguration(port: 0))
        let application = ServerFactory.makeApplication(engine: engine) { _, _ in }
        let key = LoginRadiusEmulator.defaultAPIKey
        try await application.test(.live) { client in
            let headers: HTTPFields = [.contentType: "application/json"]
            try await client.execute(
                uri: "/identity/v2/auth/email?apikey=\(key)&email=x@example.com", method: .get,
                headers: headers, body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"IsExist":false}"#)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
            try await client.execute(
                uri: "/identity/v2/auth/account?apikey=\(key)", method: .get,
                headers: headers.merging([.authorization: "Bearer nope"]), body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains(#""ErrorCode":905"#))
            }
            try await client.execute(
                uri: "/identity/v2/auth/login?apikey=\(key)", method: .post,
                headers: headers, body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(#""ErrorCode":965"#))
            }
        }
    }
}

extension HTTPFields {
    fileprivate func merging(_ other: HTTPFields) -> HTTPFields {
        var result = self
        result.append(contentsOf: other)
        return result
    }
}
