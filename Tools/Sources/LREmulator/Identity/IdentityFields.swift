// The Identity (profile) object's fields. The order and names are LoginRadius's, from the sample
// output of "Auth Verify Email" in LoginRadius/apidocs
// (database/apidocs/apis/v2/customer-identity-api/authentication/auth-verify-email.json); the
// writable fields are the body parameters of "Auth Update Profile by Token" (same folder),
// less `Email`, `Uid`, `UserName` and `PhoneId`, which the emulator handles itself.

enum IdentityFields {
    /// Every field of an Identity, in the order responses list them.
    static let order: [String] = [
        "Identities", "IsPasswordBreached", "IsActive", "IsDeleted", "EmailVerified",
        "IsLoginLocked", "IsRequiredFieldsFilledOnce", "FirstLogin", "IsProtected", "Hireable",
        "IsSecurePassword", "IsCustomUid", "PhoneIdVerified", "IsEmailSubscribed", "NoOfLogins",
        "FollowersCount", "FriendsCount", "TotalStatusesCount", "NumRecommenders",
        "TotalPrivateRepository", "PublicGists", "PrivateGists", "PinsCount", "BoardsCount",
        "LikesCount", "ID", "Password", "LoginLockedType", "Provider", "LastPasswordChangeToken",
        "FullName", "FirstName", "LastName", "Uid", "RegistrationProvider", "RegistrationSource",
        "LastLoginLocation", "ExternalUserLoginId", "PhoneId", "UserName", "Prefix", "MiddleName",
        "Suffix", "NickName", "ProfileName", "BirthDate", "Gender", "Website", "Email",
        "ThumbnailImageUrl", "ImageUrl", "Favicon", "ProfileUrl", "HomeTown", "State", "City",
        "Industry", "About", "TimeZone", "LocalLanguage", "CoverPhoto", "TagLine", "Language",
        "Verified", "UpdatedTime", "IsGeoEnabled", "Associations", "Honors", "HttpsImageUrl",
        "MainAddress", "Created", "LocalCity", "ProfileCity", "LocalCountry", "ProfileCountry",
        "RelationshipStatus", "Quota", "Quote", "Religion", "Political", "PublicRepository",
        "RepositoryUrl", "Age", "ProfessionalHeadline", "LRUserID", "Currency", "StarredUrl",
        "GistsUrl", "Company", "GravatarImageUrl", "LastPasswordChangeDate",
        "PasswordExpirationDate", "CreatedDate", "ModifiedDate", "ProfileModifiedDate",
        "LastLoginDate", "SignupDate", "PrivacyPolicy", "Country", "AgeRange", "KloutScore",
        "Suggestions", "Subscription", "PIN", "ConsentProfile", "RegistrationData",
        "ProviderAccessCredential", "CustomFields", "ProfileImageUrls", "WebProfiles", "Roles",
        "PreviousUids", "InterestedIn", "ExternalIds", "UnverifiedEmail", "Positions",
        "Educations", "PhoneNumbers", "IMAccounts", "Addresses", "Interests", "Sports",
        "InspirationalPeople", "Awards", "Skills", "CurrentStatus", "Certifications", "Courses",
        "Volunteer", "RecommendationsReceived", "Languages", "Projects", "Games", "Family",
        "TeleVisionShow", "MutualFriends", "Movies", "Books", "Patents", "FavoriteThings",
        "RelatedProfileViews", "PlacesLived", "Publications", "JobBookmarks", "Badges",
        "MemberUrlResources",
    ]

    /// Free-form profile fields a client may set at registration or update.
    static let writable: [String] = [
        "Prefix", "FirstName", "MiddleName", "LastName", "Suffix", "FullName", "NickName",
        "ProfileName", "BirthDate", "Gender", "Website", "Country", "ThumbnailImageUrl",
        "ImageUrl", "Favicon", "ProfileUrl", "HomeTown", "State", "City", "Industry", "About",
        "TimeZone", "LocalLanguage", "CoverPhoto", "TagLine", "Positions", "Educations",
        "PhoneNumbers", "IMAccounts", "Addresses", "MainAddress", "LocalCity", "ProfileCity",
        "LocalCountry", "ProfileCountry", "IsProtected", "RelationshipStatus", "Quota", "Quote",
        "InterestedIn", "Interests", "Religion", "Political", "Sports", "InspirationalPeople",
        "HttpsImageUrl", "FollowersCount", "FriendsCount", "IsGeoEnabled", "TotalStatusesCount",
        "Associations", "NumRecommenders", "Honors", "Awards", "Skills", "CurrentStatus",
        "Certifications", "Courses", "Volunteer", "RecommendationsReceived", "Languages",
        "Projects", "Games", "Family", "TeleVisionShow", "MutualFriends", "Movies", "Books",
        "AgeRange", "PublicRepository", "Hireable", "RepositoryUrl", "Age", "Patents",
        "FavoriteThings", "ProfessionalHeadline", "ProviderAccessCredential",
        "RelatedProfileViews", "KloutScore", "LRUserID", "PlacesLived", "Publications",
        "JobBookmarks", "Suggestions", "Badges", "MemberUrlResources", "TotalPrivateRepository",
        "Currency", "StarredUrl", "GistsUrl", "PublicGists", "PrivateGists", "Subscription",
        "Company", "GravatarImageUrl", "ProfileImageUrls", "WebProfiles", "CustomFields",
        "IsEmailSubscribed",
    ]

    private static let writableByLowercase: [String: String] = Dictionary(
        writable.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The canonical name of a writable field, matched case-insensitively (`firstname` →
    /// `FirstName`), or nil if clients cannot set it.
    static func writableName(for key: String) -> String? {
        writableByLowercase[key.lowercased()]
    }
}
