// The Identity fields the user-factor flows own: `PhoneIdVerified`, `PIN`, `Identities`, and
// `Provider`/`RegistrationProvider` of accounts a social login created.
import Foundation

enum FactorIdentityFields {
    /// The value of `field`, or nil to let IdentitySerializer render it.
    static func value(of field: String, in account: Account) -> JSON? {
        let factors = account.factors
        switch field {
        case "PhoneIdVerified":
            return .bool(account.phoneId != nil && factors.phoneVerified)
        case "PIN":
            guard factors.pinHash != nil else { return .null }
            // Like `Password`, the PIN itself is never sent back.
            return .object(
                JSONObject([
                    ("PIN", .null),
                    ("Skipped", .bool(false)),
                    ("SkippedDate", .null),
                    (
                        "LastPINChangeDate",
                        factors.lastPINChangeDate.map { .string(LoginRadiusDates.iso8601($0)) } ?? .null
                    ),
                    ("LastPINChangeToken", .null),
                ]))
        case "Identities":
            guard !factors.socialIdentities.isEmpty else { return .null }
            return .array(factors.socialIdentities.map(identityJSON))
        case "Provider", "RegistrationProvider":
            return factors.registrationProvider.map(JSON.string)
        default:
            return nil
        }
    }

    /// A linked provider profile, as an entry of `Identities`.
    static func identityJSON(_ identity: SocialIdentity) -> JSON {
        let fullName = [identity.firstName, identity.lastName].compactMap { $0 }.joined(separator: " ")
        return .object(
            JSONObject([
                ("ID", .string(identity.id)),
                ("Provider", .string(identity.provider)),
                (
                    "Email",
                    identity.email.map {
                        .array([.object(JSONObject([("Type", .string("Primary")), ("Value", .string($0))]))])
                    } ?? .null
                ),
                ("FirstName", identity.firstName.map(JSON.string) ?? .null),
                ("LastName", identity.lastName.map(JSON.string) ?? .null),
                ("FullName", fullName.isEmpty ? .null : .string(fullName)),
                ("LinkedDate", .string(LoginRadiusDates.iso8601(identity.linkedDate))),
            ]))
    }
}
