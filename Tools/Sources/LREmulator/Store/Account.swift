// A user account as the emulator stores it.
import Foundation

struct EmailAddress: Sendable, Equatable {
    /// LoginRadius's `Type`, e.g. `Primary`, `Secondary`.
    var type: String
    var value: String
    var verified: Bool
}

struct Account: Sendable {
    var uid: String
    let id: String
    var emails: [EmailAddress]
    var username: String?
    var phoneId: String?
    /// PBKDF2 hash (see PasswordHasher); nil for accounts without a password.
    var passwordHash: String?
    /// Free-form profile fields under their canonical names (see IdentityFields.writable).
    var profile: JSONObject
    /// LoginRadius's account-level `EmailVerified`.
    var emailVerified: Bool
    var createdDate: Date
    var modifiedDate: Date
    var profileModifiedDate: Date
    var lastLoginDate: Date?
    var lastPasswordChangeDate: Date?
    var noOfLogins: Int = 0
    var isActive: Bool = true
    var roles: [String]?
    /// Phone verification, second factors, PIN and social identities (AccountFactors.swift).
    var factors = AccountFactors()

    /// The `Primary` email, or the first one.
    var primaryEmail: String? {
        (emails.first { $0.type.lowercased() == "primary" } ?? emails.first)?.value
    }

    func email(matching address: String) -> EmailAddress? {
        emails.first { $0.value.lowercased() == address.lowercased() }
    }

    mutating func touch(_ now: Date) {
        modifiedDate = now
    }
}
