// Social login state: tokens of the emulator's fake provider, social accounts, linking.
import Foundation

enum SocialTokenLookup: Sendable {
    case valid(SocialProfile)
    case unknown
    case used
    case expired
}

extension EmulatorStore {
    func mintSocialToken(_ profile: SocialProfile, expiresAt: Date) -> String {
        let token = TokenGenerator.hex32()
        factorState.socialTokens[token] = MintedSocialToken(profile: profile, expiresAt: expiresAt)
        return token
    }

    /// Uses up a minted provider token (each is good for one login).
    func takeSocialToken(_ token: String?, provider: String?, now: Date) -> SocialTokenLookup {
        guard let token, var record = factorState.socialTokens[token] else { return .unknown }
        if let provider, record.profile.provider.lowercased() != provider.lowercased() { return .unknown }
        guard record.usedAt == nil else { return .used }
        guard record.expiresAt > now else { return .expired }
        record.usedAt = now
        factorState.socialTokens[token] = record
        return .valid(record.profile)
    }

    /// The account a social login signs in to: the one the identity is linked to; else the
    /// account with the profile's email (the identity is linked to it); else a new account
    /// created from the profile. Returns its uid.
    func socialAccount(for profile: SocialProfile, now: Date) throws -> String {
        if let owner = accounts.values.first(where: {
            $0.factors.socialIdentity(provider: profile.provider, id: profile.id) != nil
        }) {
            return owner.uid
        }
        let identity = SocialIdentity(
            provider: profile.provider, id: profile.id, email: profile.email,
            firstName: profile.firstName, lastName: profile.lastName, linkedDate: now)
        if let email = profile.email, let existing = account(email: email) {
            try update(uid: existing.uid) { account in
                account.factors.socialIdentities.append(identity)
                if let index = account.emails.firstIndex(where: { $0.value.lowercased() == email.lowercased() }) {
                    account.emails[index].verified = true
                }
                account.touch(now)
            }
            return existing.uid
        }
        var profileFields = JSONObject()
        if let firstName = profile.firstName { profileFields["FirstName"] = .string(firstName) }
        if let lastName = profile.lastName { profileFields["LastName"] = .string(lastName) }
        var account = Account(
            uid: TokenGenerator.hex32(), id: profile.id,
            emails: profile.email.map { [EmailAddress(type: "Primary", value: $0, verified: true)] } ?? [],
            username: nil, phoneId: nil, passwordHash: nil, profile: profileFields,
            emailVerified: profile.email != nil, createdDate: now, modifiedDate: now, profileModifiedDate: now,
            lastPasswordChangeDate: nil)
        account.factors.registrationProvider = profile.provider
        account.factors.socialIdentities = [identity]
        try insert(account)
        return account.uid
    }

    /// Moves the social identities of the candidate account (a social-only account, as a social
    /// login creates) onto `uid` and removes the candidate. 983 when the candidate is the same
    /// account, has a password, has no social identity, or brings a provider `uid` already has.
    func linkSocialAccount(candidateUid: String, into uid: String, now: Date) throws {
        guard candidateUid != uid, let candidate = accounts[candidateUid], let target = accounts[uid],
            candidate.passwordHash == nil, !candidate.factors.socialIdentities.isEmpty
        else { throw LoginRadiusAPIError(FactorError.accountCannotBeLinked) }
        for identity in candidate.factors.socialIdentities
        where target.factors.socialIdentities.contains(where: {
            $0.provider.lowercased() == identity.provider.lowercased()
        }) {
            throw LoginRadiusAPIError(FactorError.accountAlreadyLinked)
        }
        let moved = candidate.factors.socialIdentities.map { identity in
            var linked = identity
            linked.linkedDate = now
            return linked
        }
        deleteAccount(uid: candidateUid)
        try update(uid: uid) { account in
            account.factors.socialIdentities.append(contentsOf: moved)
            account.touch(now)
        }
    }

    /// Unlinks a social identity: 989 when the account does not have it, 1008 when it is the
    /// account's only way to log in.
    func unlinkSocialIdentity(uid: String, provider: String, id: String, now: Date) throws {
        guard let account = accounts[uid], account.factors.socialIdentity(provider: provider, id: id) != nil else {
            throw LoginRadiusAPIError(FactorError.providerIdCannotBeUnlinked)
        }
        let others = account.factors.socialIdentities.count - 1
        guard account.passwordHash != nil || account.phoneId != nil || others > 0 else {
            throw LoginRadiusAPIError(FactorError.providerCannotBeUnlinked)
        }
        try update(uid: uid) { account in
            account.factors.socialIdentities.removeAll {
                $0.provider.lowercased() == provider.lowercased() && $0.id == id
            }
            account.touch(now)
        }
    }
}
