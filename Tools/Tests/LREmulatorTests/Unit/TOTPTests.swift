// The emulator's authenticator codes against RFC 6238's SHA-1 test vectors, and Base32.
import Foundation
import Testing

@testable import LREmulator

@Suite("TOTP (RFC 6238) and Base32")
struct TOTPTests {
    @Test("RFC 6238 SHA-1 vectors")
    func vectors() {
        let key = Array("12345678901234567890".utf8)
        let vectors: [(UInt64, String)] = [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ]
        for (time, expected) in vectors {
            #expect(TOTP.code(key: key, counter: time / 30, digits: 8) == expected)
        }
    }

    @Test("Base32 round trip and the RFC secret")
    func base32() {
        #expect(Base32.encode(Array("12345678901234567890".utf8)) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq") == Array("12345678901234567890".utf8))
        #expect(Base32.decode("not base32!") == nil)
        let secret = TOTP.newSecret()
        #expect(secret.count == 32)
        #expect(Base32.decode(secret)?.count == 20)
    }

    @Test("verification accepts the neighbouring steps only")
    func window() throws {
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let code = try #require(TOTP.code(secret: secret, at: now))
        #expect(TOTP.verify(code, secret: secret, at: now))
        #expect(TOTP.verify(code, secret: secret, at: now.addingTimeInterval(30)))
        #expect(!TOTP.verify(code, secret: secret, at: now.addingTimeInterval(90)))
        #expect(!TOTP.verify("12345", secret: secret, at: now))
    }
}
