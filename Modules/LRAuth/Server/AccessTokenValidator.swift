public import Foundation
import Synchronization

/// A signed-in end user, as an access token showed them: their profile and LoginRadius roles.
public struct LoginRadiusUser: Sendable {
    /// The user's profile (`getProfileByAccessToken`).
    public var profile: Identity
    /// The user's LoginRadius uid.
    public var uid: String { profile.uid ?? "" }
    /// The user's LoginRadius roles (the profile's `Roles`).
    public var roles: Set<String>
    /// When the access token expires, when LoginRadius said.
    public var tokenExpiry: Date?

    /// Creates a user.
    public init(profile: Identity, tokenExpiry: Date? = nil) {
        self.profile = profile
        self.roles = Set(profile.roles ?? [])
        self.tokenExpiry = tokenExpiry
    }
}

/// Validates LoginRadius access tokens for a server, with a bounded cache of recent answers.
///
/// The framework plugins (LRHummingbird, LRVapor) authenticate each request with it; use it
/// directly with any other server. A token is checked with LoginRadius once
/// (`authValidateAccessToken` for its expiry and `getProfileByAccessToken` for the profile, in
/// parallel); the answer is then served from memory:
///
/// - The cache is keyed by the SHA-256 of the token, never the token itself.
/// - A valid token is kept for ``Options/ttl`` at most, and never past its expiry.
/// - A refused token (LoginRadius answered with an error) is kept for ``Options/refusalTTL``, so
///   a client retrying a bad token does not reach LoginRadius on every request.
/// - Other failures (LoginRadius unreachable, 5xx) are thrown and not kept.
/// - At ``Options/maxEntries`` the expired entries go first, then those expiring soonest.
///
/// Call ``invalidate(_:)`` when a token is revoked (logout), so that the next request with it
/// is checked again.
public final class AccessTokenValidator: Sendable {
    /// Sizes and lifetimes of the cache.
    public struct Options: Sendable {
        /// The most answers kept. Default 10,000.
        public var maxEntries: Int
        /// How long a valid token's answer is kept (never past the token's expiry). Default 60 s.
        public var ttl: Duration
        /// How long a refusal is kept. Default 5 s.
        public var refusalTTL: Duration

        /// Creates options.
        public init(maxEntries: Int = 10_000, ttl: Duration = .seconds(60), refusalTTL: Duration = .seconds(5)) {
            self.maxEntries = max(1, maxEntries)
            self.ttl = ttl
            self.refusalTTL = refusalTTL
        }
    }

    /// How often the cache answered (for metrics and tests).
    public struct Statistics: Sendable, Hashable {
        /// Requests answered from the cache.
        public var hits: Int
        /// Requests that asked LoginRadius.
        public var misses: Int

        /// Creates statistics.
        public init(hits: Int, misses: Int) {
            self.hits = hits
            self.misses = misses
        }
    }

    private struct Entry {
        var user: LoginRadiusUser?
        var expires: Date
    }

    private let client: LoginRadiusClient
    private let options: Options
    private let now: @Sendable () -> Date
    private let state = Mutex((entries: [[UInt8]: Entry](), statistics: Statistics(hits: 0, misses: 0)))

    /// Creates a validator.
    ///
    /// - Parameters:
    ///   - client: The client that asks LoginRadius.
    ///   - options: Cache sizes and lifetimes.
    ///   - now: The wall clock; tests pass their own.
    public init(
        client: LoginRadiusClient, options: Options = Options(), now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.client = client
        self.options = options
        self.now = now
    }

    /// The user `token` belongs to, or `nil` when LoginRadius refuses the token.
    ///
    /// - Parameters:
    ///   - token: The access token, as the request carried it.
    ///   - originIP: The end user's IP address, sent as `X-Origin-IP` when LoginRadius is asked.
    /// - Returns: The user, or `nil` when LoginRadius refused the token (now or within ``Options/refusalTTL``).
    /// - Throws: `LoginRadiusError` when LoginRadius could not answer (nothing is cached).
    public func user(for token: String, originIP: String? = nil) async throws -> LoginRadiusUser? {
        let key = SHA256Digest.of(token)
        let now = now()
        let cached = state.withLock { state -> Entry? in
            guard let entry = state.entries[key], entry.expires > now else { return nil }
            state.statistics.hits += 1
            return entry
        }
        if let cached { return cached.user }
        state.withLock { $0.statistics.misses += 1 }

        let user: LoginRadiusUser?
        do {
            user = try await ask(token: token, originIP: originIP)
        } catch let error as LoginRadiusError where error.code == .api || error.code == .invalidArgument {
            user = nil
        }
        let expires: Date
        if let user {
            let limit = now.addingTimeInterval(Self.seconds(options.ttl))
            expires = min(limit, user.tokenExpiry ?? limit)
        } else {
            expires = now.addingTimeInterval(Self.seconds(options.refusalTTL))
        }
        store(Entry(user: user, expires: expires), for: key, now: now)
        return user
    }

    /// Forgets what is cached for `token`: the next request with it asks LoginRadius again.
    /// Call it on logout, after revoking the token.
    public func invalidate(_ token: String) {
        let key = SHA256Digest.of(token)
        _ = state.withLock { $0.entries.removeValue(forKey: key) }
    }

    /// How often the cache answered so far.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// The number of answers currently cached (expired ones included until evicted).
    public var count: Int { state.withLock { $0.entries.count } }

    private func ask(token: String, originIP: String?) async throws -> LoginRadiusUser {
        let authentication = client.with(originIP: originIP).authentication
        async let info = authentication.validateAccessToken(accessToken: token)
        async let profile = authentication.getProfileByAccessToken(accessToken: token)
        return LoginRadiusUser(profile: try await profile, tokenExpiry: try await info.expiresIn?.date)
    }

    private func store(_ entry: Entry, for key: [UInt8], now: Date) {
        let maxEntries = options.maxEntries
        state.withLock { state in
            if state.entries[key] == nil, state.entries.count >= maxEntries {
                state.entries = state.entries.filter { $0.value.expires > now }
                while state.entries.count >= maxEntries,
                    let soonest = state.entries.min(by: { $0.value.expires < $1.value.expires })?.key
                {
                    state.entries.removeValue(forKey: soonest)
                }
            }
            state.entries[key] = entry
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
