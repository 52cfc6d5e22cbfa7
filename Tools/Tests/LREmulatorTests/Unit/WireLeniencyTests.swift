import Foundation
import LRTestSupport
import LoginRadius
import Testing

@testable import LREmulator

@Suite("Wire forms other LoginRadius clients send")
struct WireLeniencyTests {
    static let apiKey = SOTTTests.apiKey
    static let apiSecret = SOTTTests.apiSecret

    @Test(
        "SOTT times with dashes (the Python SDK README's `2022-01-16 12:00:00`) and unpadded (another SDK's `2026/12/5 9:04:07`)",
        arguments: [
            ("2026-01-01 10:00:00", "2026-01-01 10:10:00"),
            ("2026/1/1 9:05:07", "2026/1/1 10:0:0"),
            ("2026-1-1 09:05:07", "2026/01/01 10:10:00"),
        ])
    func sottTimeForms(start: String, end: String) throws {
        let sott = try SOTT.generate(apiKey: Self.apiKey, apiSecret: Self.apiSecret, startTime: start, endTime: end)
        let codec = SOTTCodec(apiKey: Self.apiKey, apiSecret: Self.apiSecret)
        let inside = try #require(LoginRadiusDates.parseSOTTTime("2026/01/01 10:00:00"))
        try codec.validate(sott, now: inside, skew: 0)
        #expect(throws: LoginRadiusAPIError(.sottInvalid)) {
            try codec.validate(sott, now: inside.addingTimeInterval(3600), skew: 0)
        }
    }

    @Test(
        "SOTT times that are not times stay refused",
        arguments: [
            "2026/13/01 10:00:00", "2026/01/01 24:00:00", "26/01/01 10:00:00", "2026/01/01T10:00:00",
            "2026/001/01 10:00:00",
            "2026/01/01 10:00", "tomorrow",
        ])
    func badSOTTTimes(text: String) {
        #expect(LoginRadiusDates.parseSOTTTime(text) == nil)
    }

    @Test(
        "a request signed as LoginRadius's guide says (decode the whole URL, encode, hash) is accepted: our SDK's habit"
    )
    func signatureOfDecodedURL() throws {
        let verifier = RequestSignatureVerifier(apiSecret: "s3cret")
        let now = try #require(LoginRadiusDates.parseRequestExpiry("2026-01-01 09:00:00"))
        let expiry = "2026-01-01 10:00:00"
        let target = "/identity/v2/manage/account?apikey=K&email=ada%40example.com"
        func request(_ digest: String) -> EmulatorRequest {
            EmulatorRequest(
                method: "GET", target: target, host: "127.0.0.1:8787",
                headers: [("X-Request-Expires", expiry), ("digest", "SHA-256=" + digest)], body: Data())
        }
        let decoded = verifier.sign(
            RequestSignatureVerifier.signingString(
                expiry: expiry, url: "http://127.0.0.1:8787/identity/v2/manage/account?apikey=K&email=ada@example.com",
                body: nil))
        try verifier.verify(request(decoded), now: now)
        // A client that encodes the URL as sent, without decoding it first, is accepted too.
        let asSent = verifier.sign(
            RequestSignatureVerifier.signingString(expiry: expiry, url: "http://127.0.0.1:8787" + target, body: nil))
        try verifier.verify(request(asSent), now: now)
        let other = verifier.sign(
            RequestSignatureVerifier.signingString(
                expiry: expiry, url: "http://127.0.0.1:8787/identity/v2/manage/account?apikey=K&email=eve@example.com",
                body: nil))
        #expect(throws: LoginRadiusAPIError(.signatureInvalid)) { try verifier.verify(request(other), now: now) }
    }

    @Test("the SDK with request signing on reads an account by email (`%40` in the query) from the emulator")
    func signedSDKCallWithEncodedQuery() async throws {
        try await EmulatorHarness.run { lr in
            _ = try await lr.manage(
                "POST", "identity/v2/manage/account",
                body: #"{"Email":[{"Type":"Primary","Value":"signed+1@example.com"}],"Password":"secret123"}"#)
            var configuration = try LoginRadiusConfiguration(
                apiKey: EmulatorHarness.apiKey, apiSecret: EmulatorHarness.apiSecret, baseURL: lr.baseURL)
            configuration.requestSigning = true
            let client = try LoginRadiusClient(configuration: configuration)
            let identity = try await client.account.getAccountProfileByEmail(email: "signed+1@example.com")
            #expect(identity.email?.first?.value == "signed+1@example.com")
        }
    }
}
