// Renders an account as LoginRadius's Identity object: every documented field, in order,
// with null for what the account does not have (as LoginRadius does).
import Foundation

enum IdentitySerializer {
    /// Defaults LoginRadius shows for flags and counters of a fresh email account (from the
    /// "Auth Verify Email" sample output).
    private static let defaults: [String: JSON] = [
        "IsPasswordBreached": .bool(false), "IsLoginLocked": .bool(false),
        "IsRequiredFieldsFilledOnce": .bool(true), "IsProtected": .bool(false), "Hireable": .bool(false),
        "IsCustomUid": .bool(false), "PhoneIdVerified": .bool(false), "IsEmailSubscribed": .bool(false),
        "FollowersCount": .int(0), "FriendsCount": .int(0), "TotalStatusesCount": .int(0),
        "NumRecommenders": .int(0), "TotalPrivateRepository": .int(0), "PublicGists": .int(0),
        "PrivateGists": .int(0), "PinsCount": .int(0), "BoardsCount": .int(0), "LikesCount": .int(0),
        "LoginLockedType": .string("None"), "Provider": .string("Email"),
        "RegistrationProvider": .string("Email"), "RegistrationSource": .string("API"),
    ]

    static func json(_ account: Account) -> JSON {
        var object = JSONObject()
        for field in IdentityFields.order {
            object[field] = value(of: field, in: account)
        }
        return .object(object)
    }

    private static func value(of field: String, in account: Account) -> JSON {
        func date(_ value: Date?) -> JSON { value.map { .string(LoginRadiusDates.iso8601($0)) } ?? .null }
        func string(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
        if let factorValue = FactorIdentityFields.value(of: field, in: account) { return factorValue }
        switch field {
        case "ID": return .string(account.id)
        case "Uid": return .string(account.uid)
        case "Email":
            return .array(
                account.emails.map { email in
                    .object(JSONObject([("Type", .string(email.type)), ("Value", .string(email.value))]))
                })
        case "EmailVerified": return .bool(account.emailVerified)
        case "UserName": return string(account.username)
        case "PhoneId": return string(account.phoneId)
        case "IsActive": return .bool(account.isActive)
        case "IsDeleted": return .bool(false)
        case "NoOfLogins": return .int(account.noOfLogins)
        case "FirstLogin": return .bool(account.noOfLogins <= 1)
        case "Roles": return account.roles.map { .array($0.map(JSON.string)) } ?? .null
        case "CreatedDate", "SignupDate": return date(account.createdDate)
        case "ModifiedDate": return date(account.modifiedDate)
        case "ProfileModifiedDate": return date(account.profileModifiedDate)
        case "LastLoginDate": return date(account.lastLoginDate)
        case "LastPasswordChangeDate": return date(account.lastPasswordChangeDate)
        case "FullName":
            return account.profile["FullName"] ?? derivedFullName(account.profile)
        default:
            return account.profile[field] ?? defaults[field] ?? .null
        }
    }

    /// LoginRadius fills `FullName` from the name parts when it is not given.
    private static func derivedFullName(_ profile: JSONObject) -> JSON {
        let parts = ["FirstName", "MiddleName", "LastName"].compactMap { profile[$0]?.stringValue }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? .null : .string(parts.joined(separator: " "))
    }
}
