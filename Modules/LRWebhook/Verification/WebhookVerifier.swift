public import Foundation

/// Checks that a webhook delivery comes from LoginRadius, then decodes it.
///
/// LoginRadius signs each delivery with a `signature` header: the HMAC-SHA256 of the payload
/// body, keyed with the API secret chosen for the webhook (the primary secret or a secondary
/// one), as upper-case hex. The verifier recomputes it over the raw body, exactly as received,
/// and compares in constant time; only then does it decode the body.
///
/// ```swift
/// let verifier = try WebhookVerifier(secrets: [currentSecret, previousSecret])
/// // In your route, with the body's bytes as they arrived:
/// let event = try verifier.verify(body: body, headers: headers)
/// if event.name == .login { … }
/// ```
///
/// Pass several secrets while you rotate one: a delivery signed with any of them is accepted.
/// Never decode the body yourself before verifying it, nor re-encode it: a single changed byte
/// (whitespace, member order, an escaped `/`) changes the signature.
///
/// Source: LoginRadius's webhook guide, "WebHook Security".
public struct WebhookVerifier: Sendable {
    /// The name of the header carrying the signature.
    public static let signatureHeader = "signature"

    private let secrets: [String]

    /// Creates a verifier accepting deliveries signed with any of `secrets`.
    ///
    /// - Parameter secrets: The API secrets a webhook may be configured with, current first.
    /// - Throws: ``WebhookVerificationError/Code/noSecret`` when `secrets` is empty or all blank.
    public init(secrets: [String]) throws(WebhookVerificationError) {
        let usable = secrets.filter { !$0.isEmpty }
        guard !usable.isEmpty else {
            throw WebhookVerificationError(.noSecret, "a webhook verifier needs at least one non-empty API secret")
        }
        self.secrets = usable
    }

    /// Creates a verifier for deliveries signed with `secret`.
    ///
    /// - Throws: ``WebhookVerificationError/Code/noSecret`` when `secret` is empty.
    public init(secret: String) throws(WebhookVerificationError) {
        try self.init(secrets: [secret])
    }

    /// Verifies a delivery from its raw body and its header fields, then decodes its event.
    ///
    /// - Parameters:
    ///   - body: The request body, byte for byte as received.
    ///   - headers: The request's header fields; the `signature` field is looked up case-insensitively.
    /// - Returns: The event.
    /// - Throws: ``WebhookVerificationError`` with ``WebhookVerificationError/Code/missingSignature``,
    ///   ``WebhookVerificationError/Code/invalidSignature`` or
    ///   ``WebhookVerificationError/Code/malformedPayload``.
    public func verify(body: Data, headers: LoginRadiusHeaders) throws(WebhookVerificationError) -> WebhookEvent {
        try verify(body: body, signature: headers[Self.signatureHeader])
    }

    /// Verifies a delivery from its raw body and its `signature` header's value, then decodes its event.
    ///
    /// - Parameters:
    ///   - body: The request body, byte for byte as received.
    ///   - signature: The value of the `signature` header, or `nil` when it was absent.
    /// - Returns: The event.
    /// - Throws: ``WebhookVerificationError`` as ``verify(body:headers:)`` does.
    public func verify(body: Data, signature: String?) throws(WebhookVerificationError) -> WebhookEvent {
        try authenticate(body: body, signature: signature)
        return try WebhookEvent(payload: body)
    }

    /// Checks the signature only, without decoding the body.
    ///
    /// - Throws: ``WebhookVerificationError/Code/missingSignature`` or
    ///   ``WebhookVerificationError/Code/invalidSignature``.
    public func authenticate(body: Data, signature: String?) throws(WebhookVerificationError) {
        guard let signature, !signature.isEmpty else {
            throw WebhookVerificationError(.missingSignature, "the delivery has no signature header")
        }
        guard let code = Self.bytes(ofHex: signature) else {
            throw WebhookVerificationError(.invalidSignature, "the signature is not 64 hexadecimal digits")
        }
        // Every secret is tried, so the time taken says nothing about which one matched.
        var matched = false
        for secret in secrets where HMACSHA256.isValid(code, of: body, secret: secret) {
            matched = true
        }
        guard matched else {
            throw WebhookVerificationError(.invalidSignature, "the signature does not match the body for any secret")
        }
    }

    /// The bytes of a hex string of exactly one HMAC-SHA256 code (either case), or `nil`.
    static func bytes(ofHex text: String) -> [UInt8]? {
        let digits = Array(text.utf8.filter { $0 != UInt8(ascii: " ") })
        guard digits.count == HMACSHA256.byteCount * 2 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(HMACSHA256.byteCount)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

extension WebhookVerifier {
    /// The `signature` header value LoginRadius sends for `body` keyed with `secret`: upper-case
    /// hex HMAC-SHA256. For tests of your webhook routes, and for senders that sign like LoginRadius.
    public static func signature(of body: Data, secret: String) -> String {
        HMACSHA256.hexSignature(of: body, secret: secret)
    }
}
