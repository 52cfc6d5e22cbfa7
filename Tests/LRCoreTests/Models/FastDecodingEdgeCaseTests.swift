import Foundation
import LRCore
import Testing

/// The fast decoding path against the `JSONDecoder` path: numbers, top-level shapes, and what a
/// caller of `LoginRadiusClient.perform` sees for odd replies on both paths. (Random replies for
/// every generated model are in LRModelTests.)
@Suite("Fast decoding: parity across models, shapes and client errors")
struct FastDecodingEdgeCaseTests {
    // MARK: Numbers

    @Test(
        "Int members: every number form decodes to the same Int (or the same refusal) on both paths",
        arguments: [
            "1", "-0", "0", "1e2", "1E2", "100e-2", "1.0", "1.5", "-0.0", "0.1e1", "1e-400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "9.3e18", "-9.3e18", "-9223372036854775808.0", "-9.223372036854775808e18", "-9223372036854775810",
            "true", "\"3\"",
        ])
    func intMembers(number: String) {
        // `NoOfLogins` is an Int; a refused number ends up raw in additionalFields. Was a bug:
        // -9223372036854775809 (out of range) became Int.min on the fast path, because the parser
        // rounds it to the double -2^63, which is exactly Int.min; JSONDecoder refuses it.
        let text = #"{"NoOfLogins": \#(number)}"#
        let viaDecoder = try? JSONCoding.decode(Identity.self, from: Data(text.utf8))
        let viaTree = try? Identity(jsonValue: JSONValue(parsing: Data(text.utf8)))
        #expect(viaDecoder?.noOfLogins == viaTree?.noOfLogins, "\(text)")
        #expect((viaDecoder == nil) == (viaTree == nil), "\(text)")
    }

    @Test("Bool members: 0, 1 and \"true\" are not booleans on either path")
    func boolMembers() throws {
        for member in ["0", "1", #""true""#, "null"] {
            let data = Data(#"{"EmailVerified": \#(member)}"#.utf8)
            let viaTree = try Identity(jsonValue: JSONValue(parsing: data))
            #expect(viaTree.emailVerified == nil)
            #expect(try JSONCoding.decode(Identity.self, from: data) == viaTree)
        }
    }

    /// `JSONValue`'s `Decodable` conformance (the JSONDecoder path) reads every whole number that
    /// fits in Int64 as `.int` (`1.0`, `1e2`, `-0.0`, `100e-2`); the parser does the same, so untyped
    /// members (`additionalFields`, `CustomFields`, `AccessToken<JSONValue>.profile`) agree.
    /// (`1e-400`, which underflows to zero, is the one spelling where they still differ: `.int(0)`
    /// through JSONDecoder, `.double(0)` from the parser.)
    @Test(
        "untyped members: integral numbers with a fraction or exponent are the same JSONValue on both paths",
        arguments: ["1.0", "1e2", "-0.0", "100e-2", "5.0", "1e18", "2.50e1"])
    func integralDoublesInUntypedMembers(number: String) throws {
        let data = Data(#"{"Unknown": \#(number), "CustomFields": {"score": \#(number)}}"#.utf8)
        let viaDecoder = try JSONCoding.decode(Identity.self, from: data)
        let viaTree = try Identity(jsonValue: JSONValue(parsing: data))
        #expect(viaDecoder.additionalFields == viaTree.additionalFields)
        #expect(viaDecoder.customFields == viaTree.customFields)
        #expect(viaDecoder == viaTree)
        #expect(viaTree.additionalFields["Unknown"]?.intValue != nil)
    }

    /// An Int member written with a fraction beyond 2^53 is read exactly on both paths.
    @Test("Int members: 9007199254740993.0 is read exactly on both paths")
    func largeIntegralDecimal() throws {
        for (text, exact) in [
            ("9007199254740993.0", 9_007_199_254_740_993), ("123456789012345678.0", 123_456_789_012_345_678),
        ] {
            let data = Data(#"{"NoOfLogins": \#(text)}"#.utf8)
            #expect(try JSONCoding.decode(Identity.self, from: data).noOfLogins == exact)
            let viaTree = try Identity(jsonValue: JSONValue(parsing: data))
            #expect(viaTree.noOfLogins == exact)
        }
    }

    // MARK: Top-level shapes

    /// What `ResponseValidation.decode` (through `perform`) gives for `body` as `T`.
    static func perform<T: Decodable & Sendable>(_ type: T.Type, _ body: Data, status: Int = 200) async throws -> T {
        var configuration = try TestCredentials.configuration()
        configuration.retry = .disabled
        let reply = LoginRadiusResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
        let client = try LoginRadiusClient(
            configuration: configuration, transport: ScriptedTransport([.success(reply)]))
        var call = APICall(ResponseErrorTests.operation)
        try call.accessToken("token")
        return try await client.perform(call, as: type)
    }

    /// A `Codable` profile that is not `JSONValueDecodable`: `AccessToken<CustomProfile>` takes the
    /// JSONDecoder path.
    struct CustomProfile: Codable, Sendable, Equatable {
        var uid: String?

        enum CodingKeys: String, CodingKey {
            case uid = "Uid"
        }
    }

    @Test("an array of models decodes on the fast path; a bad element fails the whole reply")
    func arrayOfModels() async throws {
        let questions = try await Self.perform(
            [SecurityQuestion].self, Data(#"[{"QuestionId":"a","Question":"Pet?","New":1}, {}]"#.utf8))
        #expect(
            questions == [SecurityQuestion(questionID: "a", question: "Pet?", additionalFields: ["New": 1]), .init()])
        for body in [#"[{"QuestionId":"a"}, null]"#, #"[1]"#, "null", "{}", #"{"Data": []}"#] {
            await #expect(throws: LoginRadiusError.self, "\(body)") {
                _ = try await Self.perform([SecurityQuestion].self, Data(body.utf8))
            }
            #expect((try? JSONCoding.decode([SecurityQuestion].self, from: Data(body.utf8))) == nil, "\(body)")
        }
    }

    @Test("null, empty, whitespace-only and BOM-prefixed bodies: the same outcome on both paths")
    func oddBodies() async throws {
        // `null` is a JSONValue; it is no model and no token, on either path.
        #expect(try await Self.perform(JSONValue.self, Data("null".utf8)) == .null)
        for body in ["null", "", " \n\t ", "\u{FEFF}", "[]", "\"text\""] {
            for outcome in [
                await Self.decodingFailure(AccessToken<Identity>.self, Data(body.utf8)),
                await Self.decodingFailure(AccessToken<CustomProfile>.self, Data(body.utf8)),
            ] {
                #expect(outcome != nil, "\(body.debugDescription) must be a decoding failure")
            }
        }
        for body in ["", " \n\t ", "\u{FEFF}"] {
            #expect(await Self.decodingFailure(JSONValue.self, Data(body.utf8)) != nil, "\(body.debugDescription)")
        }
        // A byte order mark before the value is skipped by both paths.
        let bom = Data("\u{FEFF}{\"access_token\":\"t\",\"Profile\":{\"Uid\":\"u\"}}".utf8)
        #expect(try await Self.perform(AccessToken<Identity>.self, bom).profile?.uid == "u")
        #expect(try await Self.perform(AccessToken<CustomProfile>.self, bom).profile?.uid == "u")
        #expect(try await Self.perform(JSONValue.self, bom)["access_token"] == "t")
    }

    static func decodingFailure<T: Decodable & Sendable>(_ type: T.Type, _ body: Data) async -> DecodingFailure? {
        do {
            _ = try await perform(type, body)
            return nil
        } catch let caught as LoginRadiusError where caught.decoding != nil {
            let failure = caught.decoding!
            return failure
        } catch {
            return nil
        }
    }

    @Test("malformed replies: .decoding naming the type and showing the body, on both paths")
    func malformedReplies() async throws {
        let bodies = [
            #"{"access_token": "#, #"{"access_token": "t",}"#, "{\"a\":1}\u{0}", #"{"a":1} {"b":2}"#,
            #"{"a": NaN}"#,
        ]
        for body in bodies {
            let fast = await Self.decodingFailure(AccessToken<Identity>.self, Data(body.utf8))
            let slow = await Self.decodingFailure(AccessToken<CustomProfile>.self, Data(body.utf8))
            #expect(fast?.type == "AccessToken<Identity>", "\(body.debugDescription)")
            #expect(fast?.reason.isEmpty == false, "\(body.debugDescription)")
            #expect(fast?.bodySnippet == JSONCoding.snippet(Data(body.utf8)), "\(body.debugDescription)")
            // The JSONDecoder path lets a trailing comma and a NUL after the value through; every
            // other text here fails there too.
            if body != #"{"access_token": "t",}"# && body != "{\"a\":1}\u{0}" {
                #expect(slow?.type == "AccessToken<CustomProfile>", "\(body.debugDescription)")
            }
        }
        // Invalid UTF-8: refused on both paths rather than decoded with U+FFFD.
        var invalid = Data(#"{"access_token": "ab"#.utf8)
        invalid.append(contentsOf: [0xFF, 0x22, 0x7D])
        #expect(await Self.decodingFailure(AccessToken<Identity>.self, invalid) != nil)
        #expect(await Self.decodingFailure(AccessToken<CustomProfile>.self, invalid) != nil)
    }

    /// A member JSONDecoder cannot read (a number beyond Double, a lone surrogate escape, a raw
    /// control character in a string) makes the whole reply fail with `.decoding`, whichever path
    /// decodes it: `init(from:)` reads the value as a `JSONValue` first and builds the model with
    /// the same code as the fast path, so the two cannot disagree. The first two are grammatical
    /// RFC 8259 JSON that the strict parser refuses.
    @Test(
        "a member JSONDecoder cannot read: the whole reply is refused on both paths",
        arguments: ["1e400", #""\ud800""#, "\"\u{1}\"", "-1e400"])
    func unreadableMember(member: String) async throws {
        let body = Data(#"{"access_token": "t", "Profile": {"Uid": "u", "About": \#(member)}}"#.utf8)
        let slow = await Self.decodingFailure(AccessToken<CustomProfile>.self, body)
        #expect(slow?.type == "AccessToken<CustomProfile>")
        #expect(throws: DecodingError.self) { try JSONCoding.decode(AccessToken<Identity>.self, from: body) }
        let fast = await Self.decodingFailure(AccessToken<Identity>.self, body)
        #expect(fast?.type == "AccessToken<Identity>")
        #expect(fast?.reason.hasPrefix("malformed JSON") == true, "\(fast?.reason ?? "")")
    }

    // MARK: Error bodies

    @Test("a 2xx body with a top-level ErrorCode is .api on both paths, a nested or quoted one is not")
    func errorCodeIn2xx() async throws {
        for type in [AccessToken<Identity>.self, AccessToken<CustomProfile>.self] as [any (Decodable & Sendable).Type] {
            do {
                _ = try await Self.perform(type, Data(#"{"ErrorCode": 938, "Description": "bad"}"#.utf8))
                Issue.record("expected .api for \(type)")
            } catch let caught as LoginRadiusError where caught.api != nil {
                let error = caught.api!
                #expect(error.errorCode == 938)
                #expect(error.httpStatus == 200)
            }
        }
        let nested = try await Self.perform(
            AccessToken<Identity>.self,
            Data(#"{"access_token": "\"ErrorCode\": 1", "Profile": {"ErrorCode": 2}, "x": "ErrorCode"}"#.utf8))
        #expect(nested.accessToken == #""ErrorCode": 1"#)
        #expect(nested.profile?.additionalFields["ErrorCode"] == 2)
    }

    /// Bug (fixed in ResponseValidation.apiError): an error body that starts with a UTF-8 byte
    /// order mark was not recognised, because the check for `{` looked at the mark's first byte.
    /// A 4xx became `.http` instead of `.api`; a 2xx error body decoded as an empty model.
    @Test("an error body with a byte order mark is still .api", arguments: [401, 200])
    func errorBodyWithByteOrderMark(status: Int) async throws {
        let body = Data("\u{FEFF}{\"ErrorCode\":905,\"Description\":\"bad key\",\"Message\":\"m\"}".utf8)
        do {
            let value = try await Self.perform(AccessToken<Identity>.self, body, status: status)
            Issue.record("expected .api, got \(value)")
        } catch let caught as LoginRadiusError where caught.api != nil {
            let error = caught.api!
            #expect(error.errorCode == 905)
            #expect(error.errorDescription == "bad key")
            #expect(error.httpStatus == status)
        }
    }
}
