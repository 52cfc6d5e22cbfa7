// The emulator's state as JSON — the `--data` state file, `GET`/`PUT /emulator/v1/state`,
// `--import` and `--export-on-exit`: accounts, sessions, refresh tokens, emailed tokens, the
// management state (roles, custom objects, consent, webhook subscriptions) and the outbox.
// Webhook deliveries, fault rules, the clock and rate-limit counters are not part of it.
//
// Stored types are mirrored by `Persisted…` records rather than made Codable themselves, so
// that the shared store types stay free to change. `Account.factors` (the user-factor state) is
// saved whenever its type is Codable, through a dynamic cast.
import Foundation

struct EmulatorSnapshot: Codable, Sendable {
    static let currentFormat = 1

    var format: Int
    var savedAt: Date
    var accountStore: AccountStoreSnapshot
    var management: ManagementSnapshot
    /// Every message sent, oldest first (absent in files written before the outbox was saved).
    var outbox: [OutboxMessage]?
}

/// The persisted part of the account store.
struct AccountStoreSnapshot: Codable, Sendable {
    var accounts: [PersistedAccount]
    var sessions: [PersistedSession]
    /// Refresh token → uid.
    var refreshTokens: [String: String]
    var oneTimeTokens: [String: PersistedOneTimeToken]
}

struct PersistedAccount: Codable, Sendable {
    struct Email: Codable, Sendable {
        var type: String
        var value: String
        var verified: Bool
    }

    var uid: String
    var id: String
    var emails: [Email]
    var username: String?
    var phoneId: String?
    var passwordHash: String?
    var profile: JSONObject
    var emailVerified: Bool
    var createdDate: Date
    var modifiedDate: Date
    var profileModifiedDate: Date
    var lastLoginDate: Date?
    var lastPasswordChangeDate: Date?
    var noOfLogins: Int
    var isActive: Bool
    var roles: [String]?
    /// `Account.factors` as JSON, when its type is Codable.
    var factors: JSON?

    init(_ account: Account) {
        uid = account.uid
        id = account.id
        emails = account.emails.map { Email(type: $0.type, value: $0.value, verified: $0.verified) }
        username = account.username
        phoneId = account.phoneId
        passwordHash = account.passwordHash
        profile = account.profile
        emailVerified = account.emailVerified
        createdDate = account.createdDate
        modifiedDate = account.modifiedDate
        profileModifiedDate = account.profileModifiedDate
        lastLoginDate = account.lastLoginDate
        lastPasswordChangeDate = account.lastPasswordChangeDate
        noOfLogins = account.noOfLogins
        isActive = account.isActive
        roles = account.roles
        factors = Self.encodeIfCodable(account.factors)
    }

    var account: Account {
        var account = Account(
            uid: uid, id: id,
            emails: emails.map { EmailAddress(type: $0.type, value: $0.value, verified: $0.verified) },
            username: username, phoneId: phoneId, passwordHash: passwordHash, profile: profile,
            emailVerified: emailVerified, createdDate: createdDate, modifiedDate: modifiedDate,
            profileModifiedDate: profileModifiedDate, lastPasswordChangeDate: lastPasswordChangeDate)
        account.lastLoginDate = lastLoginDate
        account.noOfLogins = noOfLogins
        account.isActive = isActive
        account.roles = roles
        if let factors, let restored = Self.decodeIfCodable(factors, as: type(of: account.factors)) {
            account.factors = restored
        }
        return account
    }

    private static func encodeIfCodable(_ value: Any) -> JSON? {
        guard let encodable = value as? any Encodable, let data = try? JSONEncoder().encode(encodable) else {
            return nil
        }
        return JSON.parse(data)
    }

    private static func decodeIfCodable<Value>(_ json: JSON, as type: Value.Type) -> Value? {
        let metatype: Any.Type = type
        guard let decodable = metatype as? any Decodable.Type,
            let value = try? JSONDecoder().decode(decodable, from: Data(json.serialized.utf8))
        else { return nil }
        return value as? Value
    }
}

struct PersistedSession: Codable, Sendable {
    var accessToken: String
    var refreshToken: String
    var uid: String
    var expiresAt: Date

    init(_ session: AccessSession) {
        accessToken = session.accessToken
        refreshToken = session.refreshToken
        uid = session.uid
        expiresAt = session.expiresAt
    }

    var session: AccessSession {
        AccessSession(accessToken: accessToken, refreshToken: refreshToken, uid: uid, expiresAt: expiresAt)
    }
}

struct PersistedOneTimeToken: Codable, Sendable {
    /// The kinds a file may name; tokens of other kinds are not saved.
    private static let kinds: [OneTimeTokenKind] = [.emailVerification, .passwordReset, .deleteAccount]

    var kind: String
    var uid: String
    var email: String
    var expiresAt: Date
    var usedAt: Date?

    init?(_ token: OneTimeToken) {
        let name = String(describing: token.kind)
        guard Self.kinds.contains(where: { String(describing: $0) == name }) else { return nil }
        kind = name
        uid = token.uid
        email = token.email
        expiresAt = token.expiresAt
        usedAt = token.usedAt
    }

    var token: OneTimeToken? {
        guard let kind = Self.kinds.first(where: { String(describing: $0) == self.kind }) else { return nil }
        var token = OneTimeToken(kind: kind, uid: uid, email: email, expiresAt: expiresAt)
        token.usedAt = usedAt
        return token
    }
}

extension EmulatorEngine {
    /// Everything the state file holds, read from the stores.
    func captureSnapshot() async -> EmulatorSnapshot {
        EmulatorSnapshot(
            format: EmulatorSnapshot.currentFormat, savedAt: now,
            accountStore: await store.snapshot(), management: await management.store.snapshot(),
            outbox: await outbox.all())
    }

    /// Replaces the stores' content with a snapshot's.
    func restore(_ snapshot: EmulatorSnapshot) async throws {
        try await store.restore(snapshot.accountStore)
        await management.store.restore(snapshot.management)
        await outbox.replace(with: snapshot.outbox ?? [])
    }

    /// The state as JSON (what `GET /emulator/v1/state` answers).
    func exportState() async throws -> Data {
        try StatePersistence.encoder.encode(await captureSnapshot())
    }

    /// Replaces the state with an exported one; 400-style `StateFileError` when it cannot be read.
    func importState(_ data: Data) async throws {
        let snapshot: EmulatorSnapshot
        do {
            snapshot = try StatePersistence.decoder.decode(EmulatorSnapshot.self, from: data)
        } catch {
            throw StateFileError(description: "not an emulator state: \(error)")
        }
        guard snapshot.format == EmulatorSnapshot.currentFormat else {
            throw StateFileError(description: "unsupported state format \(snapshot.format)")
        }
        try await restore(snapshot)
        await management.persistence?.markDirty(self)
    }
}
