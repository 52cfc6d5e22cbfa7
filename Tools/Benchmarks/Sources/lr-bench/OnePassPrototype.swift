// Derived once (by a throwaway script) from Modules/LRCore/Generated/Models/Identity.swift (147 members): a
// prototype of fix 2 in findings.md, for `lr-bench --client decode-onepass`. It decodes the same reply
// with the same leniency as `AccessToken<Identity>` (a member of an unexpected type goes to
// `additionalFields`, unknown members too) but in ONE pass over the keys that are present, with a
// `switch` on the key, instead of one `contains` + `decodeIfPresent` per declared member plus a second
// pass for the unknown ones. Not used by the SDK.
import LRAuth

@inline(__always)
private func lenient<T: Decodable>(
    _ container: KeyedDecodingContainer<DynamicCodingKey>, _ type: T.Type, _ key: DynamicCodingKey,
    _ additional: inout [String: JSONValue]
) -> T? {
    if let value = try? container.decodeIfPresent(T.self, forKey: key) { return value }
    if let raw = try? container.decode(JSONValue.self, forKey: key), raw != .null { additional[key.stringValue] = raw }
    return nil
}

struct OnePassIdentity: Decodable, Sendable {
    var uid: String?
    var id: String?
    var provider: String?
    var registrationProvider: String?
    var registrationSource: String?
    var userName: String?
    var phoneId: String?
    var phoneIdVerified: Bool?
    var externalUserLoginId: String?
    var externalIds: [ExternalId]?
    var isCustomUid: Bool?
    var previousUids: [String]?
    var lrUserId: String?
    var identities: [JSONValue]?
    var prefix: String?
    var firstName: String?
    var middleName: String?
    var lastName: String?
    var suffix: String?
    var fullName: String?
    var nickName: String?
    var profileName: String?
    var birthDate: String?
    var gender: String?
    var age: String?
    var ageRange: JSONValue?
    var website: String?
    var email: [EmailAddress]?
    var unverifiedEmail: [EmailAddress]?
    var emailVerified: Bool?
    var isEmailSubscribed: Bool?
    var phoneNumbers: [PhoneNumber]?
    var country: Country?
    var addresses: [Address]?
    var mainAddress: String?
    var homeTown: String?
    var state: String?
    var city: String?
    var localCity: String?
    var profileCity: String?
    var localCountry: String?
    var profileCountry: String?
    var timeZone: String?
    var localLanguage: String?
    var language: String?
    var currency: String?
    var company: String?
    var industry: String?
    var about: String?
    var tagLine: String?
    var professionalHeadline: String?
    var relationshipStatus: String?
    var religion: String?
    var political: String?
    var quota: String?
    var quote: String?
    var interestedIn: [String]?
    var interests: [JSONValue]?
    var customFields: [String: JSONValue]?
    var thumbnailImageUrl: String?
    var imageUrl: String?
    var httpsImageUrl: String?
    var gravatarImageUrl: String?
    var coverPhoto: String?
    var favicon: String?
    var profileUrl: String?
    var profileImageUrls: [String: String]?
    var webProfiles: [String: String]?
    var memberUrlResources: [JSONValue]?
    var createdDate: LoginRadiusDate?
    var signupDate: LoginRadiusDate?
    var modifiedDate: LoginRadiusDate?
    var profileModifiedDate: LoginRadiusDate?
    var updatedTime: LoginRadiusDate?
    var created: String?
    var lastLoginDate: LoginRadiusDate?
    var lastLoginLocation: String?
    var noOfLogins: Int?
    var firstLogin: Bool?
    var isActive: Bool?
    var isDeleted: Bool?
    var isLoginLocked: Bool?
    var loginLockedType: String?
    var isRequiredFieldsFilledOnce: Bool?
    var roles: [String]?
    var organizations: [JSONValue]?
    var privacyPolicy: AcceptedPrivacyPolicy?
    var consentProfile: JSONValue?
    var registrationData: JSONValue?
    var password: String?
    var passwordExpirationDate: LoginRadiusDate?
    var lastPasswordChangeDate: LoginRadiusDate?
    var lastPasswordChangeToken: String?
    var isSecurePassword: Bool?
    var isPasswordBreached: Bool?
    var pin: PINInformation?
    var verified: JSONValue?
    var isProtected: Bool?
    var isGeoEnabled: String?
    var followersCount: Int?
    var friendsCount: Int?
    var totalStatusesCount: Int?
    var providerAccessCredential: JSONValue?
    var positions: [Position]?
    var educations: [Education]?
    var imAccounts: [IMAccount]?
    var associations: String?
    var honors: String?
    var numRecommenders: Int?
    var awards: [JSONValue]?
    var skills: [JSONValue]?
    var currentStatus: [JSONValue]?
    var certifications: [JSONValue]?
    var courses: [JSONValue]?
    var volunteer: [JSONValue]?
    var recommendationsReceived: [JSONValue]?
    var languages: [JSONValue]?
    var projects: [JSONValue]?
    var games: [JSONValue]?
    var family: [JSONValue]?
    var televisionShow: [JSONValue]?
    var mutualFriends: [JSONValue]?
    var movies: [JSONValue]?
    var books: [JSONValue]?
    var sports: [JSONValue]?
    var inspirationalPeople: [JSONValue]?
    var patents: [JSONValue]?
    var favoriteThings: [JSONValue]?
    var relatedProfileViews: [JSONValue]?
    var kloutScore: JSONValue?
    var placesLived: [JSONValue]?
    var publications: [JSONValue]?
    var jobBookmarks: [JSONValue]?
    var suggestions: JSONValue?
    var badges: [JSONValue]?
    var hireable: Bool?
    var publicRepository: JSONValue?
    var repositoryUrl: String?
    var totalPrivateRepository: Int?
    var starredUrl: String?
    var gistsUrl: String?
    var publicGists: Int?
    var privateGists: Int?
    var subscription: JSONValue?
    var pinsCount: Int?
    var boardsCount: Int?
    var likesCount: Int?
    var additionalFields: [String: JSONValue] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        var additional: [String: JSONValue] = [:]
        for key in container.allKeys {
            switch key.stringValue {
            case "Uid": uid = lenient(container, String.self, key, &additional)
            case "ID": id = lenient(container, String.self, key, &additional)
            case "Provider": provider = lenient(container, String.self, key, &additional)
            case "RegistrationProvider": registrationProvider = lenient(container, String.self, key, &additional)
            case "RegistrationSource": registrationSource = lenient(container, String.self, key, &additional)
            case "UserName": userName = lenient(container, String.self, key, &additional)
            case "PhoneId": phoneId = lenient(container, String.self, key, &additional)
            case "PhoneIdVerified": phoneIdVerified = lenient(container, Bool.self, key, &additional)
            case "ExternalUserLoginId": externalUserLoginId = lenient(container, String.self, key, &additional)
            case "ExternalIds": externalIds = lenient(container, [ExternalId].self, key, &additional)
            case "IsCustomUid": isCustomUid = lenient(container, Bool.self, key, &additional)
            case "PreviousUids": previousUids = lenient(container, [String].self, key, &additional)
            case "LRUserID": lrUserId = lenient(container, String.self, key, &additional)
            case "Identities": identities = lenient(container, [JSONValue].self, key, &additional)
            case "Prefix": prefix = lenient(container, String.self, key, &additional)
            case "FirstName": firstName = lenient(container, String.self, key, &additional)
            case "MiddleName": middleName = lenient(container, String.self, key, &additional)
            case "LastName": lastName = lenient(container, String.self, key, &additional)
            case "Suffix": suffix = lenient(container, String.self, key, &additional)
            case "FullName": fullName = lenient(container, String.self, key, &additional)
            case "NickName": nickName = lenient(container, String.self, key, &additional)
            case "ProfileName": profileName = lenient(container, String.self, key, &additional)
            case "BirthDate": birthDate = lenient(container, String.self, key, &additional)
            case "Gender": gender = lenient(container, String.self, key, &additional)
            case "Age": age = lenient(container, String.self, key, &additional)
            case "AgeRange": ageRange = lenient(container, JSONValue.self, key, &additional)
            case "Website": website = lenient(container, String.self, key, &additional)
            case "Email": email = lenient(container, [EmailAddress].self, key, &additional)
            case "UnverifiedEmail": unverifiedEmail = lenient(container, [EmailAddress].self, key, &additional)
            case "EmailVerified": emailVerified = lenient(container, Bool.self, key, &additional)
            case "IsEmailSubscribed": isEmailSubscribed = lenient(container, Bool.self, key, &additional)
            case "PhoneNumbers": phoneNumbers = lenient(container, [PhoneNumber].self, key, &additional)
            case "Country": country = lenient(container, Country.self, key, &additional)
            case "Addresses": addresses = lenient(container, [Address].self, key, &additional)
            case "MainAddress": mainAddress = lenient(container, String.self, key, &additional)
            case "HomeTown": homeTown = lenient(container, String.self, key, &additional)
            case "State": state = lenient(container, String.self, key, &additional)
            case "City": city = lenient(container, String.self, key, &additional)
            case "LocalCity": localCity = lenient(container, String.self, key, &additional)
            case "ProfileCity": profileCity = lenient(container, String.self, key, &additional)
            case "LocalCountry": localCountry = lenient(container, String.self, key, &additional)
            case "ProfileCountry": profileCountry = lenient(container, String.self, key, &additional)
            case "TimeZone": timeZone = lenient(container, String.self, key, &additional)
            case "LocalLanguage": localLanguage = lenient(container, String.self, key, &additional)
            case "Language": language = lenient(container, String.self, key, &additional)
            case "Currency": currency = lenient(container, String.self, key, &additional)
            case "Company": company = lenient(container, String.self, key, &additional)
            case "Industry": industry = lenient(container, String.self, key, &additional)
            case "About": about = lenient(container, String.self, key, &additional)
            case "TagLine": tagLine = lenient(container, String.self, key, &additional)
            case "ProfessionalHeadline": professionalHeadline = lenient(container, String.self, key, &additional)
            case "RelationshipStatus": relationshipStatus = lenient(container, String.self, key, &additional)
            case "Religion": religion = lenient(container, String.self, key, &additional)
            case "Political": political = lenient(container, String.self, key, &additional)
            case "Quota": quota = lenient(container, String.self, key, &additional)
            case "Quote": quote = lenient(container, String.self, key, &additional)
            case "InterestedIn": interestedIn = lenient(container, [String].self, key, &additional)
            case "Interests": interests = lenient(container, [JSONValue].self, key, &additional)
            case "CustomFields": customFields = lenient(container, [String: JSONValue].self, key, &additional)
            case "ThumbnailImageUrl": thumbnailImageUrl = lenient(container, String.self, key, &additional)
            case "ImageUrl": imageUrl = lenient(container, String.self, key, &additional)
            case "HttpsImageUrl": httpsImageUrl = lenient(container, String.self, key, &additional)
            case "GravatarImageUrl": gravatarImageUrl = lenient(container, String.self, key, &additional)
            case "CoverPhoto": coverPhoto = lenient(container, String.self, key, &additional)
            case "Favicon": favicon = lenient(container, String.self, key, &additional)
            case "ProfileUrl": profileUrl = lenient(container, String.self, key, &additional)
            case "ProfileImageUrls": profileImageUrls = lenient(container, [String: String].self, key, &additional)
            case "WebProfiles": webProfiles = lenient(container, [String: String].self, key, &additional)
            case "MemberUrlResources": memberUrlResources = lenient(container, [JSONValue].self, key, &additional)
            case "CreatedDate": createdDate = lenient(container, LoginRadiusDate.self, key, &additional)
            case "SignupDate": signupDate = lenient(container, LoginRadiusDate.self, key, &additional)
            case "ModifiedDate": modifiedDate = lenient(container, LoginRadiusDate.self, key, &additional)
            case "ProfileModifiedDate": profileModifiedDate = lenient(container, LoginRadiusDate.self, key, &additional)
            case "UpdatedTime": updatedTime = lenient(container, LoginRadiusDate.self, key, &additional)
            case "Created": created = lenient(container, String.self, key, &additional)
            case "LastLoginDate": lastLoginDate = lenient(container, LoginRadiusDate.self, key, &additional)
            case "LastLoginLocation": lastLoginLocation = lenient(container, String.self, key, &additional)
            case "NoOfLogins": noOfLogins = lenient(container, Int.self, key, &additional)
            case "FirstLogin": firstLogin = lenient(container, Bool.self, key, &additional)
            case "IsActive": isActive = lenient(container, Bool.self, key, &additional)
            case "IsDeleted": isDeleted = lenient(container, Bool.self, key, &additional)
            case "IsLoginLocked": isLoginLocked = lenient(container, Bool.self, key, &additional)
            case "LoginLockedType": loginLockedType = lenient(container, String.self, key, &additional)
            case "IsRequiredFieldsFilledOnce": isRequiredFieldsFilledOnce = lenient(container, Bool.self, key, &additional)
            case "Roles": roles = lenient(container, [String].self, key, &additional)
            case "Organizations": organizations = lenient(container, [JSONValue].self, key, &additional)
            case "PrivacyPolicy": privacyPolicy = lenient(container, AcceptedPrivacyPolicy.self, key, &additional)
            case "ConsentProfile": consentProfile = lenient(container, JSONValue.self, key, &additional)
            case "RegistrationData": registrationData = lenient(container, JSONValue.self, key, &additional)
            case "Password": password = lenient(container, String.self, key, &additional)
            case "PasswordExpirationDate": passwordExpirationDate = lenient(container, LoginRadiusDate.self, key, &additional)
            case "LastPasswordChangeDate": lastPasswordChangeDate = lenient(container, LoginRadiusDate.self, key, &additional)
            case "LastPasswordChangeToken": lastPasswordChangeToken = lenient(container, String.self, key, &additional)
            case "IsSecurePassword": isSecurePassword = lenient(container, Bool.self, key, &additional)
            case "IsPasswordBreached": isPasswordBreached = lenient(container, Bool.self, key, &additional)
            case "PIN": pin = lenient(container, PINInformation.self, key, &additional)
            case "Verified": verified = lenient(container, JSONValue.self, key, &additional)
            case "IsProtected": isProtected = lenient(container, Bool.self, key, &additional)
            case "IsGeoEnabled": isGeoEnabled = lenient(container, String.self, key, &additional)
            case "FollowersCount": followersCount = lenient(container, Int.self, key, &additional)
            case "FriendsCount": friendsCount = lenient(container, Int.self, key, &additional)
            case "TotalStatusesCount": totalStatusesCount = lenient(container, Int.self, key, &additional)
            case "ProviderAccessCredential": providerAccessCredential = lenient(container, JSONValue.self, key, &additional)
            case "Positions": positions = lenient(container, [Position].self, key, &additional)
            case "Educations": educations = lenient(container, [Education].self, key, &additional)
            case "IMAccounts": imAccounts = lenient(container, [IMAccount].self, key, &additional)
            case "Associations": associations = lenient(container, String.self, key, &additional)
            case "Honors": honors = lenient(container, String.self, key, &additional)
            case "NumRecommenders": numRecommenders = lenient(container, Int.self, key, &additional)
            case "Awards": awards = lenient(container, [JSONValue].self, key, &additional)
            case "Skills": skills = lenient(container, [JSONValue].self, key, &additional)
            case "CurrentStatus": currentStatus = lenient(container, [JSONValue].self, key, &additional)
            case "Certifications": certifications = lenient(container, [JSONValue].self, key, &additional)
            case "Courses": courses = lenient(container, [JSONValue].self, key, &additional)
            case "Volunteer": volunteer = lenient(container, [JSONValue].self, key, &additional)
            case "RecommendationsReceived": recommendationsReceived = lenient(container, [JSONValue].self, key, &additional)
            case "Languages": languages = lenient(container, [JSONValue].self, key, &additional)
            case "Projects": projects = lenient(container, [JSONValue].self, key, &additional)
            case "Games": games = lenient(container, [JSONValue].self, key, &additional)
            case "Family": family = lenient(container, [JSONValue].self, key, &additional)
            case "TeleVisionShow": televisionShow = lenient(container, [JSONValue].self, key, &additional)
            case "MutualFriends": mutualFriends = lenient(container, [JSONValue].self, key, &additional)
            case "Movies": movies = lenient(container, [JSONValue].self, key, &additional)
            case "Books": books = lenient(container, [JSONValue].self, key, &additional)
            case "Sports": sports = lenient(container, [JSONValue].self, key, &additional)
            case "InspirationalPeople": inspirationalPeople = lenient(container, [JSONValue].self, key, &additional)
            case "Patents": patents = lenient(container, [JSONValue].self, key, &additional)
            case "FavoriteThings": favoriteThings = lenient(container, [JSONValue].self, key, &additional)
            case "RelatedProfileViews": relatedProfileViews = lenient(container, [JSONValue].self, key, &additional)
            case "KloutScore": kloutScore = lenient(container, JSONValue.self, key, &additional)
            case "PlacesLived": placesLived = lenient(container, [JSONValue].self, key, &additional)
            case "Publications": publications = lenient(container, [JSONValue].self, key, &additional)
            case "JobBookmarks": jobBookmarks = lenient(container, [JSONValue].self, key, &additional)
            case "Suggestions": suggestions = lenient(container, JSONValue.self, key, &additional)
            case "Badges": badges = lenient(container, [JSONValue].self, key, &additional)
            case "Hireable": hireable = lenient(container, Bool.self, key, &additional)
            case "PublicRepository": publicRepository = lenient(container, JSONValue.self, key, &additional)
            case "RepositoryUrl": repositoryUrl = lenient(container, String.self, key, &additional)
            case "TotalPrivateRepository": totalPrivateRepository = lenient(container, Int.self, key, &additional)
            case "StarredUrl": starredUrl = lenient(container, String.self, key, &additional)
            case "GistsUrl": gistsUrl = lenient(container, String.self, key, &additional)
            case "PublicGists": publicGists = lenient(container, Int.self, key, &additional)
            case "PrivateGists": privateGists = lenient(container, Int.self, key, &additional)
            case "Subscription": subscription = lenient(container, JSONValue.self, key, &additional)
            case "PinsCount": pinsCount = lenient(container, Int.self, key, &additional)
            case "BoardsCount": boardsCount = lenient(container, Int.self, key, &additional)
            case "LikesCount": likesCount = lenient(container, Int.self, key, &additional)
            default: additional[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        additionalFields = additional
    }
}

struct OnePassAccessToken: Decodable, Sendable {
    var accessToken: String?
    var refreshToken: String?
    var expiresIn: LoginRadiusDate?
    var sessionToken: String?
    var sessionExpiresIn: LoginRadiusDate?
    var profile: OnePassIdentity?
    var additionalFields: [String: JSONValue] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        var additional: [String: JSONValue] = [:]
        for key in container.allKeys {
            switch key.stringValue {
            case "access_token": accessToken = lenient(container, String.self, key, &additional)
            case "refresh_token": refreshToken = lenient(container, String.self, key, &additional)
            case "expires_in": expiresIn = lenient(container, LoginRadiusDate.self, key, &additional)
            case "session_token": sessionToken = lenient(container, String.self, key, &additional)
            case "session_expires_in": sessionExpiresIn = lenient(container, LoginRadiusDate.self, key, &additional)
            case "Profile": profile = lenient(container, OnePassIdentity.self, key, &additional)
            default: additional[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        additionalFields = additional
    }
}

/// A prototype of fix 1 in findings.md for `lr-bench --client decode-jsonvalue-reordered`: the SDK's
/// `JSONValue.init(from:)` with the trials reordered so that the common case, a string, succeeds
/// first (nil, String, Int64, Double, Bool, object, array) instead of after three thrown errors.
enum ReorderedJSONValue: Decodable, Sendable, Equatable {
    case null, bool(Bool), int(Int64), double(Double), string(String)
    case array([ReorderedJSONValue]), object([String: ReorderedJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode([String: ReorderedJSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([ReorderedJSONValue].self) {
            self = .array(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
        }
    }
}
