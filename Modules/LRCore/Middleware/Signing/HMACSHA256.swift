import Crypto
package import Foundation

/// HMAC-SHA256 keyed with a UTF-8 secret, for LoginRadius's webhook signatures (LRWebhook
/// verifies them; the emulator signs with the same rule). `package`: users see
/// `WebhookVerifier`, not this.
package enum HMACSHA256 {
    /// The upper-case hex HMAC-SHA256 of `message` keyed with `secret`, as LoginRadius sends it.
    package static func hexSignature(of message: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        let digits = Array("0123456789ABCDEF".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in code {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `code` is the HMAC-SHA256 of `message` keyed with `secret`, compared in constant time.
    package static func isValid(_ code: [UInt8], of message: Data, secret: String) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(
            code, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }

    /// The length of an HMAC-SHA256 code in bytes.
    package static let byteCount = SHA256.byteCount
}

/// SHA-256, for keys that must not hold the value they stand for (the token cache of the
/// framework plugins). `package`, like ``HMACSHA256``.
package enum SHA256Digest {
    /// The SHA-256 digest of `text`'s UTF-8 bytes.
    package static func of(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(text.utf8)))
    }
}
