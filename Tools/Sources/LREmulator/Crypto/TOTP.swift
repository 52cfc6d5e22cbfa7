// Time-based one-time passwords (RFC 6238) as authenticator apps (Google Authenticator,
// Microsoft Authenticator, …) compute them: HMAC-SHA1, 30-second steps, 6 digits, the secret
// shared as unpadded Base32 (RFC 4648).
import Crypto
import Foundation

enum TOTP {
    static let period: TimeInterval = 30
    static let digits = 6

    /// A new 160-bit secret, Base32-encoded (32 characters), LoginRadius's `ManualEntryCode`.
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base32.encode((0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The code for `date`, or nil when `secret` is not Base32.
    static func code(secret: String, at date: Date) -> String? {
        guard let key = Base32.decode(secret) else { return nil }
        return code(key: key, counter: counter(at: date))
    }

    /// Whether `code` is the code of the step containing `date` or of one of the `window`
    /// steps either side (clock drift between the device and the server).
    static func verify(_ code: String, secret: String, at date: Date, window: Int = 1) -> Bool {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == digits, let key = Base32.decode(secret) else { return false }
        let now = counter(at: date)
        for offset in -window...window {
            let step = Int64(now) + Int64(offset)
            guard step >= 0 else { continue }
            if self.code(key: key, counter: UInt64(step)) == trimmed { return true }
        }
        return false
    }

    static func counter(at date: Date) -> UInt64 {
        UInt64(max(0, (date.timeIntervalSince1970 / period).rounded(.down)))
    }

    /// RFC 4226 HOTP with dynamic truncation.
    static func code(key: [UInt8], counter: UInt64, digits: Int = TOTP.digits) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * $0)) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// The `otpauth://` URI authenticator apps read from a QR code.
    static func provisioningURI(secret: String, account: String, issuer: String) -> String {
        let label = percentEncode(issuer) + ":" + percentEncode(account)
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(percentEncode(issuer))"
            + "&algorithm=SHA1&digits=\(digits)&period=\(Int(period))"
    }

    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// RFC 4648 Base32 (`A–Z`, `2–7`), written without padding; decoding ignores case, spaces and `=`.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 0x1F)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
        return output
    }

    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased() where character != "=" && !character.isWhitespace {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(index)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output.isEmpty ? nil : output
    }
}
