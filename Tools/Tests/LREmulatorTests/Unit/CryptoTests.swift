import Foundation
import Testing

@testable import LREmulator

@Suite("Password hashing and request signing")
struct CryptoTests {
    @Test func passwordsAreSaltedAndVerify() throws {
        let hasher = PasswordHasher(rounds: 10_000)
        let first = try hasher.hash("secret123")
        let second = try hasher.hash("secret123")
        #expect(first != second)
        #expect(first.hasPrefix("pbkdf2-sha256$10000$"))
        #expect(!first.contains("secret123"))
        #expect(hasher.verify("secret123", against: first))
        #expect(!hasher.verify("secret124", against: first))
        #expect(!hasher.verify("secret123", against: "garbage"))
    }

    @Test func roundsNeverGoBelowTheMinimum() {
        #expect(PasswordHasher(rounds: 10).rounds == 10_000)
    }

    @Test func percentEncodingMatchesPythonQuoteWithNoSafeCharacters() {
        #expect(
            RequestSignatureVerifier.percentEncodeAll("http://h:1/a?b=c&d=e+f~g.h_i-j")
                == "http%3A%2F%2Fh%3A1%2Fa%3Fb%3Dc%26d%3De%2Bf~g.h_i-j")
    }

    @Test func signingStringFollowsLoginRadiusRecipe() {
        let text = RequestSignatureVerifier.signingString(
            expiry: "2026-01-01 10:00:00", url: "HTTP://Host/Path?X=1", body: #"{"A": 1}"#)
        #expect(text == #"2026-01-01 10:00:00:http%3a%2f%2fhost%2fpath%3fx%3d1:{"A": 1}"#)
    }

    @Test func digestIsBase64HMACSHA256() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog") from RFC-style vectors.
        let verifier = RequestSignatureVerifier(apiSecret: "key")
        #expect(
            verifier.sign("The quick brown fox jumps over the lazy dog")
                == "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=")
    }

    @Test func signedRequestsAreChecked() throws {
        let verifier = RequestSignatureVerifier(apiSecret: "s3cret")
        let now = try #require(LoginRadiusDates.parseRequestExpiry("2026-01-01 09:00:00"))
        let expiry = "2026-01-01 10:00:00"
        let target = "/identity/v2/manage/account/sott?apikey=K"
        let digest = verifier.sign(
            RequestSignatureVerifier.signingString(
                expiry: expiry, url: "http://127.0.0.1:8787" + target, body: nil))
        func request(_ headers: [(String, String)]) -> EmulatorRequest {
            EmulatorRequest(
                method: "GET", target: target, host: "127.0.0.1:8787",
                headers: headers.map { (name: $0.0, value: $0.1) }, body: Data())
        }
        try verifier.verify(request([("X-Request-Expires", expiry), ("digest", "SHA-256=" + digest)]), now: now)
        #expect(throws: LoginRadiusAPIError(.signatureInvalid)) {
            try verifier.verify(request([("X-Request-Expires", expiry), ("digest", "SHA-256=AAAA")]), now: now)
        }
        #expect(throws: LoginRadiusAPIError(.requestExpiryMissing)) {
            try verifier.verify(request([("digest", "SHA-256=" + digest)]), now: now)
        }
        #expect(throws: LoginRadiusAPIError(.signatureMissing)) {
            try verifier.verify(request([("X-Request-Expires", expiry)]), now: now)
        }
        #expect(throws: LoginRadiusAPIError(.requestExpiryFormatInvalid)) {
            try verifier.verify(
                request([("X-Request-Expires", "tomorrow"), ("digest", "SHA-256=" + digest)]), now: now)
        }
        #expect(throws: LoginRadiusAPIError(.requestExpiryInvalid)) {
            try verifier.verify(
                request([("X-Request-Expires", expiry), ("digest", "SHA-256=" + digest)]),
                now: now.addingTimeInterval(7200))
        }
    }
}
