import Foundation
import LRAuth
import Testing

/// The public surface issue by issue: the raw call, required members, LoginRadius's names.
@Suite("Raw calls, required members and LoginRadius names")
struct PublicSurfaceTests {
    @Test("callEndpoint sends method, path, query, body and credentials through the pipeline")
    func rawCall() async throws {
        let transport = CannedTransport(body: #"{"IsPosted": true}"#)
        let client = try makeClient(transport)
        let reply: JSONValue = try await client.callEndpoint(
            .post, "/identity/v2/manage/new thing/",
            query: [QueryItem(name: "a", value: "b c"), QueryItem(name: "x", value: " ")],
            body: ["Name": "Ada"], accessToken: "tok", sendsAPISecret: true)
        #expect(reply["IsPosted"] == .bool(true))
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.pathSegments == ["identity", "v2", "manage", "new thing"])
        #expect(request.queryItems.first(named: "apiKey") == "00000000-aaaa-bbbb-cccc-000000000001")
        #expect(request.queryItems.first(named: "a") == "b c")
        #expect(request.queryItems.first(named: "x") == nil, "blank values are left out")
        #expect(request.headers["Authorization"] == "Bearer tok")
        #expect(request.headers["X-LoginRadius-ApiSecret"] == "11111111-dddd-eeee-ffff-000000000002")
        #expect(try JSONValue(parsing: try #require(request.body)) == ["Name": "Ada"])
    }

    @Test("callEndpoint refuses a blank path and maps LoginRadius's error body like any call")
    func rawCallErrors() async throws {
        let client = try makeClient(CannedTransport(status: 400, body: #"{"ErrorCode": 938, "Description": "bad"}"#))
        await #expect(throws: LoginRadiusError.self) { let _: JSONValue = try await client.callEndpoint(.get, " / ") }
        do {
            let _: LoginRadiusResponse = try await client.callEndpoint(.get, "identity/v2/auth/new")
            Issue.record("expected .api")
        } catch let error as LoginRadiusError where error.code == .api {
            #expect(error.errorCode == 938)
        }
    }

    @Test("a request model's required members are checked when it is decoded")
    func requiredMembers() throws {
        let model = try JSONCoding.decode(
            EmailAuthenticationModel.self, from: Data(#"{"email": "a@b.c", "password": "p", "New": 1}"#.utf8))
        #expect(model == EmailAuthenticationModel(email: "a@b.c", password: "p", additionalFields: ["New": 1]))
        #expect(throws: DecodingError.self) {
            try JSONCoding.decode(EmailAuthenticationModel.self, from: Data(#"{"email": "a@b.c"}"#.utf8))
        }
        #expect(throws: JSONValueMismatch.self) {
            try EmailAuthenticationModel(jsonValue: ["email": "a@b.c", "password": 3])
        }
    }

    @Test("every descriptor carries LoginRadius's name next to the Swift one")
    func loginRadiusNames() {
        #expect(AuthenticationAPI.Operations.loginByEmail.loginRadiusName == "login_by_email")
        #expect(AuthenticationAPI.Operations.invalidateAccessToken.loginRadiusName == "auth_in_validate_access_token")
        #expect(AuthenticationAPI.Operations.invalidateAccessToken.name == "invalidateAccessToken")
        #expect(
            Set(AuthenticationAPI.Operations.all.map(\.loginRadiusName)).count == AuthenticationAPI.Operations.all.count
        )
    }
}
