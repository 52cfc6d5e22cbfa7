import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

@Suite("API key, API secret and access token checks")
struct GuardTests {
    @Test func apiKeyIsRequiredAndChecked() async throws {
        try await EmulatorHarness.run { lr in
            let missing = try await lr.request("GET", "identity/v2/auth/email?email=a@example.com", apiKey: nil)
            #expect(missing.status == 400)
            #expect(missing.errorCode == 922)
            let unknown = try await lr.request(
                "GET", "identity/v2/auth/email?email=a@example.com", apiKey: "99999999-0000-0000-0000-000000000000")
            #expect(unknown.status == 400)
            #expect(unknown.errorCode == 920)
            #expect(unknown["Message"] as? String == "API key is invalid")
            #expect(unknown["Description"] is String)
            #expect(unknown["ProviderErrorResponse"] is NSNull)
            // The parameter name is case-insensitive (`apiKey`, `apikey`, `APIKEY`).
            let camel = try await lr.request(
                "GET", "identity/v2/auth/email?email=a@example.com&apiKey=" + EmulatorHarness.apiKey, apiKey: nil)
            #expect(camel.status == 200)
        }
    }

    @Test func manageNeedsTheSecretOrASignature() async throws {
        try await EmulatorHarness.run { lr in
            let missing = try await lr.request("GET", "identity/v2/manage/account/sott")
            #expect(missing.status == 400)
            #expect(missing.errorCode == 923)
            let wrong = try await lr.request(
                "GET", "identity/v2/manage/account/sott", headers: ["X-LoginRadius-ApiSecret": "wrong"])
            #expect(wrong.status == 401)
            #expect(wrong.errorCode == 902)
            let good = try await lr.manage("GET", "identity/v2/manage/account/sott?timeDifference=20")
            #expect(good.status == 200)
            let sott = try #require(good["Sott"] as? String)
            #expect(good["ExpiryTime"] is String)
            // The generated SOTT registers.
            let registered = try await lr.request(
                "POST", "identity/v2/auth/register", headers: ["X-LoginRadius-Sott": sott],
                body: #"{"Email":[{"Type":"Primary","Value":"s@example.com"}],"Password":"secret123"}"#)
            #expect(registered["IsPosted"] as? Bool == true)
        }
    }

    @Test func signedManageRequests() async throws {
        try await EmulatorHarness.run { lr in
            let verifier = RequestSignatureVerifier(apiSecret: EmulatorHarness.apiSecret)
            let expiry = LoginRadiusDates.requestExpiry(Date().addingTimeInterval(3600))
            let url = lr.baseURL + "identity/v2/manage/account/sott?apikey=" + EmulatorHarness.apiKey
            let digest = verifier.sign(RequestSignatureVerifier.signingString(expiry: expiry, url: url, body: "{}"))
            let signed = try await lr.request(
                "GET", "identity/v2/manage/account/sott",
                headers: ["X-Request-Expires": expiry, "digest": "SHA-256=" + digest])
            #expect(signed.status == 200)
            #expect(signed["Sott"] is String)
            let tampered = try await lr.request(
                "GET", "identity/v2/manage/account/sott",
                headers: ["X-Request-Expires": expiry, "digest": "SHA-256=" + String(digest.reversed())])
            #expect(tampered.status == 403)
            #expect(tampered.errorCode == 1208)
            let expired = try await lr.request(
                "GET", "identity/v2/manage/account/sott",
                headers: ["X-Request-Expires": "2020-01-01 00:00:00", "digest": "SHA-256=" + digest])
            #expect(expired.errorCode == 1212)
        }
    }

    @Test func accessTokenChecks() async throws {
        try await EmulatorHarness.run { lr in
            let none = try await lr.request("GET", "identity/v2/auth/account")
            #expect(none.status == 400)
            #expect(none.errorCode == 1060)
            let bogus = try await lr.request("GET", "identity/v2/auth/account", token: "not-a-token")
            #expect(bogus.status == 403)
            #expect(bogus.errorCode == 905)
            // `access_token` as a query parameter works like the header.
            let token = try await lr.verifiedAccessToken(email: "q@example.com")
            let byQuery = try await lr.request("GET", "identity/v2/auth/account?access_token=" + token)
            #expect(byQuery["Uid"] is String)
            let info = try await lr.request("GET", "identity/v2/auth/access_token", token: token)
            #expect(info["access_token"] as? String == token)
            #expect(info["provider"] as? String == "Email")
        }
    }

    @Test func expiredTokensAre906AndRefreshWorks() async throws {
        let offset = LockedValue<TimeInterval>(0)
        let configure: (inout EmulatorConfiguration) -> Void = { configuration in
            configuration.now = { Date().addingTimeInterval(offset.get()) }
            configuration.accessTokenLifetime = .seconds(60)
        }
        try await EmulatorHarness.run(emulator: configure) { lr in
            let login = try await lr.request("POST", "identity/v2/auth/login", body: "{}")
            #expect(login.errorCode == 1141)
            let token = try await lr.verifiedAccessToken(email: "exp@example.com")
            let loginResult = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"exp@example.com","password":"secret123"}"#)
            let refreshToken = try #require(loginResult["refresh_token"] as? String)
            offset.set(120)
            let expired = try await lr.request("GET", "identity/v2/auth/access_token/validate", token: token)
            #expect(expired.status == 403)
            #expect(expired.errorCode == 906)

            // Python SDK spelling of the parameter: refresh_Token.
            let refreshed = try await lr.manage(
                "GET", "identity/v2/manage/account/access_token/refresh?refresh_Token=" + refreshToken)
            #expect(refreshed.status == 200)
            let newToken = try #require(refreshed["access_token"] as? String)
            #expect(newToken != token)
            #expect(refreshed["refresh_token"] as? String == refreshToken)
            let valid = try await lr.request("GET", "identity/v2/auth/access_token/validate", token: newToken)
            #expect(valid.status == 200)

            // preventRefresh=True (Python spelling) revokes the refresh token as well.
            _ = try await lr.request(
                "GET", "identity/v2/auth/access_token/invalidate?preventRefresh=True", token: newToken)
            let revoked = try await lr.manage(
                "GET", "identity/v2/manage/account/access_token/refresh?refresh_token=" + refreshToken)
            #expect(revoked.errorCode == 1217)
        }
    }

    @Test func unknownEndpointsAndMethods() async throws {
        try await EmulatorHarness.run { lr in
            let notFound = try await lr.request("GET", "identity/v2/auth/nothing-here")
            #expect(notFound.status == 404)
            #expect(notFound.errorCode == 404)
            let wrongMethod = try await lr.request("PATCH", "identity/v2/auth/login")
            #expect(wrongMethod.status == 405)
            // Paths are case-insensitive, as LoginRadius's own docs write `access_token/InValidate`.
            let token = try await lr.verifiedAccessToken(email: "case@example.com")
            let mixed = try await lr.request("GET", "identity/v2/auth/access_token/InValidate", token: token)
            #expect(mixed["IsPosted"] as? Bool == true)
        }
    }
}
