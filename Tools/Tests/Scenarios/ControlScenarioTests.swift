import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Emulator control API through the SDK: faults, clock, state export/import, blocked accounts, deliveries")
struct ControlScenarioTests {
    @Test("a fault rule makes loginByEmail throw the configured LoginRadius error twice, then the login succeeds")
    func faultRuleTwice() async throws {
        try await EmulatorHarness.run { scenario in
            let email = EmulatorHarness.newEmail("fault")
            _ = try await scenario.createVerifiedAccount(email: email, password: "Secret-pass-1")
            let rule = try await scenario.emulator.addFault(
                FaultRule(
                    operation: "login_by_email", errorCode: 1048, message: "Account locked", status: 403, count: 2))
            #expect(rule.id != nil)
            let login = {
                try await scenario.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            }
            // Another operation on another path is untouched by the rule.
            #expect(try await scenario.client.authentication.checkEmailAvailability(email: email).isExist == true)
            let first = await expectAPIError(1048, login)
            #expect(first?.message == "Account locked")
            await expectAPIError(1048, login)
            #expect(try await login().profile?.email?.first?.value == email)
            #expect(await scenario.emulator.faults().isEmpty)
        }
    }

    @Test("a fault rule by method and path with a bare status fails every matching call until cleared")
    func faultRuleByPath() async throws {
        try await EmulatorHarness.run { scenario in
            try await scenario.emulator.addFault(FaultRule(method: "GET", path: "identity/v2/auth/email", status: 503))
            do {
                _ = try await scenario.client.authentication.checkEmailAvailability(email: EmulatorHarness.newEmail())
                Issue.record("expected a failure")
            } catch {
                #expect(!(error is CancellationError))
            }
            await scenario.emulator.clearFaults()
            #expect(
                try await scenario.client.authentication.checkEmailAvailability(email: EmulatorHarness.newEmail())
                    .isExist
                    == false)
        }
    }

    @Test("advancing the emulator's clock past the token lifetime makes the access token fail (906, expired)")
    func clockExpiresToken() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = { $0.accessTokenLifetime = .seconds(600) }
        try await EmulatorHarness.run(emulator: configure) { scenario in
            let login = try await scenario.registerVerifiedUser(
                email: EmulatorHarness.newEmail("clock"), password: "Secret-pass-1")
            let token = try #require(login.accessToken)
            #expect(try await scenario.client.authentication.getProfileByAccessToken(accessToken: token).uid != nil)
            scenario.emulator.advanceClock(by: .seconds(601))
            await expectAPIError(906) {
                try await scenario.client.authentication.getProfileByAccessToken(accessToken: token)
            }
        }
    }

    @Test("an exported state, imported into a fresh emulator, logs the same user in; the outbox comes along")
    func exportImport() async throws {
        let email = EmulatorHarness.newEmail("export")
        var exported = Data()
        var uid: String?
        try await EmulatorHarness.run { scenario in
            uid = try await scenario.registerVerifiedUser(email: email, password: "Secret-pass-1").profile?.uid
            exported = try await scenario.emulator.exportState()
        }
        try await EmulatorHarness.run { scenario in
            await expectAPIError(938) {
                try await scenario.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            }
            try await scenario.emulator.importState(exported)
            let login = try await scenario.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            #expect(login.profile?.uid == uid)
            #expect(await scenario.emulator.outbox().contains { $0.recipient == email && $0.purpose == .verification })
        }
    }

    @Test("a blocked account cannot log in (991) and its sessions end; unblocked, it can again")
    func blockedAccount() async throws {
        try await EmulatorHarness.run { scenario in
            let email = EmulatorHarness.newEmail("blocked")
            let login = try await scenario.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let uid = try #require(login.profile?.uid)
            try await scenario.emulator.blockAccount(uid: uid)
            #expect(await scenario.emulator.account(uid: uid)?.isActive == false)
            #expect(await scenario.emulator.account(uid: uid)?.sessions.isEmpty == true)
            let model = EmailAuthenticationModel(email: email, password: "Secret-pass-1")
            await expectAPIError(991) {
                try await scenario.client.authentication.loginByEmail(model)
            }
            await expectAPIError(991) {
                try await scenario.client.account.getAccessTokenByUID(uid: uid)
            }
            await expectAPIError(905) {
                try await scenario.client.authentication.getProfileByAccessToken(accessToken: login.accessToken ?? "")
            }
            try await scenario.emulator.unblockAccount(uid: uid)
            #expect(
                try await scenario.client.authentication.loginByEmail(model).profile?.uid
                    == uid)
        }
    }

    @Test("a webhook delivery is listed with its status and its signature, in Swift and over HTTP")
    func deliveryListed() async throws {
        let receiver = try LoopbackServer { _ in .respond(status: 200, contentType: "text/plain", body: "OK") }
        defer { receiver.stop() }
        try await EmulatorHarness.run { scenario in
            _ = try await scenario.client.webhook.createWebhookSubscription(
                WebHookSubscribeModel(event: "Login", targetURL: receiver.url("/hooks"), name: "crm"))
            let email = EmulatorHarness.newEmail("delivered")
            _ = try await scenario.createVerifiedAccount(email: email, password: "Secret-pass-1")
            _ = try await scenario.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            let deliveries = await waitFor { await scenario.emulator.webhookDeliveries() }
            let delivery = try #require(deliveries.first)
            #expect(delivery.event == "Login")
            #expect(delivery.status == 200)
            #expect(
                delivery.signature
                    == HMACSHA256.hex(key: LoginRadiusEmulator.defaultAPISecret, message: Data(delivery.payload.utf8)))
            let received = try #require(receiver.requests.first)
            #expect(received.headers["signature"] == delivery.signature)

            let url = try #require(URL(string: scenario.baseURL + "emulator/v1/webhooks/deliveries"))
            let (data, _) = try await URLSession.shared.data(from: url)
            let listed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            #expect(listed.first?["signature"] as? String == delivery.signature)
            #expect(listed.first?["status"] as? Int == 200)
        }
    }
}

/// Waits until `read` returns a non-empty list (deliveries are recorded once the receiver has
/// answered), for up to five seconds.
private func waitFor<Element>(_ read: () async -> [Element]) async -> [Element] {
    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
    while ContinuousClock.now < deadline {
        let current = await read()
        if !current.isEmpty { return current }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await read()
}

@Suite("Consent required at login")
struct ConsentAtLoginScenarioTests {
    @Test(
        "with consent demanded at login, loginByEmail throws 1226 with a consent token; submitting consent logs in, later logins pass"
    )
    func consentRequired() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = { $0.consentRequiredAtLogin = true }
        try await EmulatorHarness.run(emulator: configure) { scenario in
            let email = EmulatorHarness.newEmail("consent-login")
            _ = try await scenario.createVerifiedAccount(email: email, password: "Secret-pass-1")
            let model = EmailAuthenticationModel(email: email, password: "Secret-pass-1")
            let error = await expectAPIError(1226) {
                try await scenario.client.authentication.loginByEmail(model)
            }
            let data = try #require(error?.data?.objectValue)
            let consentToken = try #require(data["ConsentToken"]?.stringValue)
            let submitted = try await scenario.client.consentManagement.submitConsentByConsentToken(
                ConsentSubmitModel(
                    data: [["ConsentOptionId": "email_consent", "IsAccepted": true]],
                    events: [["Event": "Login", "IsCustom": false]]),
                consentToken: consentToken)
            #expect(submitted.accessToken != nil)
            #expect(
                try await scenario.client.authentication.loginByEmail(model).accessToken
                    != nil)
        }
    }
}
