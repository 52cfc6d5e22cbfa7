// Password storage: PBKDF2-HMAC-SHA256 with a random 16-byte salt. Stored as
// `pbkdf2-sha256$<rounds>$<base64 salt>$<base64 hash>`; plaintext passwords are never kept.
import Crypto
import Foundation
import _CryptoExtras

struct PasswordHasher: Sendable {
    /// Never fewer than this many rounds, whatever the configuration says.
    static let minimumRounds = 10_000
    let rounds: Int

    init(rounds: Int) {
        self.rounds = max(rounds, PasswordHasher.minimumRounds)
    }

    func hash(_ password: String) throws -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        let derived = try derive(password, salt: salt, rounds: rounds)
        return ["pbkdf2-sha256", String(rounds), Data(salt).base64EncodedString(), derived.base64EncodedString()]
            .joined(separator: "$")
    }

    func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256",
            let storedRounds = Int(parts[1]),
            let salt = Data(base64Encoded: parts[2]),
            let expected = Data(base64Encoded: parts[3]),
            let actual = try? derive(password, salt: Array(salt), rounds: storedRounds)
        else { return false }
        return PasswordHasher.constantTimeEqual(Array(actual), Array(expected))
    }

    private func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256,
            outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }

    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
