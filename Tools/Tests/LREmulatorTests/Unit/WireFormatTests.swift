import Foundation
import Testing

@testable import LREmulator

@Suite("Wire format")
struct WireFormatTests {
    @Test func queryNamesAreCaseInsensitiveAndPlusIsLiteral() {
        let query = QueryParameters(rawQuery: "apiKey=K&email=a+b@x.com&refresh_Token=R&preventRefresh=True&empty=")
        #expect(query["apikey"] == "K")
        #expect(query["EMAIL"] == "a+b@x.com")
        #expect(query["refresh_token"] == "R")
        #expect(query.bool("preventrefresh") == true)
        #expect(query["empty"] == nil)
        #expect(query.contains("empty"))
        #expect(QueryParameters(rawQuery: "email=a%2Bb%40x.com")["email"] == "a+b@x.com")
        #expect(QueryParameters(rawQuery: "email=a b@x.com").email("email") == "a+b@x.com")
    }

    @Test func booleansAcceptPythonSpelling() {
        #expect(LenientBool.parse("True") == true)
        #expect(LenientBool.parse("FALSE") == false)
        #expect(LenientBool.parse("maybe") == nil)
        #expect(JSON.string("False").lenientBool == false)
    }

    @Test func jsonRoundTripsAndKeepsOrder() throws {
        let parsed = try #require(JSON.parse(Data(#"{"b": [1, 2.5, true, null], "a": {"x": "y\n\"z\""}}"#.utf8)))
        let object = try #require(parsed.objectValue)
        #expect(object[caseInsensitive: "B"] == .array([.int(1), .double(2.5), .bool(true), .null]))
        let ordered = JSON.object(JSONObject([("z", .int(1)), ("a", .string("é\u{01}"))]))
        #expect(ordered.serialized == #"{"z":1,"a":"é\u0001"}"#)
        #expect(JSON.parse(Data("not json".utf8)) == nil)
    }

    @Test func bodyParsingAcceptsEmptyAndRejectsGarbageWithTheMethodsCode() throws {
        func request(_ method: String, _ body: String) -> EmulatorRequest {
            EmulatorRequest(method: method, target: "/x", host: nil, headers: [], body: Data(body.utf8))
        }
        #expect(try request("GET", "").jsonBody().isEmpty)
        #expect(try request("DELETE", "{}").jsonBody().isEmpty)
        #expect(throws: LoginRadiusAPIError(.postBodyInvalid)) { try request("POST", "{oops").jsonBody() }
        #expect(throws: LoginRadiusAPIError(.putBodyInvalid)) { try request("PUT", "[1]").jsonBody() }
        #expect(throws: LoginRadiusAPIError(.deleteBodyInvalid)) { try request("DELETE", "x").jsonBody() }
    }

    @Test func datesUseLoginRadiusFormats() throws {
        let date = Date(timeIntervalSince1970: 1_767_261_600.25) // 2026-01-01 10:00:00.250 UTC
        #expect(LoginRadiusDates.iso8601(date) == "2026-01-01T10:00:00.250Z")
        #expect(LoginRadiusDates.sottTime(date) == "2026/01/01 10:00:00")
        #expect(LoginRadiusDates.requestExpiry(date) == "2026-01-01 10:00:00")
        #expect(LoginRadiusDates.parseSOTTTime("2026/01/01 10:00:00") == Date(timeIntervalSince1970: 1_767_261_600))
        // The Python SDK README's dash form is a SOTT time too (WireLeniencyTests).
        #expect(LoginRadiusDates.parseSOTTTime("2026-01-01 10:00:00") == Date(timeIntervalSince1970: 1_767_261_600))
        #expect(LoginRadiusDates.parseSOTTTime("2026.01.01 10:00:00") == nil)
        #expect(LoginRadiusDates.parseRequestExpiry("2026-01-01 24:00:00") == nil)
    }

    @Test func errorBodiesHaveLoginRadiusShape() {
        let body = LoginRadiusAPIError(.accessTokenInvalid).body.serialized
        #expect(
            body
                == #"{"Description":"The LoginRadius access token is invalid, please use the correct or valid access token in order to process this request.","ErrorCode":905,"Message":"Access token is invalid","IsProviderError":false,"ProviderErrorResponse":null}"#
        )
    }

    @Test func routesMatchCaseInsensitivelyAndPreferLiterals() {
        let table = RouteTable([
            Route("GET", "identity/v2/manage/account/{uid}") { _, _, _ in .ok(("route", .string("uid"))) },
            Route("GET", "identity/v2/manage/account/sott") { _, _, _ in .ok(("route", .string("sott"))) },
        ])
        func match(_ method: String, _ path: String) -> String {
            switch table.match(EmulatorRequest(method: method, target: path, host: nil, headers: [], body: Data())) {
            case .found(let route, let parameters):
                return route.pattern.last == "sott" ? "sott" : "uid:" + (parameters["uid"] ?? "")
            case .methodNotAllowed: return "405"
            case .notFound: return "404"
            }
        }
        #expect(match("GET", "/identity/v2/manage/account/SOTT") == "sott")
        // A trailing or doubled `/` is part of the path: LoginRadius's docs never say it is ignored.
        #expect(match("GET", "/identity/v2/manage/account/SOTT/") == "404")
        #expect(match("GET", "/identity/v2/manage/account/AbC/") == "404")
        #expect(match("GET", "/identity/v2/manage//account/AbC") == "404")
        #expect(match("GET", "/identity/v2/manage/account/AbC") == "uid:AbC")
        #expect(match("POST", "/identity/v2/manage/account/AbC") == "405")
        #expect(match("GET", "/identity/v2/nothing") == "404")
    }
}
