import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("LRConfiguration and SOTT scenarios: server time, app configuration, SOTT")
struct ConfigurationScenarioTests {
    @Test("server info with a SOTT window → app configuration from configURL → SOTT from the API registers a user")
    func configurationJourney() async throws {
        try await EmulatorHarness.run { scenario in
            let configuration: ConfigurationAPI = scenario.client.configurationAPI
            let info = try await configuration.getServerInfo(timeDifference: 15)
            #expect(info.serverName == "lr-emulator")
            #expect(info.sott?.timeDifference == "15 Minutes")
            let start = try #require(info.sott?.startTime?.date)
            let end = try #require(info.sott?.endTime?.date)
            #expect(end.timeIntervalSince(start) == 15 * 60)
            let current = try #require(info.currentTime?.date)
            #expect(abs(current.timeIntervalSinceNow) < 60)

            let app = try await configuration.getConfigurations()
            #expect(app.appName == "lr-emulator")
            #expect(app.emailVerificationFlow == "required")
            #expect(app.isUserNameLogin == true)
            #expect(app.isHTTPS == false)
            #expect(app.apiVersion?.v2 == true)
            let password = try #require(app.registrationFormSchema?.first { $0.name == "password" })
            #expect(password.rules?.contains("min_length[6]") == true)
            #expect(password.type == "password")
            #expect(app.twoFactorAuthentication?.isEnabled == false)

            let sott = try await scenario.client.sott.generateSOTT(timeDifference: 20)
            let token = try #require(sott.sott)
            let expiry = try #require(sott.expiryTime?.date)
            #expect(expiry.timeIntervalSinceNow > 19 * 60 && expiry.timeIntervalSinceNow <= 20 * 60 + 1)
            let email = EmulatorHarness.newEmail("sott")
            let registration = try await scenario.client.authentication.userRegistrationByEmail(
                AuthUserRegistrationModel(
                    email: [EmailAddress(type: "Primary", value: email)], password: "Secret-pass-1"),
                sott: token)
            #expect(registration.isPosted == true)
            #expect(await scenario.emulator.outbox().contains { $0.recipient == email && $0.purpose == .verification })
        }
    }

    @Test("the app configuration follows the emulator: optional email verification")
    func optionalVerificationConfiguration() async throws {
        let configureEmulator: (inout EmulatorConfiguration) -> Void = { $0.verificationRequired = false }
        try await EmulatorHarness.run(emulator: configureEmulator) { scenario in
            let app = try await scenario.client.configurationAPI.getConfigurations()
            #expect(app.emailVerificationFlow == "optional")
        }
    }
}

@Suite("Emulator behaviours through the SDK: rate limit and persistence")
struct EmulatorBehaviourScenarioTests {
    @Test(
        "past the rate limit the SDK gets tooManyRequests with Retry-After and LoginRadius's body; the next window is open"
    )
    func rateLimit() async throws {
        let clock = TestClock()
        let configureEmulator: (inout EmulatorConfiguration) -> Void = {
            $0.rateLimit = RateLimit(requests: 3, per: .seconds(30))
            $0.now = { clock.now() }
        }
        let configureClient: (inout LoginRadiusConfiguration) -> Void = { $0.retry = .disabled }
        try await EmulatorHarness.run(emulator: configureEmulator, client: configureClient) { scenario in
            for _ in 0..<3 {
                #expect(
                    try await scenario.client.authentication.checkEmailAvailability(email: "a@example.com").isExist
                        == false)
            }
            do {
                _ = try await scenario.client.authentication.checkEmailAvailability(email: "a@example.com")
                Issue.record("the fourth request was not limited")
            } catch let caught as LoginRadiusError where caught.tooManyRequests != nil {
                let info = caught.tooManyRequests!
                let retryAfter = try #require(info.retryAfter)
                #expect(retryAfter > .zero && retryAfter <= .seconds(30))
                #expect(info.apiError?.errorCode == 429)
                #expect(info.apiError?.httpStatus == 429)
                #expect(info.apiError?.message == "Too Many Request")
            }
            clock.advance(by: 31)
            #expect(
                try await scenario.client.authentication.checkEmailAvailability(email: "a@example.com").isExist == false
            )
        }
    }

    @Test("with retries on (the SDK's default), a limited GET waits Retry-After and succeeds")
    func rateLimitRetried() async throws {
        let configureEmulator: (inout EmulatorConfiguration) -> Void = {
            // A window long enough that the first two calls end inside it even on a loaded machine;
            // otherwise the third starts a new window and is never limited.
            $0.rateLimit = RateLimit(requests: 2, per: .seconds(3))
        }
        try await EmulatorHarness.run(emulator: configureEmulator) { scenario in
            let auth = scenario.client.authentication
            _ = try await auth.checkEmailAvailability(email: "a@example.com")
            _ = try await auth.checkEmailAvailability(email: "a@example.com")
            let start = ContinuousClock.now
            #expect(try await auth.checkEmailAvailability(email: "a@example.com").isExist == false)
            #expect(ContinuousClock.now - start >= .milliseconds(500))
        }
    }

    @Test("with a data file, accounts, roles and custom objects survive a restart")
    func persistence() async throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("lr-emulator-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let email = EmulatorHarness.newEmail("durable")
        var uid = ""
        var recordId = ""
        let configureEmulator: (inout EmulatorConfiguration) -> Void = { $0.dataFile = file }
        try await EmulatorHarness.run(emulator: configureEmulator) { scenario in
            let created = try await scenario.createVerifiedAccount(
                email: email, password: "Secret-pass-1", firstName: "Dora")
            uid = try #require(created.uid)
            _ = try await scenario.client.role.createRoles(
                RolesModel(roles: [["name": "member", "permissions": ["read": true]]]))
            _ = try await scenario.client.role.assignRolesByUID(AccountRolesModel(roles: ["member"]), uid: uid)
            recordId = try #require(
                try await scenario.client.customObject.createCustomObjectByUID(
                    ["theme": "dark"],
                    objectName: "prefs", uid: uid
                ).id)
        }
        #expect(FileManager.default.fileExists(atPath: file.path))

        try await EmulatorHarness.run(emulator: configureEmulator) { scenario in
            let profile = try await scenario.client.account.getAccountProfileByEmail(email: email)
            #expect(profile.uid == uid)
            #expect(profile.firstName == "Dora")
            #expect(profile.roles == ["member"])
            let login = try await scenario.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            #expect(login.profile?.uid == uid)
            #expect(try await scenario.client.role.getRolesList().data?.first?.permissions == ["read": true])
            let record = try await scenario.client.customObject.getCustomObjectByRecordID(
                objectName: "prefs", objectRecordID: recordId, uid: uid)
            #expect(record.customObject?["theme"] == "dark")
        }
    }
}
