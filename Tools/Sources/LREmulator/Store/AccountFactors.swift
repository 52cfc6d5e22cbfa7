// What an account has besides its password: phone verification, second factors (authenticator
// app, SMS, email OTP, security questions, backup codes), PIN, and linked social identities.
// Stored in `Account.factors` (Codable, so that `--data` state files keep it); rendered by
// FactorIdentityFields.
import Foundation

struct AccountFactors: Sendable, Codable {
    // MARK: Phone
    var phoneVerified = false
    /// A new phone number waiting for its OTP (Phone Number Update).
    var pendingPhone: String?

    // MARK: Multi-factor authentication
    /// The authenticator secret (Base32), pending until a code verifies it.
    var authenticatorSecret: String?
    var authenticatorVerified = false
    /// The verified phone for SMS OTP as a second factor.
    var smsPhone: String?
    /// A phone given for SMS OTP, waiting for its OTP.
    var pendingSMSPhone: String?
    var emailOTPEnabled = false
    /// Security question ID → answer (the security-question second factor, and the answers
    /// PIN reset by security answer checks).
    var securityAnswers: [String: String] = [:]
    /// Unused backup codes; nil when none were ever generated.
    var backupCodes: [String]?

    // MARK: PIN
    var pinHash: String?
    var lastPINChangeDate: Date?

    // MARK: Social
    /// The provider that created the account (nil for email and phone registrations).
    var registrationProvider: String?
    var socialIdentities: [SocialIdentity] = []

    var securityQuestionEnabled: Bool { !securityAnswers.isEmpty }

    /// Whether any second factor is enabled, so that logins need one.
    var isMultiFactorConfigured: Bool {
        authenticatorVerified || smsPhone != nil || emailOTPEnabled || securityQuestionEnabled
    }

    func socialIdentity(provider: String, id: String) -> SocialIdentity? {
        socialIdentities.first { $0.provider.lowercased() == provider.lowercased() && $0.id == id }
    }
}

/// A social provider profile linked to an account.
struct SocialIdentity: Sendable, Equatable, Codable {
    var provider: String
    /// The user's ID at the provider.
    var id: String
    var email: String?
    var firstName: String?
    var lastName: String?
    var linkedDate: Date
}
