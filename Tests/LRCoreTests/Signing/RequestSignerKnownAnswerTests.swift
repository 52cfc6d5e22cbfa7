import Foundation
import LRCore
import Testing

@Suite("Request signing")
struct RequestSignerKnownAnswerTests {
    struct DigestCase: Decodable {
        var id: String
        var apiSecret: String
        var expiryTime: String
        var url: String
        var payloadJSON: String?
        var expectedSigningString: String?
        var digest: String?
        var binding: Bool

        enum CodingKeys: String, CodingKey {
            case id, url, digest, binding
            case apiSecret = "api_secret"
            case expiryTime = "expiry_time"
            case payloadJSON = "payload_json"
            case expectedSigningString = "signing_string"
        }
    }

    struct DigestFile: Decodable {
        var cases: [DigestCase]
    }

    static func cases() throws -> [DigestCase] {
        let data = try Data(contentsOf: conformanceFolder.appendingPathComponent("digest.json"))
        return try JSONDecoder().decode(DigestFile.self, from: data).cases
    }

    @Test("every binding case of digest.json gives the same signing string and digest")
    func bindingCases() throws {
        let cases = try Self.cases().filter(\.binding)
        #expect(cases.count >= 8)
        for testCase in cases {
            let signer = RequestSigner(secret: testCase.apiSecret)
            let body = testCase.payloadJSON.map { Data($0.utf8) }
            #expect(
                signer.signingString(expiry: testCase.expiryTime, url: testCase.url, body: body)
                    == testCase.expectedSigningString, "\(testCase.id)")
            #expect(
                signer.digest(expiry: testCase.expiryTime, url: testCase.url, body: body) == testCase.digest,
                "\(testCase.id)")
        }
    }

    @Test("an already encoded URL is decoded first, unlike the Python SDK")
    func encodedURLIsDecodedFirst() throws {
        let signer = RequestSigner(secret: "s")
        let string = signer.signingString(
            expiry: "2026-01-01 11:00:00", url: "https://h/a?email=user%2Btag%40example.com", body: nil)
        #expect(string == "2026-01-01 11:00:00:https%3a%2f%2fh%2fa%3femail%3duser%2btag%40example.com")
    }

    @Test("the expiry uses a 24-hour UTC clock")
    func expiryFormat() {
        let date = Date(timeIntervalSince1970: 1_767_279_600) // 2026-01-01 15:00:00 UTC
        #expect(RequestSigner.expiryString(date) == "2026-01-01 15:00:00")
    }

    @Test("the middleware removes the secret header and signs the sent URL and body")
    func middlewareSigns() async throws {
        let transport = ScriptedTransport()
        var configuration = try TestCredentials.configuration()
        configuration.requestSigning = true
        let client = try LoginRadiusClient(configuration: configuration, transport: transport)
        let operation = OperationDescriptor(
            name: "updateAccountByUID", group: "account", method: .put,
            pathTemplate: "identity/v2/manage/account/{uid}",
            apiSecret: .header(LoginRadiusHeaderName.apiSecret), documentation: "x")
        var call = APICall(operation)
        try call.pathParameter("uid", "abc", parameter: "uid")
        try call.body(JSONValue.object(["FirstName": "Ada"]))
        _ = try await client.send(call)
        let request = try #require(transport.requests.first)
        #expect(request.headers[LoginRadiusHeaderName.apiSecret] == nil)
        let expiry = try #require(request.headers["X-Request-Expires"])
        let expected = RequestSigner(secret: TestCredentials.apiSecret).digest(
            expiry: expiry, url: request.url, body: request.body)
        #expect(request.headers["digest"] == "SHA-256=" + expected)
        #expect(!request.url.contains(TestCredentials.apiSecret))
    }
}
