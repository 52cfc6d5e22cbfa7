import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Management-side endpoints over raw HTTP: wire details")
struct ManagementFlowTests {
    @Test func accountCreateValidatesLikeRegistration() async throws {
        try await EmulatorHarness.run { lr in
            let noEmail = try await lr.manage("POST", "identity/v2/manage/account", body: #"{"Password":"secret123"}"#)
            #expect(noEmail.errorCode == 1134)
            let noPassword = try await lr.manage(
                "POST", "identity/v2/manage/account", body: #"{"Email":[{"Type":"Primary","Value":"np@example.com"}]}"#)
            #expect(noPassword.errorCode == 1134)
            let created = try await lr.manage(
                "POST", "identity/v2/manage/account",
                body:
                    #"{"Email":[{"Type":"Primary","Value":"mc@example.com"}],"Password":"secret123","PhoneId":"+15550001111"}"#
            )
            #expect(created.status == 200)
            #expect(created["EmailVerified"] as? Bool == false)
            #expect(created["RegistrationSource"] as? String == "API")
            let samePhone = try await lr.manage(
                "POST", "identity/v2/manage/account",
                body:
                    #"{"Email":[{"Type":"Primary","Value":"mc2@example.com"}],"Password":"secret123","PhoneId":"+15550001111"}"#
            )
            #expect(samePhone.errorCode == 1058)
            // No verification email: the account was created by the administrator.
            #expect(await lr.latestMessage(to: "mc@example.com", purpose: .verification) == nil)
            let noSecret = try await lr.request("POST", "identity/v2/manage/account", body: "{}")
            #expect(noSecret.errorCode == 923)
        }
    }

    @Test func webhooksAnswerOnBothCollectionNamesAndCheckCredentials() async throws {
        try await EmulatorHarness.run { lr in
            let secret = "apisecret=" + EmulatorHarness.apiSecret
            let noKey = try await lr.request("GET", "v2/manage/webhooks?" + secret, apiKey: nil)
            #expect(noKey.errorCode == 922)
            let noSecret = try await lr.request("GET", "v2/manage/webhooks")
            #expect(noSecret.errorCode == 923)
            let created = try await lr.request(
                "POST", "v2/manage/webhook?" + secret,
                body: #"{"Event":"login","TargetUrl":"https://example.com/hook","Name":"n"}"#)
            #expect(created["Event"] as? String == "Login")
            #expect(created["SecretName"] as? String == "")
            #expect(created["IsIntegrationWebhook"] as? Bool == false)
            let listed = try await lr.request("GET", "v2/manage/webhooks?" + secret)
            #expect((listed["Data"] as? [Any])?.count == 1)
            let badEvent = try await lr.request(
                "POST", "v2/manage/webhooks?" + secret,
                body: #"{"Event":"Lunch","TargetUrl":"https://example.com/hook"}"#)
            #expect(badEvent.errorCode == 1134)
        }
    }

    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = {
            $0.rateLimit = RateLimit(requests: 1, per: .seconds(120))
        }
        try await EmulatorHarness.run(emulator: configure) { lr in
            let first = try await lr.request("GET", "identity/v2/auth/email?email=a@example.com")
            #expect(first.status == 200)
            var request = URLRequest(
                url: try #require(
                    URL(
                        string: lr.baseURL + "identity/v2/auth/email?email=a@example.com&apikey="
                            + EmulatorHarness.apiKey)))
            request.httpMethod = "GET"
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 429)
            let retryAfter = try #require(http.value(forHTTPHeaderField: "Retry-After").flatMap { Int($0) })
            #expect((1...120).contains(retryAfter))
            let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(body["ErrorCode"] as? Int == 429)
            #expect(body["Message"] as? String == "Too Many Request")
            #expect(body["IsProviderError"] as? Bool == false)
            // The control endpoints are not limited.
            let outbox = try await lr.request("GET", "emulator/v1/outbox", apiKey: nil)
            #expect(outbox.status == 200)
        }
    }

    @Test func serverInfoAndAppInfo() async throws {
        try await EmulatorHarness.run { lr in
            let info = try await lr.request("GET", "identity/v2/serverinfo?timedifference=5")
            let sott = try #require(info["Sott"] as? [String: Any])
            #expect(sott["TimeDifference"] as? String == "5 Minutes")
            #expect((info["CurrentTime"] as? String)?.count == 19)
            let appInfo = try await lr.request("GET", "ciam/appinfo")
            #expect(appInfo["AppName"] as? String == "lr-emulator")
            let noKey = try await lr.request("GET", "ciam/appinfo", apiKey: nil)
            #expect(noKey.errorCode == 922)
        }
    }

    @Test func resetPhoneVerificationTextsAnOTP() async throws {
        try await EmulatorHarness.run { lr in
            let created = try await lr.manage(
                "POST", "identity/v2/manage/account",
                body:
                    #"{"Email":[{"Type":"Primary","Value":"ph@example.com"}],"Password":"secret123","PhoneId":"+15550002222","PhoneIdVerified":true}"#
            )
            let uid = try #require(created["Uid"] as? String)
            #expect(created["PhoneIdVerified"] as? Bool == true)
            let reset = try await lr.manage(
                "PUT", "identity/v2/manage/account/\(uid)/invalidatephone?smsTemplate=sms-v1")
            #expect(reset["IsPosted"] as? Bool == true)
            let sms = try #require(await lr.emulator.outbox().last { $0.recipient == "+15550002222" })
            #expect(sms.channel == .sms)
            #expect(sms.otp?.count == 6)
            #expect(sms.template == "sms-v1")
            let profile = try await lr.manage("GET", "identity/v2/manage/account/" + uid)
            #expect(profile["PhoneIdVerified"] as? Bool == false)
            let again = try await lr.manage("PUT", "identity/v2/manage/account/\(uid)/invalidatephone")
            #expect(again.errorCode == 1161)
            let noPhone = try await lr.manage(
                "POST", "identity/v2/manage/account",
                body: #"{"Email":[{"Type":"Primary","Value":"np2@example.com"}],"Password":"secret123"}"#)
            let other = try #require(noPhone["Uid"] as? String)
            #expect(try await lr.manage("PUT", "identity/v2/manage/account/\(other)/invalidatephone").errorCode == 1147)
        }
    }

    @Test func onlyLoopbackWebhookTargetsAreCalled() throws {
        for target in [
            "http://127.0.0.1:8080/h", "https://127.9.8.7/h", "http://localhost/h", "http://LOCALHOST:1/h",
            "http://[::1]:9/h",
        ] {
            #expect(WebhookNotifier.isLoopback(try #require(URL(string: target))), "\(target)")
        }
        for target in [
            "http://128.0.0.1/h", "http://127.0.0.1.example.com/h", "http://10.0.0.1/h", "https://example.com/h",
            "ftp://127.0.0.1/h", "http://[::2]/h", "http://127.0.0/h",
        ] {
            #expect(!WebhookNotifier.isLoopback(try #require(URL(string: target))), "\(target)")
        }
    }

    @Test func stateFileRoundTrip() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lr-state-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let configure: (inout EmulatorConfiguration) -> Void = { $0.dataFile = file }
        try await EmulatorHarness.run(emulator: configure) { lr in
            _ = try await lr.verifiedAccessToken(email: "keep@example.com")
        }
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        #expect(saved?["format"] as? Int == 1)
        try await EmulatorHarness.run(emulator: configure) { lr in
            _ = try await lr.login(email: "keep@example.com")
        }
        try Data("not json".utf8).write(to: file)
        let broken = LoginRadiusEmulator(
            configuration: {
                var configuration = EmulatorConfiguration(port: 0)
                configuration.dataFile = file
                return configuration
            }())
        await #expect(throws: StateFileError.self) { try await broken.start() }
        // The unreadable file is left as it was.
        #expect(try String(contentsOf: file, encoding: .utf8) == "not json")
    }
}
