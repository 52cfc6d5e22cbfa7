// Password checks shared by phone login and multi-factor login: the account an
// `{email | username | phone, password}` body names.
import Foundation

enum FactorCredentials {
    /// The account, once the password is right. 1141 without an identifier, 1038/1076/1096 for
    /// a malformed one, 938 when no account has it, 966 for a wrong password; while
    /// verification is required, 970 for an unverified email and 1066 for an unverified phone.
    static func authenticate(_ body: JSONObject, engine: EmulatorEngine) async throws -> Account {
        let account: Account
        let verified: Bool
        if let emailField = body.string("email") {
            let email = try Validation.requireEmail(emailField)
            guard let found = await engine.store.account(email: email) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            account = found
            verified = found.email(matching: email)?.verified ?? found.emailVerified
        } else if let username = body.string("username") {
            guard let found = await engine.store.account(username: username) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            account = found
            verified = found.emailVerified || found.factors.phoneVerified
        } else if let phoneField = body.string("phone") {
            let phone = try FactorSupport.requirePhone(phoneField)
            guard let found = await engine.store.account(phone: phone) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            account = found
            verified = found.factors.phoneVerified
        } else {
            throw LoginRadiusAPIError(.emailOrUsernameRequired)
        }
        guard let password = body.string("password") else { throw LoginRadiusAPIError.required("Password") }
        guard let hash = account.passwordHash, engine.passwords.verify(password, against: hash) else {
            throw LoginRadiusAPIError(.invalidCredentials)
        }
        if engine.configuration.verificationRequired, !verified {
            let phoneLogin = body.string("email") == nil && body.string("username") == nil
            throw LoginRadiusAPIError(phoneLogin ? FactorError.phoneNotVerified : .emailNotVerified)
        }
        return account
    }

    /// The account behind a `{email | username | phone}` field of a body or query (PIN,
    /// passwordless and smart login), or 938.
    static func account(email: String?, username: String?, phone: String?, engine: EmulatorEngine) async throws
        -> Account
    {
        if let email {
            let valid = try Validation.requireEmail(email)
            guard let account = await engine.store.account(email: valid) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            return account
        }
        if let username {
            guard let account = await engine.store.account(username: username) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            return account
        }
        if let phone {
            let valid = try FactorSupport.requirePhone(phone)
            guard let account = await engine.store.account(phone: valid) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            return account
        }
        throw LoginRadiusAPIError(.emailOrUsernameRequired)
    }
}
