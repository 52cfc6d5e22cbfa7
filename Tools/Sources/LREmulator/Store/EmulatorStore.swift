// The emulator's in-memory state, protected by an actor: accounts with their email and
// username indexes, sessions, and one-time tokens. Sessions and tokens live in
// EmulatorStore+Sessions.swift and EmulatorStore+OneTimeTokens.swift.
import Foundation

actor EmulatorStore {
    var accounts: [String: Account] = [:]
    /// Lower-cased email → uid.
    var emailIndex: [String: String] = [:]
    /// Lower-cased username → uid.
    var usernameIndex: [String: String] = [:]
    var sessions: [String: AccessSession] = [:]
    var refreshTokens: [String: RefreshRecord] = [:]
    var oneTimeTokens: [String: OneTimeToken] = [:]
    /// OTPs and tokens of the user-factor flows (FactorState.swift).
    var factorState = FactorState()

    /// Forgets everything.
    func reset() {
        accounts.removeAll()
        emailIndex.removeAll()
        usernameIndex.removeAll()
        sessions.removeAll()
        refreshTokens.removeAll()
        oneTimeTokens.removeAll()
        factorState = FactorState()
    }

    // MARK: Lookups

    /// Every account, oldest first.
    func allAccounts() -> [Account] {
        accounts.values.sorted { ($0.createdDate, $0.uid) < ($1.createdDate, $1.uid) }
    }

    func account(uid: String) -> Account? {
        accounts[uid]
    }

    func account(email: String) -> Account? {
        emailIndex[email.lowercased()].flatMap { accounts[$0] }
    }

    func account(username: String) -> Account? {
        usernameIndex[username.lowercased()].flatMap { accounts[$0] }
    }

    func isEmailRegistered(_ email: String) -> Bool {
        emailIndex[email.lowercased()] != nil
    }

    func isUsernameTaken(_ username: String) -> Bool {
        usernameIndex[username.lowercased()] != nil
    }

    // MARK: Changes

    /// Adds a new account. Throws 936 if one of its emails is registered, 1017 if its username is taken.
    func insert(_ account: Account) throws(LoginRadiusAPIError) {
        try checkUnique(account, ignoring: nil)
        accounts[account.uid] = account
        index(account)
    }

    /// Applies `change` to an account and re-indexes it, keeping emails and usernames unique.
    @discardableResult
    func update(
        uid: String, _ change: @Sendable (inout Account) throws -> Void
    ) throws -> Account {
        guard var account = accounts[uid] else { throw LoginRadiusAPIError(.userDoesNotExist) }
        try change(&account)
        try checkUnique(account, ignoring: uid)
        unindex(uid: uid)
        accounts[uid] = account
        index(account)
        return account
    }

    /// Removes an account with its sessions and tokens.
    func deleteAccount(uid: String) {
        unindex(uid: uid)
        accounts[uid] = nil
        sessions = sessions.filter { $0.value.uid != uid }
        refreshTokens = refreshTokens.filter { $0.value.uid != uid }
        oneTimeTokens = oneTimeTokens.filter { $0.value.uid != uid }
    }

    private func checkUnique(_ account: Account, ignoring uid: String?) throws(LoginRadiusAPIError) {
        for email in account.emails {
            if let owner = emailIndex[email.value.lowercased()], owner != uid {
                throw LoginRadiusAPIError(.emailAlreadyRegistered)
            }
        }
        if let username = account.username, let owner = usernameIndex[username.lowercased()], owner != uid {
            throw LoginRadiusAPIError(.usernameTaken)
        }
    }

    private func index(_ account: Account) {
        for email in account.emails { emailIndex[email.value.lowercased()] = account.uid }
        if let username = account.username { usernameIndex[username.lowercased()] = account.uid }
    }

    private func unindex(uid: String) {
        emailIndex = emailIndex.filter { $0.value != uid }
        usernameIndex = usernameIndex.filter { $0.value != uid }
    }
}
