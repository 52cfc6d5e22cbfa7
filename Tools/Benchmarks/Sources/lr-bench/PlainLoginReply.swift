/// The canned login reply as a plain synthesized `Decodable` with exactly the members the reply
/// has (no lenient decoding, no `additionalFields`): the floor for typed decoding with
/// Foundation's `JSONDecoder` (`lr-bench --client decode-plain`).
struct PlainLoginReply: Decodable, Sendable {
    struct Profile: Decodable, Sendable {
        struct Email: Decodable, Sendable {
            var `Type`: String?
            var Value: String?
        }
        struct Country: Decodable, Sendable {
            var Code: String?
            var Name: String?
        }
        var Uid: String?
        var ID: String?
        var Provider: String?
        var RegistrationProvider: String?
        var RegistrationSource: String?
        var FirstName: String?
        var MiddleName: String?
        var LastName: String?
        var FullName: String?
        var NickName: String?
        var Gender: String?
        var BirthDate: String?
        var Email: [Email]?
        var EmailVerified: Bool?
        var IsEmailSubscribed: Bool?
        var PhoneId: String?
        var PhoneIdVerified: Bool?
        var Country: Country?
        var City: String?
        var LocalLanguage: String?
        var TimeZone: String?
        var Company: String?
        var ImageUrl: String?
        var CustomFields: [String: String]?
        var Roles: [String]?
        var CreatedDate: String?
        var ModifiedDate: String?
        var LastLoginDate: String?
        var NoOfLogins: Int?
        var IsActive: Bool?
        var IsDeleted: Bool?
        var IsLoginLocked: Bool?
        var Identities: [String]?
        var PasswordExpirationDate: String?
        var LastPasswordChangeDate: String?
        var IsSecurePassword: Bool?
        var PrivacyPolicy: [String: String]?
    }
    var Profile: Profile?
    var access_token: String?
    var refresh_token: String?
    var expires_in: String?
}
