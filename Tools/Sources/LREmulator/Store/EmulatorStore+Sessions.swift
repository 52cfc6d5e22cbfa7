// Access and refresh tokens.
import Foundation

extension EmulatorStore {
    /// Starts a session: a new access token and refresh token for the account. Every login path
    /// comes here, so a blocked account (`IsActive: false`) is refused here: 991.
    func issueSession(uid: String, now: Date, lifetime: TimeInterval) throws(LoginRadiusAPIError) -> AccessSession {
        try checkNotBlocked(uid: uid)
        let refreshToken = TokenGenerator.uuid()
        refreshTokens[refreshToken] = RefreshRecord(uid: uid)
        return storeSession(uid: uid, refreshToken: refreshToken, now: now, lifetime: lifetime)
    }

    /// The live session of an access token. Throws 1060 (missing), 905 (unknown or
    /// invalidated) or 906 (expired).
    func session(for accessToken: String?, now: Date) throws(LoginRadiusAPIError) -> AccessSession {
        guard let accessToken, !accessToken.isEmpty else { throw LoginRadiusAPIError(.accessTokenMissing) }
        guard let session = sessions[accessToken], accounts[session.uid] != nil else {
            throw LoginRadiusAPIError(.accessTokenInvalid)
        }
        guard session.expiresAt > now else { throw LoginRadiusAPIError(.accessTokenExpired) }
        return session
    }

    /// Ends a session; with `preventRefresh`, its refresh token stops working too.
    func invalidate(accessToken: String, preventRefresh: Bool) {
        guard let session = sessions.removeValue(forKey: accessToken) else { return }
        if preventRefresh { refreshTokens[session.refreshToken] = nil }
    }

    /// A new access token for a refresh token (which stays the same). Throws 1217.
    func refresh(refreshToken: String?, now: Date, lifetime: TimeInterval) throws(LoginRadiusAPIError) -> AccessSession
    {
        guard let refreshToken, let record = refreshTokens[refreshToken], accounts[record.uid] != nil else {
            throw LoginRadiusAPIError(.refreshTokenInvalid)
        }
        try checkNotBlocked(uid: record.uid)
        return storeSession(uid: record.uid, refreshToken: refreshToken, now: now, lifetime: lifetime)
    }

    /// 991 when the account is blocked.
    func checkNotBlocked(uid: String) throws(LoginRadiusAPIError) {
        if accounts[uid]?.isActive == false { throw LoginRadiusAPIError(.accountBlocked) }
    }

    /// Ends every session of an account (after a password reset, for instance).
    func invalidateAllSessions(uid: String) {
        sessions = sessions.filter { $0.value.uid != uid }
    }

    private func storeSession(uid: String, refreshToken: String, now: Date, lifetime: TimeInterval) -> AccessSession {
        let session = AccessSession(
            accessToken: TokenGenerator.uuid(), refreshToken: refreshToken, uid: uid,
            expiresAt: now.addingTimeInterval(lifetime))
        sessions[session.accessToken] = session
        return session
    }
}
