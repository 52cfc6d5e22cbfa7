import Foundation
import LRCore
import Testing

/// The fast path (`JSONValue(parsing:)` + `init(jsonValue:)`) must give exactly what the
/// `Decoder` path (`JSONDecoder` + `init(from:)`) gives: same typed fields, same leniency, same
/// `additionalFields`.
@Suite("Fast decoding: the same values as JSONDecoder")
struct FastDecodingParityTests {
    private func both<T: JSONValueDecodable & Equatable>(_ type: T.Type, _ text: String) throws -> (T, T) {
        let data = Data(text.utf8)
        let viaDecoder = try JSONCoding.decode(type, from: data)
        let viaTree = try T(jsonValue: try JSONValue(parsing: data))
        return (viaDecoder, viaTree)
    }

    /// Replies that exercise every rule: wrong-typed members, nulls, unknown members, nested
    /// models with their own unknown and wrong-typed members, arrays with a bad element, numbers.
    static let replies: [String] = [
        ModelFixtures.login,
        #"{"access_token": "t", "expires_in": 1700000000, "Profile": "not an object"}"#,
        #"{"access_token": null, "refresh_token": null, "Profile": null}"#,
        #"{}"#,
        #"{"Profile": {"Email": [{"Type": "Primary", "Value": "a@b.c"}, {"Type": 3}], "Unknown": [1, 2.5, "x"]}}"#,
        #"{"Profile": {"Email": [{"Type": "Primary"}, 7]}, "extra": {"nested": {"deeper": [null, true]}}}"#,
        #"{"Profile": {"Country": {"Code": "FR", "Name": null, "Extra": 1}, "Addresses": "nope"}}"#,
        #"{"Profile": {"CustomFields": {"a": 1, "b": "two", "c": null, "d": [true]}, "Roles": ["x", null]}}"#,
        #"{"Profile": {"FollowersCount": 12, "FriendsCount": 12.5, "NoOfLogins": -3, "Age": 30}}"#,
        #"{"Profile": {"IsPasswordBreached": "false", "EmailVerified": true, "Uid": 42}}"#,
        #"{"Profile": {"WebProfiles": {"Small": "s", "Large": 1}, "Identities": [{"Provider": "x"}]}}"#,
        #"{"expires_in": "2017-08-17T10:52:36.1644137Z", "session_expires_in": false, "Profile": []}"#,
    ]

    @Test("AccessToken<Identity>: both paths agree", arguments: replies)
    func accessToken(text: String) throws {
        let (viaDecoder, viaTree) = try both(AccessToken<Identity>.self, text)
        #expect(viaDecoder == viaTree)
    }

    @Test("AccessToken<JSONValue>: both paths agree", arguments: replies)
    func accessTokenJSONValue(text: String) throws {
        let (viaDecoder, viaTree) = try both(AccessToken<JSONValue>.self, text)
        #expect(viaDecoder == viaTree)
    }

    @Test("PostResponseWithData<AccessToken<Identity>>: both paths agree")
    func registration() throws {
        let (viaDecoder, viaTree) = try both(
            PostResponseWithData<AccessToken<Identity>>.self, ModelFixtures.registration)
        #expect(viaDecoder == viaTree)
        #expect(viaTree.isPosted == true)
        #expect(viaTree.data?.accessToken != nil)
        let wrong = try both(PostResponseWithData<AccessToken<Identity>>.self, #"{"IsPosted": 1, "Data": [1]}"#)
        #expect(wrong.0 == wrong.1)
        #expect(wrong.1.additionalFields == ["IsPosted": 1, "Data": [1]])
    }

    @Test("the fast path keeps wrong-typed members raw, like the Decoder path")
    func leniency() throws {
        let reply = try AccessToken<Identity>(jsonValue: try JSONValue(parsing: Data(ModelFixtures.login.utf8)))
        let profile = try #require(reply.profile)
        #expect(profile.isProtected == nil)
        #expect(profile.additionalFields["IsProtected"] == "false")
        #expect(Set(profile.additionalFields.keys) == ["IsProtected", "PreviousUids", "UnverifiedEmail", "phoneId"])
        #expect(reply.additionalFields == ["Region": ["Name": "us-east", "Failover": false]])
        #expect(profile.email == [EmailAddress(type: "Primary", value: "NorthOfKing@Westeros0.com")])
    }

    @Test("a value that is not an object is a JSONValueMismatch, naming what was found")
    func notAnObject() throws {
        #expect(throws: JSONValueMismatch.self) { try Identity(jsonValue: [1, 2]) }
        do {
            _ = try AccessToken<Identity>(jsonValue: "text")
            Issue.record("expected a mismatch")
        } catch {
            #expect(error.found == "a string")
            #expect(error.description.hasPrefix("expected AccessToken<Identity>"))
        }
    }

    @Test("leaf types follow JSONDecoder: exact integers, any number as Double, no conversions")
    func leaves() throws {
        #expect(try Int(jsonValue: .double(3)) == 3)
        #expect(throws: JSONValueMismatch.self) { try Int(jsonValue: .double(3.5)) }
        #expect(throws: JSONValueMismatch.self) { try Int(jsonValue: "3") }
        #expect(try Double(jsonValue: .int(2)) == 2)
        #expect(throws: JSONValueMismatch.self) { try Bool(jsonValue: .int(1)) }
        #expect(throws: JSONValueMismatch.self) { try String(jsonValue: .null) }
        #expect(try [String](jsonValue: ["a", "b"]) == ["a", "b"])
        #expect(throws: JSONValueMismatch.self) { try [String](jsonValue: ["a", 1]) }
        #expect(try [String: Bool](jsonValue: ["a": true]) == ["a": true])
        #expect(try LoginRadiusDate(jsonValue: "2020-01-01T00:00:00Z").rawValue == "2020-01-01T00:00:00Z")
    }
}
