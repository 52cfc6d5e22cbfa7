import Foundation
import LRWebhook
import Testing

@Suite("Webhook signature verification")
struct WebhookVerifierTests {
    /// A Login delivery, byte for byte, and its signatures computed independently (Python's
    /// `hmac.new(secret, body, sha256).hexdigest().upper()`).
    static let body = Data(
        #"{"HookName":"Login","Time":"2026-01-01T10:00:00Z","HookId":"5b0d8c1e-0000-4000-8000-000000000001","Data":{"Uid":"a1b2","Email":[{"Type":"Primary","Value":"ada@example.com"}]}}"#
            .utf8)
    static let primary = "primary-api-secret"
    static let secondary = "secondary-api-secret"
    static let primarySignature = "9E37E44BAA81F6130CAE71086EA7FE0EB974A1DFB48A156DCEB5F12CE162A774"
    static let secondarySignature = "0C8BF7EB62EA20A7FD4FA9612A7F7CD85288276424BDF6B8A9551E257B2CAE5E"

    @Test("signatures are upper-case hex HMAC-SHA256 of the body keyed with the secret (known vectors)")
    func knownVectors() {
        #expect(WebhookVerifier.signature(of: Self.body, secret: Self.primary) == Self.primarySignature)
        #expect(WebhookVerifier.signature(of: Self.body, secret: Self.secondary) == Self.secondarySignature)
        // RFC 4231-style public vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        #expect(
            WebhookVerifier.signature(of: Data("The quick brown fox jumps over the lazy dog".utf8), secret: "key")
                == "F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8")
    }

    @Test("a valid delivery gives the typed event; the header is found whatever its case")
    func validDelivery() throws {
        let verifier = try WebhookVerifier(secret: Self.primary)
        let event = try verifier.verify(body: Self.body, headers: ["Signature": Self.primarySignature])
        #expect(event.name == .login)
        #expect(event.name == "login")
        #expect(event.hookID == "5b0d8c1e-0000-4000-8000-000000000001")
        #expect(event.time == "2026-01-01T10:00:00Z")
        #expect(event.data.objectValue?["Uid"] == .string("a1b2"))
        // A lower-case hex signature is the same signature.
        _ = try verifier.verify(body: Self.body, signature: Self.primarySignature.lowercased())
    }

    @Test("rotation: a delivery signed with any configured secret is accepted")
    func rotation() throws {
        let verifier = try WebhookVerifier(secrets: [Self.secondary, Self.primary])
        #expect(try verifier.verify(body: Self.body, signature: Self.primarySignature).name == .login)
        #expect(try verifier.verify(body: Self.body, signature: Self.secondarySignature).name == .login)
        let onlySecondary = try WebhookVerifier(secrets: [Self.secondary])
        expectRefusal(.invalidSignature) {
            try onlySecondary.verify(body: Self.body, signature: Self.primarySignature)
        }
    }

    @Test("a tampered body, a wrong or truncated signature, or none, is refused with a typed error")
    func refusals() throws {
        let verifier = try WebhookVerifier(secret: Self.primary)
        var tampered = Self.body
        tampered[tampered.count - 3] = UInt8(ascii: "3")
        expectRefusal(.invalidSignature) {
            try verifier.verify(body: tampered, signature: Self.primarySignature)
        }
        // Whitespace added by re-encoding changes the signature too.
        expectRefusal(.invalidSignature) {
            try verifier.verify(body: Self.body + Data(" ".utf8), signature: Self.primarySignature)
        }
        expectRefusal(.invalidSignature) {
            try verifier.verify(body: Self.body, signature: String(Self.primarySignature.dropLast(2)))
        }
        expectRefusal(.invalidSignature) {
            try verifier.verify(body: Self.body, signature: "Z" + Self.primarySignature.dropFirst())
        }
        expectRefusal(.missingSignature) {
            try verifier.verify(body: Self.body, headers: ["Content-Type": "application/json"])
        }
        expectRefusal(.missingSignature) {
            try verifier.verify(body: Self.body, signature: "")
        }
    }

    @Test("a signed body that is not a webhook payload is refused after verification, as malformed")
    func malformedPayload() throws {
        let verifier = try WebhookVerifier(secret: Self.primary)
        for text in ["[1,2]", #"{"Data":{}}"#, "not json"] {
            let body = Data(text.utf8)
            let signature = WebhookVerifier.signature(of: body, secret: Self.primary)
            expectRefusal(.malformedPayload) {
                try verifier.verify(body: body, signature: signature)
            }
        }
    }

    @Test("a verifier needs a secret; errors never quote the signature or the secret")
    func configurationAndMessages() throws {
        expectRefusal(.noSecret) { try WebhookVerifier(secrets: []) }
        expectRefusal(.noSecret) { try WebhookVerifier(secrets: [""]) }
        let verifier = try WebhookVerifier(secret: Self.primary)
        do {
            _ = try verifier.verify(body: Self.body, signature: Self.secondarySignature)
            Issue.record("accepted a foreign signature")
        } catch {
            #expect(!error.description.contains(Self.secondarySignature))
            #expect(!error.description.contains(Self.primary))
        }
    }
}

/// Expects `body` to throw a ``WebhookVerificationError`` with `code`.
func expectRefusal(
    _ code: WebhookVerificationError.Code, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Any
) {
    do {
        _ = try body()
        Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as WebhookVerificationError {
        #expect(error.code == code, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
