import Crypto
import Synchronization

/// The SOTT encryption keys derived so far, so PBKDF2's 10,000 rounds run once per API secret
/// rather than on every SOTT (an app has one secret, or a few while rotating).
///
/// Entries are found by the SHA-256 digest of the secret, so the secret itself is not kept; the
/// few most recently used are kept, the oldest dropped first.
package enum SOTTKeyCache {
    /// How many secrets' keys are kept.
    static let capacity = 4

    private struct Entry: Sendable {
        var secretDigest: [UInt8]
        var keyBytes: [UInt8]
    }

    private static let entries = Mutex<[Entry]>([])

    /// The key bytes for `apiSecret`, derived by `derive` only when they are not cached.
    package static func key(for apiSecret: String, derive: (String) throws -> [UInt8]) rethrows -> [UInt8] {
        let digest = Array(SHA256.hash(data: Array(apiSecret.utf8)))
        if let bytes = entries.withLock({ entries in entries.first { $0.secretDigest == digest }?.keyBytes }) {
            return bytes
        }
        let keyBytes = try derive(apiSecret) // outside the lock: PBKDF2 takes milliseconds
        entries.withLock { entries in
            entries.removeAll { $0.secretDigest == digest }
            entries.insert(Entry(secretDigest: digest, keyBytes: keyBytes), at: 0)
            if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        }
        return keyBytes
    }
}
