// The user-factor flows' state: phone lookups, OTPs, expiring grants (second-factor, PIN auth
// and PIN session tokens), re-authentication tokens, emailed link tokens and client GUIDs.
import Foundation

/// The kinds of expiring token that stand for an account.
enum GrantKind: Sendable {
    case secondFactor
    case pinAuth
    case pinSession

    var invalidError: LoginRadiusErrorCode {
        switch self {
        case .secondFactor: FactorError.secondFactorTokenInvalid
        case .pinAuth: FactorError.pinAuthTokenInvalid
        case .pinSession: FactorError.pinSessionTokenInvalid
        }
    }

    var expiredError: LoginRadiusErrorCode {
        switch self {
        case .secondFactor: FactorError.secondFactorTokenExpired
        case .pinAuth: FactorError.pinAuthTokenExpired
        case .pinSession: FactorError.pinSessionTokenExpired
        }
    }
}

extension EmulatorStore {
    // MARK: Phone numbers

    func account(phone: String) -> Account? {
        accounts.values.first { $0.phoneId == phone }
    }

    /// Whether another account uses `phone` as its login phone.
    func isPhoneTaken(_ phone: String, except uid: String? = nil) -> Bool {
        accounts.values.contains { $0.phoneId == phone && $0.uid != uid }
    }

    // MARK: OTPs

    /// A new 6-digit OTP; earlier OTPs of the same purpose for the same account and recipient
    /// stop working.
    func issueOTP(purpose: OTPPurpose, uid: String, recipient: String, expiresAt: Date) -> String {
        let recipient = recipient.lowercased()
        factorState.otps.removeAll { $0.purpose == purpose && $0.uid == uid && $0.recipient == recipient }
        let code = TokenGenerator.otp()
        factorState.otps.append(
            OTPRecord(purpose: purpose, uid: uid, recipient: recipient, code: code, expiresAt: expiresAt))
        return code
    }

    /// Uses up the newest OTP of `purpose` for the account and/or recipient. Throws 1067 for a
    /// missing or wrong code, 1068 for one already used, 1069 for an expired one.
    @discardableResult
    func consumeOTP(
        _ code: String?, purpose: OTPPurpose, uid: String? = nil, recipient: String? = nil, now: Date
    ) throws(LoginRadiusAPIError) -> OTPRecord {
        let recipient = recipient?.lowercased()
        guard let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty,
            let index = factorState.otps.lastIndex(where: { record in
                record.purpose == purpose && (uid == nil || record.uid == uid)
                    && (recipient == nil || record.recipient == recipient) && record.code == code
            }),
            accounts[factorState.otps[index].uid] != nil
        else { throw LoginRadiusAPIError(FactorError.otpInvalid) }
        guard factorState.otps[index].usedAt == nil else { throw LoginRadiusAPIError(FactorError.otpUsed) }
        guard factorState.otps[index].expiresAt > now else { throw LoginRadiusAPIError(FactorError.otpExpired) }
        factorState.otps[index].usedAt = now
        return factorState.otps[index]
    }

    // MARK: Expiring grants

    func issueGrant(_ kind: GrantKind, uid: String, expiresAt: Date) -> String {
        let token = TokenGenerator.uuid()
        let grant = ExpiringGrant(uid: uid, expiresAt: expiresAt)
        switch kind {
        case .secondFactor: factorState.secondFactorTokens[token] = grant
        case .pinAuth: factorState.pinAuthTokens[token] = grant
        case .pinSession: factorState.pinSessions[token] = grant
        }
        return token
    }

    /// The live grant of a token and its account; the kind's invalid or expired code otherwise.
    func grant(_ kind: GrantKind, token: String?, now: Date) throws(LoginRadiusAPIError) -> (ExpiringGrant, Account) {
        guard let token = token?.trimmingCharacters(in: .whitespaces), !token.isEmpty else {
            throw LoginRadiusAPIError(kind.invalidError)
        }
        let grant: ExpiringGrant? =
            switch kind {
            case .secondFactor: factorState.secondFactorTokens[token]
            case .pinAuth: factorState.pinAuthTokens[token]
            case .pinSession: factorState.pinSessions[token]
            }
        guard let grant, let account = accounts[grant.uid] else { throw LoginRadiusAPIError(kind.invalidError) }
        guard grant.expiresAt > now else { throw LoginRadiusAPIError(kind.expiredError) }
        return (grant, account)
    }

    func revokeGrant(_ kind: GrantKind, token: String) {
        switch kind {
        case .secondFactor: factorState.secondFactorTokens[token] = nil
        case .pinAuth: factorState.pinAuthTokens[token] = nil
        case .pinSession: factorState.pinSessions[token] = nil
        }
    }

    // MARK: Re-authentication

    func issueValidationToken(uid: String, kind: ValidationKind, expiresAt: Date) -> String {
        let token = TokenGenerator.uuid()
        factorState.validationTokens[token] = ValidationGrant(uid: uid, kind: kind, expiresAt: expiresAt)
        return token
    }

    /// Uses up a re-authentication token of one of `kinds` issued to `uid`; 1193 otherwise.
    func consumeValidationToken(_ token: String?, uid: String, kinds: [ValidationKind], now: Date)
        throws(LoginRadiusAPIError)
    {
        guard let token, let grant = factorState.validationTokens[token], grant.uid == uid,
            kinds.contains(grant.kind), grant.expiresAt > now
        else { throw LoginRadiusAPIError(FactorError.validationTokenInvalid) }
        factorState.validationTokens[token] = nil
    }

    // MARK: Emailed links

    func issueLinkToken(kind: LinkKind, uid: String, email: String, clientGuid: String? = nil, expiresAt: Date)
        -> String
    {
        let token = TokenGenerator.hex32()
        factorState.linkTokens[token] = LinkToken(
            kind: kind, uid: uid, email: email, clientGuid: clientGuid, expiresAt: expiresAt)
        return token
    }

    /// Uses up a link token of one of `kinds`: 1063 if unknown, the kind's "already used" code,
    /// 975 if expired.
    func consumeLinkToken(_ token: String?, kinds: [LinkKind], now: Date) throws(LoginRadiusAPIError) -> LinkToken {
        guard let token, var record = factorState.linkTokens[token], kinds.contains(record.kind),
            accounts[record.uid] != nil
        else { throw LoginRadiusAPIError(.verificationTokenInvalid) }
        guard record.usedAt == nil else {
            switch record.kind {
            case .pinReset: throw LoginRadiusAPIError(FactorError.pinResetLinkUsed)
            case .passwordless: throw LoginRadiusAPIError(FactorError.passwordlessLinkUsed)
            case .smartLogin: throw LoginRadiusAPIError(FactorError.smartLoginLinkUsed)
            case .oneTouch: throw LoginRadiusAPIError(FactorError.oneTouchLinkUsed)
            }
        }
        guard record.expiresAt > now else { throw LoginRadiusAPIError(.verificationLinkExpired) }
        record.usedAt = now
        factorState.linkTokens[token] = record
        return record
    }

    // MARK: Client GUIDs (smart login, one-touch login)

    /// Starts waiting for a link click on `guid`; 1136 if the GUID was used before.
    func registerClientGuid(_ guid: String, uid: String, expiresAt: Date) throws(LoginRadiusAPIError) {
        guard factorState.clientGuids[guid] == nil else { throw LoginRadiusAPIError(FactorError.clientGuidNotUnique) }
        factorState.clientGuids[guid] = ClientGuidRecord(uid: uid, expiresAt: expiresAt)
    }

    /// Marks the GUID's login as approved (the link was clicked); 1138 if it already was.
    func approveClientGuid(_ guid: String, now: Date) throws(LoginRadiusAPIError) {
        guard var record = factorState.clientGuids[guid], record.expiresAt > now else {
            throw LoginRadiusAPIError(FactorError.clientGuidInvalid)
        }
        guard !record.verified else { throw LoginRadiusAPIError(FactorError.smartLoginAlreadyVerified) }
        record.verified = true
        factorState.clientGuids[guid] = record
    }

    /// Remembers the verification token sent for a client GUID (linking a social profile).
    func recordLinkingVerification(guid: String, token: String) {
        factorState.linkingVerifications[guid] = token
    }

    /// Approves a linking GUID once its verification token has been used; no-op otherwise.
    func approveLinkingGuidIfVerified(_ guid: String, now: Date) {
        guard let token = factorState.linkingVerifications[guid], oneTimeTokens[token]?.usedAt != nil,
            var record = factorState.clientGuids[guid], record.expiresAt > now
        else { return }
        record.verified = true
        factorState.clientGuids[guid] = record
        factorState.linkingVerifications[guid] = nil
    }

    /// The account of an approved GUID, forgetting the GUID: 1140 if unknown or expired, 1139
    /// while the link has not been clicked.
    func takeApprovedClientGuid(_ guid: String?, now: Date) throws(LoginRadiusAPIError) -> String {
        guard let guid, let record = factorState.clientGuids[guid], record.expiresAt > now,
            accounts[record.uid] != nil
        else { throw LoginRadiusAPIError(FactorError.clientGuidInvalid) }
        guard record.verified else { throw LoginRadiusAPIError(FactorError.smartLoginNotVerified) }
        factorState.clientGuids[guid] = ClientGuidRecord(uid: record.uid, expiresAt: .distantPast, verified: true)
        return record.uid
    }

    // MARK: Sessions

    /// The live sessions of an account.
    func sessions(uid: String, now: Date) -> [AccessSession] {
        sessions.values.filter { $0.uid == uid && $0.expiresAt > now }.sorted { $0.expiresAt < $1.expiresAt }
    }

    /// Moves a live access token's expiry (social "refresh access token").
    func extend(accessToken: String, until expiresAt: Date) -> AccessSession? {
        guard let session = sessions[accessToken] else { return nil }
        let extended = AccessSession(
            accessToken: session.accessToken, refreshToken: session.refreshToken, uid: session.uid, expiresAt: expiresAt
        )
        sessions[accessToken] = extended
        return extended
    }
}
