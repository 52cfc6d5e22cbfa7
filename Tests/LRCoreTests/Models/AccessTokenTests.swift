import Foundation
import LRCore
import Testing

/// `2017-08-17T10:52:36Z` and friends as seconds since 1970, for comparing parsed dates.
private func epoch(_ seconds: Int, fraction: Double = 0) -> Date {
    Date(timeIntervalSince1970: Double(seconds) + fraction)
}

private func isClose(_ date: Date?, _ expected: Date) -> Bool {
    guard let date else { return false }
    return abs(date.timeIntervalSince(expected)) < 1e-6
}

@Suite("AccessToken: login replies")
struct ModelsAccessTokenTests {
    @Test("a login reply decodes: tokens, a 7-digit expires_in, the profile, unknown members kept")
    func loginReply() throws {
        let reply = try ModelFixtures.decode(AccessToken<Identity>.self, ModelFixtures.login)
        #expect(reply.accessToken == "a029e8a7-****-4453-****-a5e721e1f358")
        #expect(reply.refreshToken == "6e*****a-***f-***a-****-c******5***4")
        #expect(reply.expiresIn?.rawValue == "2017-08-17T10:52:36.1644137Z")
        #expect(isClose(reply.expiresIn?.date, epoch(1_502_967_156, fraction: 0.1644137)))
        #expect(reply.sessionToken == nil)
        #expect(reply.sessionExpiresIn == nil)
        // The unknown top-level member is kept as it was sent, and nothing else is.
        #expect(reply.additionalFields == ["Region": ["Name": "us-east", "Failover": false]])

        let profile = try #require(reply.profile)
        #expect(profile.uid == "f2005bd20****************3278343")
        #expect(profile.id == "dfb7****fc947618****f0ae46ff")
        #expect(profile.provider == "Email")
        #expect(profile.userName == "JohnSmith")
        #expect(profile.firstName == "Test1")
        #expect(profile.fullName == "Test1 M. Account2")
        #expect(profile.birthDate == "1990-02-07")
        #expect(profile.email == [EmailAddress(type: "Primary", value: "NorthOfKing@Westeros0.com")])
        #expect(profile.country == Country(code: "HS", name: "House Smith"))
        #expect(profile.phoneIDVerified == true)
        #expect(profile.isPasswordBreached == false)
        #expect(profile.isEmailSubscribed == false)
        #expect(profile.hireable == false)
        #expect(profile.followersCount == 0)
        #expect(profile.roles == ["teacher"])
        #expect(profile.age == "18")
        #expect(profile.customFields?["id"] == "https://graph.facebook.com/*****/picture?type=small")
        #expect(profile.webProfiles?["Large"] == "https://graph.facebook.com/*****/picture?type=large")
        #expect(profile.identities == ["Array of Identites"])
        #expect(profile.verified == "false") // JSONValue: a string here, a boolean elsewhere
        #expect(profile.passwordExpirationDate?.rawValue == "2028-02-07T19:02:55.803Z")
        #expect(isClose(profile.modifiedDate?.date, epoch(1_503_579_852, fraction: 0.1810017)))
        #expect(profile.modifiedDate?.rawValue == "2017-08-24T13:04:12.1810017Z")

        let position = try #require(profile.positions?.first)
        #expect(position.position == "astronaut")
        #expect(position.company == PositionCompany(name: "NASA", type: "astronaut", industry: "National secure"))
        #expect(position.additionalFields["Comapny"]?["Name"] == "NASA") // the sample's typo, kept
        #expect(profile.educations?.first?.fieldOfStudy == "astronaut")
        #expect(profile.educations?.first?.year == "2010")
        #expect(profile.phoneNumbers == [PhoneNumber(phoneType: "Mobile", phoneNumber: "84684*543")])
        #expect(profile.addresses?.first?.postalCode == "546841")
        #expect(profile.addresses?.first?.country == "Canada")
    }

    @Test("members of an unexpected type stay nil and are kept raw in additionalFields")
    func wrongTypesAreKept() throws {
        let profile = try #require(try ModelFixtures.decode(AccessToken<Identity>.self, ModelFixtures.login).profile)
        #expect(profile.isProtected == nil)
        #expect(profile.additionalFields["IsProtected"] == "false")
        #expect(profile.previousUIDs == nil)
        #expect(profile.additionalFields["PreviousUids"] == "61432e56***1495e89d3a100e36aeb8b")
        #expect(profile.unverifiedEmail == nil)
        #expect(profile.additionalFields["UnverifiedEmail"] == "John1Smith@hmail.com")
        // JSON is case-sensitive: the sample's `phoneId` is not `PhoneId`.
        #expect(profile.phoneID == nil)
        #expect(profile.additionalFields["phoneId"] == "824525-add135")
        #expect(Set(profile.additionalFields.keys) == ["IsProtected", "PreviousUids", "UnverifiedEmail", "phoneId"])
    }

    @Test("encoding and decoding again gives the same value, unknown members included")
    func roundTrip() throws {
        let reply = try ModelFixtures.decode(AccessToken<Identity>.self, ModelFixtures.login)
        let data = try JSONCoding.encode(reply)
        let again = try JSONCoding.decode(AccessToken<Identity>.self, from: data)
        #expect(again == reply)
        let json = try JSONCoding.decode(JSONValue.self, from: data)
        #expect(json["Region"] == ["Name": "us-east", "Failover": false])
        #expect(json["expires_in"] == "2017-08-17T10:52:36.1644137Z")
        #expect(json["Profile"]?["IsProtected"] == "false")
        #expect(json["Profile"]?["Uid"] == "f2005bd20****************3278343")
        #expect(json["session_token"] == nil) // absent fields are not sent as null
    }

    @Test("Profile can be any Codable type, e.g. JSONValue")
    func jsonValueProfile() throws {
        let reply = try ModelFixtures.decode(AccessToken<JSONValue>.self, ModelFixtures.login)
        #expect(reply.profile?["Uid"] == "f2005bd20****************3278343")
        #expect(reply.profile?["IsProtected"] == "false")
        #expect(reply.accessToken == "a029e8a7-****-4453-****-a5e721e1f358")
    }

    @Test("a Profile that does not decode is kept raw, not thrown")
    func undecodableProfile() throws {
        let text = #"{"access_token": "t", "expires_in": 1700000000, "Profile": "not an object"}"#
        let reply = try ModelFixtures.decode(AccessToken<Identity>.self, text)
        #expect(reply.accessToken == "t")
        #expect(reply.profile == nil)
        #expect(reply.expiresIn == nil)
        #expect(reply.additionalFields == ["Profile": "not an object", "expires_in": 1_700_000_000])
    }

    @Test("null members are absent, not kept")
    func nullsAreAbsent() throws {
        let text = #"{"access_token": null, "refresh_token": null, "Profile": null}"#
        let reply = try ModelFixtures.decode(AccessToken<Identity>.self, text)
        #expect(reply == AccessToken<Identity>())
        #expect(reply.additionalFields.isEmpty)
    }

    @Test("a reply that is not an object throws")
    func notAnObject() {
        #expect(throws: DecodingError.self) {
            try ModelFixtures.decode(AccessToken<Identity>.self, "[1, 2]")
        }
    }

    @Test("a declared field wins over an additional field of the same name when encoding")
    func declaredFieldWins() throws {
        let token = AccessToken<JSONValue>(
            accessToken: "declared",
            additionalFields: ["access_token": "additional", "extra": 1]
        )
        let json = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(token))
        #expect(json == ["access_token": "declared", "extra": 1])
    }

    /// A caller's own profile type that is neither Equatable nor Hashable.
    struct PlainProfile: Codable, Sendable {
        var uid: String?

        enum CodingKeys: String, CodingKey {
            case uid = "Uid"
        }
    }

    @Test("Profile needs only Codable & Sendable")
    func plainProfile() throws {
        let reply = try ModelFixtures.decode(AccessToken<PlainProfile>.self, ModelFixtures.login)
        #expect(reply.profile?.uid == "f2005bd20****************3278343")
        let json = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(reply))
        #expect(json["Profile"] == ["Uid": "f2005bd20****************3278343"])
        #expect(json["access_token"] == "a029e8a7-****-4453-****-a5e721e1f358")
    }

    @Test("Hashable when Profile is Hashable")
    func hashable() throws {
        let reply = try ModelFixtures.decode(AccessToken<Identity>.self, ModelFixtures.login)
        let set: Set<AccessToken<Identity>> = [reply, reply, AccessToken<Identity>(accessToken: "other")]
        #expect(set.count == 2)
        #expect(set.contains(reply))
    }
}

@Suite("PostResponseWithData")
struct ModelsPostResponseWithDataTests {
    @Test("a registration reply: IsPosted plus an access token with session and profile")
    func registrationReply() throws {
        let reply = try ModelFixtures.decode(
            PostResponseWithData<AccessToken<Identity>>.self, ModelFixtures.registration)
        #expect(reply.isPosted == true)
        #expect(reply.additionalFields.isEmpty)
        let token = try #require(reply.data)
        #expect(token.accessToken == "991****9-d35b-4**a-9**f-f36****7df13")
        #expect(token.refreshToken == "f****b85-e**5-4**8-b**0-1719*****f14")
        #expect(token.expiresIn?.rawValue == "2019-09-30T09:51:22.8149253Z")
        #expect(isClose(token.expiresIn?.date, epoch(1_569_837_082, fraction: 0.8149253)))
        #expect(token.sessionToken == "7da****7-9fde-4**9-b**c-27***cc5***6")
        #expect(isClose(token.sessionExpiresIn?.date, epoch(1_570_440_982, fraction: 0.8149403)))
        #expect(token.additionalFields.isEmpty)

        let profile = try #require(token.profile)
        // A captured server profile: every member it has is declared by Identity.
        #expect(profile.additionalFields.isEmpty)
        #expect(profile.uid == "4b4*****38724*****200196*****3959")
        #expect(profile.email == [EmailAddress(type: "Primary", value: "example@example.com")])
        #expect(profile.emailVerified == false)
        #expect(profile.isActive == true)
        #expect(profile.noOfLogins == 1)
        #expect(profile.loginLockedType == "None")
        #expect(profile.lastLoginLocation == "Washington, United States")
        #expect(profile.registrationSource == "API")
        #expect(profile.isSecurePassword == true)
        #expect(profile.firstLogin == true)
        #expect(profile.isProtected == false)
        #expect(profile.likesCount == 0)
        #expect(profile.firstName == nil) // null
        #expect(profile.customFields == nil) // null
        #expect(profile.lastPasswordChangeDate == nil) // null
        #expect(profile.signupDate?.rawValue == "2019-09-30T09:36:21.3720000Z")
        #expect(profile.lastLoginDate?.rawValue == "2019-09-30T09:36:22.9196327Z")
        #expect(isClose(profile.lastLoginDate?.date, epoch(1_569_836_182, fraction: 0.9196327)))
        let pin = try #require(profile.pin)
        #expect(pin.skipped == false)
        #expect(pin.lastPINChangeDate?.rawValue == "2019-09-30T09:36:21.3750000Z")
        #expect(pin.skippedDate?.rawValue == "0001-01-01T00:00:00.0000000Z")
        #expect(pin.skippedDate?.date != nil)
        #expect(pin.additionalFields.isEmpty)
    }

    @Test("an update-profile reply: IsPosted plus the profile")
    func updateProfileReply() throws {
        let text = #"{"IsPosted": true, "Data": {"Uid": "u1", "FirstName": "Ada", "IsProtected": false}, "Trace": "x"}"#
        let reply = try ModelFixtures.decode(PostResponseWithData<Identity>.self, text)
        #expect(reply.isPosted == true)
        #expect(reply.data == Identity(uid: "u1", firstName: "Ada", isProtected: false))
        #expect(reply.additionalFields == ["Trace": "x"])
        let again = try JSONCoding.decode(PostResponseWithData<Identity>.self, from: JSONCoding.encode(reply))
        #expect(again == reply)
    }

    @Test("wrong types are kept raw")
    func wrongTypes() throws {
        let text = #"{"IsPosted": "yes", "Data": 5}"#
        let reply = try ModelFixtures.decode(PostResponseWithData<Identity>.self, text)
        #expect(reply.isPosted == nil)
        #expect(reply.data == nil)
        #expect(reply.additionalFields == ["IsPosted": "yes", "Data": 5])
        let json = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(reply))
        #expect(json == ["IsPosted": "yes", "Data": 5])
    }
}

@Suite("Shared reply models")
struct ModelsSharedReplyTests {
    @Test("small replies decode")
    func smallReplies() throws {
        #expect(try ModelFixtures.decode(PostResponse.self, #"{"IsPosted": true}"#).isPosted == true)
        #expect(try ModelFixtures.decode(ExistResponse.self, #"{"IsExist": false}"#).isExist == false)
        let deleted = try ModelFixtures.decode(DeleteResponse.self, #"{"IsDeleted": true, "RecordsDeleted": 3}"#)
        #expect(deleted.isDeleted == true)
        #expect(deleted.recordsDeleted == 3)
        let accepted = try ModelFixtures.decode(DeleteRequestAcceptResponse.self, #"{"IsDeleteRequestAccepted": true}"#)
        #expect(accepted.isDeleteRequestAccepted == true)
    }

    @Test("security questions decode as an array")
    func securityQuestions() throws {
        let text = #"[{"QuestionId": "0a67bd*****3fdab3*****5c16b", "Question": "what is your middlename?"}]"#
        let questions = try ModelFixtures.decode([SecurityQuestion].self, text)
        #expect(
            questions == [
                SecurityQuestion(questionID: "0a67bd*****3fdab3*****5c16b", question: "what is your middlename?")
            ])
    }

    @Test("access token validation and information replies decode")
    func accessTokenInfo() throws {
        let validated = try ModelFixtures.decode(
            AccessTokenInfo.self,
            #"{"access_token": "f78d7139", "refresh_token": "acbc1700", "expires_in": "2017-08-02T21:12:53.469Z"}"#
        )
        #expect(validated.accessToken == "f78d7139")
        #expect(validated.refreshToken == "acbc1700")
        #expect(isClose(validated.expiresIn?.date, epoch(1_501_708_373, fraction: 0.469)))
        let info = try ModelFixtures.decode(
            AccessTokenInfo.self, #"{"provider": "facebook", "access_token": "abc", "isrememberme": true}"#)
        #expect(info.provider == "facebook")
        #expect(info.isRememberMe == true)
        #expect(info.additionalFields.isEmpty)
    }

    @Test("privacy policy history decodes")
    func privacyPolicyHistory() throws {
        let text = #"""
            {"Uid": "ba94e", "Current": {"Version": "version1", "AcceptSource": "API", "AcceptDateTime": "2018-02-27T06:25:14.484Z"},
             "History": [{"Version": "version1", "AcceptSource": "API", "AcceptDateTime": "2018-02-27T06:25:14.484Z"}]}
            """#
        let history = try ModelFixtures.decode(PrivacyPolicyHistoryResponse.self, text)
        #expect(history.uid == "ba94e")
        #expect(history.current?.version == "version1")
        #expect(history.history?.count == 1)
        #expect(history.current?.acceptDateTime?.date != nil)
    }
}
