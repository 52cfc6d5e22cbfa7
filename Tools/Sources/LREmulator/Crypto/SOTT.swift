// Secured One-Time Tokens, as LoginRadius's SDKs make them and its registration API checks them:
//   base64(AES-256-CBC(key, IV, start + "#" + apiKey + "#" + end)) + "*" + md5hex(base64)
// key = PBKDF2-HMAC-SHA1(secret, salt = 8 zero bytes, 10,000 rounds, 32 bytes),
// IV = ASCII "tu89geji340t89u2", PKCS#7 padding, times `yyyy/MM/dd HH:mm:ss` UTC.
import Crypto
import Foundation
import _CryptoExtras

struct SOTTCodec: Sendable {
    static let initializationVector = Array("tu89geji340t89u2".utf8)
    static let salt = [UInt8](repeating: 0, count: 8)
    static let rounds = 10_000

    let apiKey: String
    /// The derived AES key's bytes (`SymmetricKey` itself is not `Sendable`); nil only if
    /// key derivation failed, in which case no SOTT is accepted or made.
    private let keyBytes: [UInt8]?

    enum Failure: Error {
        case keyDerivationFailed
    }

    init(apiKey: String, apiSecret: String) {
        self.apiKey = apiKey
        let derived = try? KDF.Insecure.PBKDF2.deriveKey(
            from: Array(apiSecret.utf8), salt: SOTTCodec.salt, using: .insecureSHA1,
            outputByteCount: 32, unsafeUncheckedRounds: SOTTCodec.rounds)
        self.keyBytes = derived?.withUnsafeBytes { Array($0) }
    }

    /// Makes a SOTT valid from `start` to `end`.
    func make(start: Date, end: Date) throws -> String {
        guard let keyBytes else { throw Failure.keyDerivationFailed }
        let key = SymmetricKey(data: keyBytes)
        let plaintext = LoginRadiusDates.sottTime(start) + "#" + apiKey + "#" + LoginRadiusDates.sottTime(end)
        let iv = try AES._CBC.IV(ivBytes: SOTTCodec.initializationVector)
        let ciphertext = try AES._CBC.encrypt(Array(plaintext.utf8), using: key, iv: iv)
        let encoded = ciphertext.base64EncodedString()
        return encoded + "*" + SOTTCodec.md5Hex(encoded)
    }

    /// The decrypted content of a SOTT.
    struct Content: Equatable {
        let start: Date
        let apiKey: String
        let end: Date
    }

    /// Decrypts a SOTT, checking its MD5 suffix. Nil when it is not a well-formed SOTT for this secret.
    func decode(_ sott: String) -> Content? {
        let normalized = SOTTCodec.normalize(sott)
        guard let star = normalized.lastIndex(of: "*") else { return nil }
        let encoded = String(normalized[..<star])
        let checksum = String(normalized[normalized.index(after: star)...])
        guard let keyBytes, SOTTCodec.md5Hex(encoded) == checksum.lowercased(),
            let ciphertext = Data(base64Encoded: encoded),
            let iv = try? AES._CBC.IV(ivBytes: SOTTCodec.initializationVector),
            let plaintext = try? AES._CBC.decrypt(ciphertext, using: SymmetricKey(data: keyBytes), iv: iv),
            let text = String(data: plaintext, encoding: .utf8)
        else { return nil }
        let parts = text.split(separator: "#", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3,
            let start = LoginRadiusDates.parseSOTTTime(parts[0]),
            let end = LoginRadiusDates.parseSOTTTime(parts[2])
        else { return nil }
        return Content(start: start, apiKey: parts[1], end: end)
    }

    /// Accepts a SOTT when it decrypts, names this API key, and `now` lies in
    /// [start - skew, end]. Throws LoginRadius's 1048 (missing) or 1049 (invalid).
    func validate(_ sott: String?, now: Date, skew: TimeInterval) throws(LoginRadiusAPIError) {
        guard let sott, !sott.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LoginRadiusAPIError(.sottRequired)
        }
        guard let content = decode(sott),
            content.apiKey.lowercased() == apiKey.lowercased(),
            now >= content.start.addingTimeInterval(-skew),
            now <= content.end
        else { throw LoginRadiusAPIError(.sottInvalid) }
    }

    /// Undoes what transports may do to a SOTT: percent-encoding, and `+` read as a space.
    private static func normalize(_ sott: String) -> String {
        var text = sott.trimmingCharacters(in: .whitespaces)
        if text.contains("%"), let decoded = text.removingPercentEncoding { text = decoded }
        return text.replacingOccurrences(of: " ", with: "+")
    }

    static func md5Hex(_ text: String) -> String {
        Insecure.MD5.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
