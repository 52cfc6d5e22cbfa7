import Foundation
import LRCore
import Testing

/// The direct path (a model reading its members straight from the reply's bytes, no tree) must
/// give exactly what the tree path (`JSONValue(parsing:)` + `init(jsonValue:)`) gives: the same
/// value, or the same `JSONSyntaxError`, or a mismatch at the top (after which the SDK falls
/// back to the tree path and reports what it always has).
@Suite("Direct decoding: the same results as the tree")
struct DirectDecodingTests {
    /// `nil` when both paths agree on `text`, else what differs.
    static func difference<T: JSONReadable & Equatable>(_ type: T.Type, _ text: String) -> String? {
        difference(type, Data(text.utf8))
    }

    /// `nil` when both paths agree on `data`, else what differs.
    static func difference<T: JSONReadable & Equatable>(_ type: T.Type, _ data: Data) -> String? {
        let tree = Result { () throws -> T in try T(jsonValue: try JSONValue(parsing: data)) }
        let direct = data.withUnsafeBytes { bytes in
            Result { () throws(JSONReadError) -> T in try T.read(json: bytes) }
        }
        switch (direct, tree) {
        case (.success(let read), .success(let built)):
            return read == built ? nil : "direct: \(read)\ntree:   \(built)"
        case (.failure(.syntax(let error)), .failure(let treeError)):
            return (treeError as? JSONSyntaxError) == error ? nil : "direct: \(error)\ntree:   \(treeError)"
        case (.failure(.mismatch), .failure):
            return nil
        default:
            return "direct: \(direct)\ntree:   \(tree)"
        }
    }

    /// The reply the benchmark's server sends for a login.
    static let cannedLogin = #"""
        {"Profile":{"Uid":"5a8c9a6f4b2e4d1c9f0e7b3a2d1c0b9a","ID":"e1b2c3d4a5f6478990aabbccddeeff00","Provider":"Email",\#
        "RegistrationProvider":"Email","RegistrationSource":"https://app.example.com/signup","FirstName":"Ada",\#
        "MiddleName":null,"LastName":"Lovelace","FullName":"Ada Lovelace","NickName":null,"Gender":"F",\#
        "BirthDate":"12-10-1815","Email":[{"Type":"Primary","Value":"ada@example.com"}],"EmailVerified":true,\#
        "IsEmailSubscribed":false,"PhoneId":"+14155550123","PhoneIdVerified":false,\#
        "Country":{"Code":"GB","Name":"United Kingdom"},"City":"London","LocalLanguage":"en-GB",\#
        "TimeZone":"Europe/London","Company":"Analytical Engines Ltd","ImageUrl":null,\#
        "CustomFields":{"plan":"pro","newsletter":"weekly"},"Roles":["customer","beta"],\#
        "CreatedDate":"2024-03-01T09:30:12.512Z","ModifiedDate":"2024-05-01T10:52:36.164Z",\#
        "LastLoginDate":"2024-05-01T10:52:36.164Z","NoOfLogins":42,"IsActive":true,"IsDeleted":false,\#
        "IsLoginLocked":false,"Identities":null,"PasswordExpirationDate":null,\#
        "LastPasswordChangeDate":"2024-03-01T09:30:12.512Z","IsSecurePassword":true,"PrivacyPolicy":null},\#
        "access_token":"c3b8130e-9d43-4b5e-8c8e-6a1f2d9e0b7c","refresh_token":"5b8a0b7c-1f2e-4d3c-9a8b-7c6d5e4f3a2b",\#
        "expires_in":"2024-05-01T10:52:36.1644137Z"}
        """#

    @Test("the canned login reply: equal values, every field read")
    func cannedReply() throws {
        #expect(Self.difference(AccessToken<Identity>.self, Self.cannedLogin) == nil)
        #expect(Self.difference(AccessToken<JSONValue>.self, Self.cannedLogin) == nil)
        let token = try Data(Self.cannedLogin.utf8).withUnsafeBytes { bytes throws(JSONReadError) in
            try AccessToken<Identity>.read(json: bytes)
        }
        #expect(token.accessToken == "c3b8130e-9d43-4b5e-8c8e-6a1f2d9e0b7c")
        #expect(token.expiresIn?.rawValue == "2024-05-01T10:52:36.1644137Z")
        let profile = try #require(token.profile)
        #expect(profile.email == [EmailAddress(type: "Primary", value: "ada@example.com")])
        #expect(profile.country == Country(code: "GB", name: "United Kingdom"))
        #expect(profile.customFields == ["plan": "pro", "newsletter": "weekly"])
        #expect(profile.roles == ["customer", "beta"])
        #expect(profile.noOfLogins == 42)
        #expect(profile.middleName == nil && profile.additionalFields.isEmpty && token.additionalFields.isEmpty)
    }

    static let replies: [String] =
        FastDecodingParityTests.replies + [
            ModelFixtures.registration,
            // Duplicates: the first value wins, for declared, mismatching and unknown members.
            #"{"access_token":"a","access_token":"b","x":1,"x":[2],"Profile":{"Uid":"u","Uid":5}}"#,
            #"{"access_token":5,"access_token":"b","Profile":{"Uid":5,"Uid":"u","Email":[],"Email":[1]}}"#,
            #"{"access_token":null,"access_token":"b","x":null,"x":2}"#,
            // Keys written with escapes are the same keys.
            #"{"access\u005ftoken":"a","Pro\u0066ile":{"\u0055id":"u","\u00e9":1}}"#,
            // Mismatches deep in declared values: the whole member kept, untouched.
            #"{"Profile":{"Email":[{"Type":"Primary"},{"Type":[1,{"a":2}]}],"Country":{"Code":{"x":[]}}}}"#,
            #"{"Profile":{"Addresses":[{"Type":"home"},[]],"Positions":[{"Company":{"Name":1}}]}}"#,
            #"{"Profile":{"Email":[{"Type":"Primary"},null]},"Profile2":{"Email":[null]}}"#,
            // Numbers: whole numbers in every spelling, fractions, out of range for Int.
            #"{"Profile":{"NoOfLogins":3.0,"FollowersCount":1e2,"FriendsCount":-0.0,"Age":3.5}}"#,
            #"{"Profile":{"NoOfLogins":9223372036854775808,"FollowersCount":-9223372036854775808}}"#,
            #"{"Profile":{"NoOfLogins":1.5e300,"FriendsCount":0.3e1,"TotalStatusesCount":123456789012345678901}}"#,
            // Whitespace everywhere, strings with escapes and non-ASCII.
            " \n{ \"Profile\" : { \"FirstName\" : \"A\\u00e9\\n\" , \"Roles\" : [ \"x\" , \"y\" ] } ,\r\t\"z\" : [ ] } ",
            // Declared nested shapes that are empty.
            #"{"Profile":{},"x":{},"y":[]}"#, #"{"Profile":{"Email":[],"Country":{},"CustomFields":{}}}"#,
        ]

    @Test("replies of every kind: equal values on both paths", arguments: replies)
    func parity(text: String) {
        #expect(Self.difference(AccessToken<Identity>.self, text) == nil)
        #expect(Self.difference(AccessToken<JSONValue>.self, text) == nil)
        #expect(Self.difference(PostResponseWithData<AccessToken<Identity>>.self, text) == nil)
        #expect(Self.difference(Identity.self, text) == nil)
    }

    @Test("a declared member of the wrong type is kept untouched in additionalFields")
    func mismatchKept() throws {
        let text = #"{"Profile":{"Email":[{"Type":"Primary"},[1, {"a" : 2}]],"Uid":7},"expires_in":false}"#
        let token = try Data(text.utf8).withUnsafeBytes { bytes throws(JSONReadError) in
            try AccessToken<Identity>.read(json: bytes)
        }
        #expect(token.additionalFields == ["expires_in": false])
        #expect(token.profile?.email == nil)
        #expect(
            token.profile?.additionalFields == [
                "Email": [["Type": "Primary"], [1, ["a": 2]]], "Uid": 7,
            ])
    }

    @Test("malformed replies: the same JSONSyntaxError as the parser's")
    func syntaxErrors() {
        let texts = [
            "", " ", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "{\"a\":1,}", "{\"a\" 1}", "{1:2}",
            "{\"Profile\":{\"Email\":[{\"Type\":1},", "{\"Profile\":{\"Email\":[{\"Type\":\"P\"} {}]}}",
            "{\"Profile\":{\"Email\":[,]}}", "{\"Profile\":{\"Email\":[1,]}}", "{\"Profile\":{\"Uid\":nul}}",
            "{\"Profile\":{\"Uid\":tru}}", "{\"Profile\":{\"NoOfLogins\":01}}", "{\"Profile\":{\"NoOfLogins\":1e999}}",
            "{\"Profile\":{\"Uid\":\"\\x\"}}", "{\"Profile\":{\"Uid\":\"a\u{1}\"}}", "{\"Pro\\ufile\":1}",
            "{\"a\":1} x", "{\"a\":1}}", "{\"Profile\":{}]", "{\"Profile\":[}", "\u{FEFF}{\"a\":1}",
            "{\"a\":1}\u{FEFF}",
            "{\"Profile\":{\"Email\":[{\"Type\":\"P\"}]", "{\"Profile\":{\"Email\":[{\"Type\":\"P\"}",
            "{\"Profile\":{\"Email\":[{\"Type\":\"P\"", "{\"Profile\":{\"Country\":{\"Code\":\"GB\"}",
            "{\"Profile\":{\"Country\":{\"Code\" \"GB\"}}}", "{\"Profile\":{\"Country\":{\"Code\":}}}",
            "{\"access_token\":\"t\" \"x\":1}", "{\"x\":[1 2]}", "[1,", "\"text", "nul", "{\"a\":1,\"a\":}",
        ]
        for text in texts {
            #expect(Self.difference(AccessToken<Identity>.self, text) == nil, "\(text.debugDescription)")
            #expect(Self.difference(PostResponseWithData<Identity>.self, text) == nil, "\(text.debugDescription)")
        }
    }

    @Test("the 512-level limit counts the model's own levels and the values' inside them")
    func depthLimit() {
        for depth in [509, 510, 511, 512] {
            let open = String(repeating: "[", count: depth)
            let close = String(repeating: "]", count: depth)
            for text in [
                #"{"x":\#(open)\#(close)}"#, #"{"Profile":{"x":\#(open)\#(close)}}"#,
                #"{"Profile":{"Identities":\#(open)\#(close)}}"#,
                #"{"Profile":{"Email":[{"Type":\#(open)\#(close)}]}}"#,
                #"{"Profile":{"Email":\#(open)\#(close)}}"#, #"{"Profile":{"Email":[{"Type":\#(open)"#,
            ] {
                #expect(Self.difference(AccessToken<Identity>.self, text) == nil, "depth \(depth): \(text.prefix(60))")
            }
        }
    }

    /// Async, and yielding between bytes: thousands of decodes must not hold a cooperative-pool
    /// thread for seconds while the transport suites run their time-bounded tests beside it.
    @Test("every byte deleted, doubled or replaced in a reply: the same outcome on both paths")
    func mutations() async {
        var failures: [String] = []
        let sources = [Self.cannedLogin, ModelFixtures.login]
        let replacements: [UInt8] = Array(#"{}[],:" 0-.e\nx"#.utf8) + [0x80, 0x00]
        for source in sources {
            let bytes = Array(source.utf8)
            for index in bytes.indices {
                await Task.yield()
                var deleted = bytes
                deleted.remove(at: index)
                var doubled = bytes
                doubled.insert(bytes[index], at: index)
                var replaced = bytes
                replaced[index] = replacements[index % replacements.count]
                for variant in [deleted, doubled, replaced, Array(bytes[..<index])] {
                    if let difference = Self.difference(AccessToken<Identity>.self, Data(variant)) {
                        failures.append("\(String(decoding: variant, as: UTF8.self))\n\(difference)")
                    }
                }
            }
        }
        let count = failures.count
        #expect(count == 0, "\(count) differences, first: \(failures.first ?? "")")
    }
}
