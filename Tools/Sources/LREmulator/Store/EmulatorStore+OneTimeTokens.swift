// Tokens sent by email: verification, password reset, account deletion.
import Foundation

extension EmulatorStore {
    func issueOneTimeToken(kind: OneTimeTokenKind, uid: String, email: String, expiresAt: Date) -> String {
        let token = TokenGenerator.hex32()
        oneTimeTokens[token] = OneTimeToken(kind: kind, uid: uid, email: email, expiresAt: expiresAt)
        return token
    }

    /// Uses up a token. Throws the kind's "invalid" code for an unknown token, 974 for one
    /// already used and 975 for an expired one.
    func consumeOneTimeToken(_ token: String?, kind: OneTimeTokenKind, now: Date) throws(LoginRadiusAPIError)
        -> OneTimeToken
    {
        guard let token, var record = oneTimeTokens[token], record.kind == kind, accounts[record.uid] != nil else {
            throw LoginRadiusAPIError(kind.invalidError)
        }
        guard record.usedAt == nil else { throw LoginRadiusAPIError(.verificationLinkUsed) }
        guard record.expiresAt > now else { throw LoginRadiusAPIError(.verificationLinkExpired) }
        record.usedAt = now
        oneTimeTokens[token] = record
        return record
    }
}
