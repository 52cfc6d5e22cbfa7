// Shared pieces of the multi-factor routes: the settings object LoginRadius returns (settings
// by token, re-authentication trigger, the `SecondFactorAuthentication` of a login), the
// authenticator QR code, backup codes, enrolment and code checks.
import Foundation

enum MFASupport {
    static let issuer = "LoginRadius Emulator"

    /// The `MultiFactorAuthenticationSettings` fields. `masked` hides addresses (before login);
    /// `showSecret` adds `QRCode`/`ManualEntryCode` while the authenticator is not verified.
    static func settingsFields(
        _ account: Account, masked: Bool, showSecret: Bool, otpStatus: JSON = .null, questions: JSON
    ) -> [(String, JSON)] {
        let factors = account.factors
        let secret = showSecret && !factors.authenticatorVerified ? factors.authenticatorSecret : nil
        let phone = factors.smsPhone.map { masked ? FactorSupport.maskPhone($0) : $0 }
        let emails = account.emails.map { JSON.string(masked ? FactorSupport.maskEmail($0.value) : $0.value) }
        return [
            ("QRCode", secret.map { .string(qrCode(secret: $0, account: account)) } ?? .null),
            ("ManualEntryCode", secret.map(JSON.string) ?? .null),
            ("IsGoogleAuthenticatorVerified", .bool(factors.authenticatorVerified)),
            ("IsAuthenticatorVerified", .bool(factors.authenticatorVerified)),
            ("IsOTPAuthenticatorVerified", .bool(factors.smsPhone != nil)),
            ("OTPPhoneNo", phone.map(JSON.string) ?? .null),
            ("OTPStatus", otpStatus),
            ("IsEmailOtpAuthenticatorVerified", .bool(factors.emailOTPEnabled)),
            ("Email", .array(emails)),
            ("EmailOTPStatus", .null),
            ("IsSecurityQuestionAuthenticatorVerified", .bool(factors.securityQuestionEnabled)),
            ("IsSecurityQuestionEnabled", .bool(factors.securityQuestionEnabled)),
            ("SecurityQuestions", questions),
        ]
    }

    /// The questions to show: the account's, or every question when it has none.
    static func questions(_ account: Account) -> JSON {
        let answered = Array(account.factors.securityAnswers.keys)
        return SecurityQuestions.json(ids: answered.isEmpty ? nil : answered)
    }

    /// A QR code image URL (as LoginRadius sends) encoding the `otpauth://` URI.
    static func qrCode(secret: String, account: Account) -> String {
        let label = account.primaryEmail ?? account.username ?? account.phoneId ?? account.uid
        let uri = TOTP.provisioningURI(secret: secret, account: label, issuer: issuer)
        return "https://chart.googleapis.com/chart?cht=qr&chs=150x150&chl=" + TOTP.percentEncode(uri)
    }

    /// The account with an authenticator secret, generating a pending one if it has none.
    static func withSecret(_ account: Account, engine: EmulatorEngine) async throws -> Account {
        guard account.factors.authenticatorSecret == nil else { return account }
        let secret = TOTP.newSecret()
        return try await engine.store.update(uid: account.uid) { account in
            if account.factors.authenticatorSecret == nil { account.factors.authenticatorSecret = secret }
        }
    }

    /// Ten single-use codes like LoginRadius's `02ea0-de2bd`.
    static func newBackupCodes() -> [String] {
        (0..<10).map { _ in
            let hex = TokenGenerator.hex32()
            return String(hex.prefix(5)) + "-" + String(hex.dropFirst(5).prefix(5))
        }
    }

    /// Required multi-factor and no factor yet: the user sets one up while logging in.
    static func isEnrolling(_ account: Account, engine: EmulatorEngine) -> Bool {
        engine.configuration.multiFactorRequired && !account.factors.isMultiFactorConfigured
    }

    /// Checks an authenticator code against the account's secret: 1105 missing, 1279 no
    /// authenticator (unless `allowPending`), 1102 wrong.
    static func checkAuthenticatorCode(_ code: String?, account: Account, allowPending: Bool, engine: EmulatorEngine)
        throws(LoginRadiusAPIError)
    {
        guard let code, !code.isEmpty else { throw LoginRadiusAPIError(FactorError.verificationCodeRequired) }
        guard let secret = account.factors.authenticatorSecret, account.factors.authenticatorVerified || allowPending
        else {
            throw LoginRadiusAPIError(FactorError.authenticatorNotEnabled)
        }
        guard TOTP.verify(code, secret: secret, at: engine.now) else {
            throw LoginRadiusAPIError(FactorError.authenticatorCodeIncorrect)
        }
    }

    /// The authenticator code of a body (`authenticatorcode`, or the older `googleauthenticatorcode`).
    static func authenticatorCode(_ body: JSONObject) -> String? {
        body.string("authenticatorcode", "googleauthenticatorcode")
    }

    /// Uses up a backup code (1128 if the account does not have it).
    static func consumeBackupCode(_ code: String?, uid: String, engine: EmulatorEngine) async throws {
        guard let code = code?.trimmingCharacters(in: .whitespaces).lowercased(), !code.isEmpty else {
            throw LoginRadiusAPIError(FactorError.backupCodeInvalid)
        }
        try await engine.store.update(uid: uid) { account in
            guard let index = account.factors.backupCodes?.firstIndex(of: code) else {
                throw LoginRadiusAPIError(FactorError.backupCodeInvalid)
            }
            account.factors.backupCodes?.remove(at: index)
        }
    }

    /// The email of a body or query that must be one of the account's addresses (1340).
    static func requireOwnEmail(_ email: String?, of account: Account) throws(LoginRadiusAPIError) -> String {
        let valid = try Validation.requireEmail(email)
        guard let owned = account.email(matching: valid) else { throw LoginRadiusAPIError(.emailNotInProfile) }
        return owned.value
    }
}
