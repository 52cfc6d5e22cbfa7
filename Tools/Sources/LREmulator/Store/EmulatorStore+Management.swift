// Account-store operations the management endpoints need: uid changes, refresh token
// revocation, sliding sessions, and saving/restoring the store for `--data`.
import Foundation

extension EmulatorStore {
    /// Gives an account a new uid, keeping its emails and username. Its sessions, refresh tokens
    /// and pending emailed tokens end *(choice)*. 938 for an unknown uid; 1200 when the new uid
    /// is taken.
    func changeUid(from oldUid: String, to newUid: String) throws(LoginRadiusAPIError) -> Account {
        guard accounts[newUid] == nil else { throw LoginRadiusAPIError(.uidInvalid) }
        guard var account = accounts.removeValue(forKey: oldUid) else { throw LoginRadiusAPIError(.userDoesNotExist) }
        account.uid = newUid
        accounts[newUid] = account
        for (key, uid) in emailIndex where uid == oldUid { emailIndex[key] = newUid }
        for (key, uid) in usernameIndex where uid == oldUid { usernameIndex[key] = newUid }
        sessions = sessions.filter { $0.value.uid != oldUid }
        refreshTokens = refreshTokens.filter { $0.value.uid != oldUid }
        oneTimeTokens = oneTimeTokens.filter { $0.value.uid != oldUid }
        return account
    }

    /// Revokes one refresh token (1217 if unknown). Access tokens already issued stay valid.
    func revokeRefreshToken(_ token: String?) throws(LoginRadiusAPIError) {
        guard let token, refreshTokens[token] != nil else { throw LoginRadiusAPIError(.refreshTokenInvalid) }
        refreshTokens[token] = nil
    }

    /// Revokes every refresh token of an account.
    func revokeAllRefreshTokens(uid: String) {
        refreshTokens = refreshTokens.filter { $0.value.uid != uid }
    }

    /// Sliding token: a live or expired (but not invalidated) access token is exchanged for a
    /// new one that lives a full lifetime from now; the old one ends, the refresh token stays.
    /// 1060 without a token, 905 for an unknown or invalidated one.
    func slideSession(accessToken: String?, now: Date, lifetime: TimeInterval) throws(LoginRadiusAPIError)
        -> AccessSession
    {
        guard let accessToken, !accessToken.isEmpty else { throw LoginRadiusAPIError(.accessTokenMissing) }
        guard let old = sessions[accessToken], accounts[old.uid] != nil else {
            throw LoginRadiusAPIError(.accessTokenInvalid)
        }
        sessions[accessToken] = nil
        let session = AccessSession(
            accessToken: TokenGenerator.uuid(), refreshToken: old.refreshToken, uid: old.uid,
            expiresAt: now.addingTimeInterval(lifetime))
        sessions[session.accessToken] = session
        return session
    }

    // MARK: Persistence

    func snapshot() -> AccountStoreSnapshot {
        AccountStoreSnapshot(
            accounts: accounts.values.sorted { $0.createdDate < $1.createdDate }.map(PersistedAccount.init),
            sessions: sessions.values.sorted { $0.expiresAt < $1.expiresAt }.map(PersistedSession.init),
            refreshTokens: refreshTokens.mapValues(\.uid),
            oneTimeTokens: oneTimeTokens.compactMapValues(PersistedOneTimeToken.init))
    }

    /// Replaces the store's content with a snapshot's. A hand-edited file with a duplicate
    /// email or username throws 936/1017.
    func restore(_ snapshot: AccountStoreSnapshot) throws(LoginRadiusAPIError) {
        reset()
        for account in snapshot.accounts { try insert(account.account) }
        for session in snapshot.sessions { sessions[session.accessToken] = session.session }
        refreshTokens = snapshot.refreshTokens.mapValues(RefreshRecord.init)
        oneTimeTokens = snapshot.oneTimeTokens.compactMapValues(\.token)
    }
}
