import Foundation
import LRCore
import Synchronization
import Testing

/// The SOTT key is derived once per secret (PBKDF2, 10,000 rounds), not on every token.
@Suite("SOTT key cache")
struct SOTTKeyCacheTests {
    @Test("a secret's key is derived once; another secret gets its own")
    func derivedOncePerSecret() throws {
        let derivations = Mutex(0)
        let secret = "cache-test-\(UUID().uuidString)"
        func derive(_ value: String) -> [UInt8] {
            derivations.withLock { $0 += 1 }
            return Array(value.utf8)
        }
        let first = SOTTKeyCache.key(for: secret, derive: derive)
        let second = SOTTKeyCache.key(for: secret, derive: derive)
        #expect(derivations.withLock { $0 } == 1)
        #expect(first == second)
        let other = SOTTKeyCache.key(for: secret + "-other", derive: derive)
        #expect(derivations.withLock { $0 } == 2)
        #expect(other != first)
    }

    @Test("tokens from the cached key equal tokens from a fresh derivation")
    func cachedKeyGivesSameToken() throws {
        let secret = "cache-token-\(UUID().uuidString)"
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        let first = try SOTT.generate(apiKey: "key", apiSecret: secret, now: now)
        let second = try SOTT.generate(apiKey: "key", apiSecret: secret, now: now)
        #expect(first == second)
        #expect(try SOTT.encryptionKeyHex(apiSecret: secret).count == 64)
    }
}
