// What the control API shows of an account: `GET /emulator/v1/accounts`,
// `LoginRadiusEmulator.accounts()` and the accounts page.
import Foundation

/// An account in the emulator, with its live sessions.
public struct EmulatorAccount: Sendable, Equatable, Codable {
    /// A live session of the account.
    public struct Session: Sendable, Equatable, Codable {
        /// The access token.
        public let accessToken: String
        /// The refresh token.
        public let refreshToken: String
        /// When the access token expires, by the emulator's clock.
        public let expiresAt: Date
    }

    /// The account's `Uid`.
    public let uid: String
    /// Its email addresses.
    public let emails: [String]
    /// Its user name, if any.
    public let username: String?
    /// Its phone ID, if any.
    public let phoneId: String?
    /// False when the account is blocked: every login answers 991.
    public let isActive: Bool
    /// Whether its email is verified.
    public let emailVerified: Bool
    /// When it was created.
    public let createdDate: Date
    /// When it last logged in.
    public let lastLoginDate: Date?
    /// Its live sessions, soonest expiry first.
    public let sessions: [Session]

    init(_ account: Account, sessions: [AccessSession]) {
        uid = account.uid
        emails = account.emails.map(\.value)
        username = account.username
        phoneId = account.phoneId
        isActive = account.isActive
        emailVerified = account.emailVerified
        createdDate = account.createdDate
        lastLoginDate = account.lastLoginDate
        self.sessions = sessions.map {
            Session(accessToken: $0.accessToken, refreshToken: $0.refreshToken, expiresAt: $0.expiresAt)
        }
    }
}

extension EmulatorEngine {
    /// Every account with its live sessions, oldest account first.
    func emulatorAccounts() async -> [EmulatorAccount] {
        let now = self.now
        var result: [EmulatorAccount] = []
        for account in await store.allAccounts() {
            result.append(EmulatorAccount(account, sessions: await store.sessions(uid: account.uid, now: now)))
        }
        return result
    }

    func emulatorAccount(uid: String) async -> EmulatorAccount? {
        guard let account = await store.account(uid: uid) else { return nil }
        return EmulatorAccount(account, sessions: await store.sessions(uid: uid, now: now))
    }

    /// Blocks (`IsActive: false`, sessions ended, `BlockAccount` webhook) or unblocks an account.
    func setBlocked(uid: String, _ blocked: Bool) async -> Bool {
        let now = self.now
        guard
            let updated = try? await store.update(
                uid: uid,
                { account in
                    account.isActive = !blocked
                    account.touch(now)
                })
        else { return false }
        if blocked {
            await store.invalidateAllSessions(uid: uid)
            await management.notify("BlockAccount", data: IdentitySerializer.json(updated), engine: self)
        }
        await management.persistence?.markDirty(self)
        return true
    }

    func deleteAccount(uid: String) async -> Bool {
        guard await store.account(uid: uid) != nil else { return false }
        await store.deleteAccount(uid: uid)
        await management.persistence?.markDirty(self)
        return true
    }
}
