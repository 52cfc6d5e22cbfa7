import Foundation
import LRAuth
import Testing

@Suite("Authentication API through a capture transport")
struct AuthenticationAPITests {
    @Test("loginByEmail sends the model as the body and decodes the typed reply, keeping unknown fields")
    func loginByEmail() async throws {
        let transport = CannedTransport(body: loginReply)
        let client = try makeClient(transport)
        let login = try await client.authentication.loginByEmail(
            EmailAuthenticationModel(email: "ada+1@example.com", password: "p&ss w+rd"),
            fields: "FirstName,Email")

        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.pathSegments == ["identity", "v2", "auth", "login"])
        #expect(request.queryItems.first(named: "fields") == "FirstName,Email")
        #expect(request.headers["Authorization"] == nil)
        let body = try JSONDecoder().decode([String: String].self, from: try #require(request.body))
        #expect(body == ["email": "ada+1@example.com", "password": "p&ss w+rd"])

        #expect(login.accessToken == "c3b9e8a1-0000-4f5e-9c1d-6a2f4e1b7d10")
        #expect(login.refreshToken == "r-7f3a")
        #expect(login.expiresIn?.date != nil)
        #expect(login.additionalFields["NewTopLevelField"]?["nested"]?[1] == .int(2))
        let profile = try #require(login.profile)
        #expect(profile.uid == "9f1c6e0e5d0a4a4b8c4f1d2e3f4a5b6c")
        #expect(profile.email == [EmailAddress(type: "Primary", value: "ada@example.com")])
        #expect(profile.emailVerified == true)
        #expect(profile.noOfLogins == 3)
        #expect(profile.customFields?["plan"] == "pro")
        #expect(profile.additionalFields["FavoriteColor"] == "teal")
    }

    @Test("getProfileByAccessToken sends the token as a bearer header, never in the URL")
    func bearerToken() async throws {
        let transport = CannedTransport(body: #"{"Uid": "u1", "FirstName": "Ada"}"#)
        let client = try makeClient(transport)
        let profile = try await client.authentication.getProfileByAccessToken(accessToken: "tok-123")
        let request = try #require(transport.requests.first)
        #expect(request.headers["Authorization"] == "Bearer tok-123")
        #expect(!request.url.contains("tok-123"))
        #expect(request.body == nil)
        #expect(profile.firstName == "Ada")
    }

    @Test(
        "a blank required parameter is refused with its Swift name and nothing is sent", arguments: ["", "   ", "\t"])
    func blankRequired(value: String) async throws {
        let transport = CannedTransport(body: "{}")
        let client = try makeClient(transport)
        await #expect(throws: LoginRadiusError.invalidArgument(.init(parameter: "email", reason: "is blank"))) {
            _ = try await client.authentication.checkEmailAvailability(email: value)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("registration sends the SOTT header and the default isVoiceOtp=false")
    func registration() async throws {
        let transport = CannedTransport(body: #"{"IsPosted": true, "Data": null}"#)
        let client = try makeClient(transport)
        let reply = try await client.authentication.userRegistrationByEmail(
            AuthUserRegistrationModel(
                email: [EmailAddress(type: "Primary", value: "ada@example.com")], password: "secret"),
            sott: "sott-value")
        let request = try #require(transport.requests.first)
        #expect(request.headers["X-LoginRadius-Sott"] == "sott-value")
        #expect(request.queryItems.first(named: "isVoiceOtp") == "false")
        #expect(reply.isPosted == true)
        #expect(reply.data == nil)
    }

    @Test("an unexpected type for a declared field is kept, not fatal")
    func lenientDecoding() async throws {
        let transport = CannedTransport(body: #"{"Uid": "u1", "NoOfLogins": "many", "EmailVerified": "yes"}"#)
        let client = try makeClient(transport)
        let profile = try await client.authentication.getProfileByAccessToken(accessToken: "t")
        #expect(profile.uid == "u1")
        #expect(profile.noOfLogins == nil)
        #expect(profile.additionalFields["NoOfLogins"] == "many")
        #expect(profile.additionalFields["EmailVerified"] == "yes")
    }

    @Test("every Authentication operation is declared with a LoginRadius docs URL")
    func descriptors() {
        #expect(AuthenticationAPI.Operations.all.count == 40)
        #expect(
            AuthenticationAPI.Operations.all.allSatisfy { $0.documentation.hasPrefix("https://www.loginradius.com/") })
        #expect(Set(AuthenticationAPI.Operations.all.map(\.name)).count == 40)
    }
}
