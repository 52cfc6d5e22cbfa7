import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("LRWebhook scenario: subscriptions and event delivery to a loopback receiver")
struct WebhookScenarioTests {
    @Test(
        "subscribe Login and Register → register and log in → signed events arrive → non-loopback stored, never called → update → delete"
    )
    func webhookJourney() async throws {
        let receiver = try LoopbackServer { _ in .respond(status: 200, contentType: "text/plain", body: "OK") }
        defer { receiver.stop() }
        try await EmulatorHarness.run { scenario in
            let webhook = scenario.client.webhook
            let events = try await webhook.getWebhookEvents()
            #expect(events.data?.contains("Login") == true)
            #expect(events.data?.contains("Register") == true)

            let loginHook = try await webhook.createWebhookSubscription(
                WebHookSubscribeModel(
                    event: "Login", targetURL: receiver.url("/hooks"), name: "login to CRM",
                    headers: ["X-Env": "scenario"], queryParams: ["source": "lr"],
                    authentication: ["AuthType": "Bearer", "BearerToken": ["Token": "hook-token"]]))
            let loginHookId = try #require(loginHook.id)
            #expect(loginHook.event == "Login")
            #expect(loginHook.targetURL == receiver.url("/hooks"))
            #expect(loginHook.name == "login to CRM")
            #expect(loginHook.headers == ["X-Env": "scenario"])
            #expect(loginHook.queryParams == ["source": "lr"])
            #expect(loginHook.authentication?.authType == "Bearer")
            #expect(loginHook.createdDate?.date != nil)
            let registerHook = try await webhook.createWebhookSubscription(
                WebHookSubscribeModel(
                    event: "register", targetURL: receiver.url("/hooks") + "/register", name: "welcome mail",
                    authentication: ["AuthType": "Basic", "BasicAuth": ["Username": "lr", "Password": "s3cret"]]))
            #expect(registerHook.event == "Register")
            #expect(registerHook.authentication?.basicAuth?.userName == "lr")
            #expect(registerHook.authentication?.basicAuth?.password == "")
            let remoteHook = try await webhook.createWebhookSubscription(
                WebHookSubscribeModel(
                    event: "Login", targetURL: "https://hooks.example.com/lr", name: "remote"))
            await expectAPIError(1110) {
                try await webhook.createWebhookSubscription(
                    WebHookSubscribeModel(
                        event: "Login", targetURL: receiver.url("/hooks")))
            }
            await expectAPIError(1087) {
                try await webhook.createWebhookSubscription(
                    WebHookSubscribeModel(
                        event: "Login", targetURL: "not a url"))
            }
            #expect(
                try await webhook.listAllWebhooks().data?.compactMap(\.id)
                    == [loginHookId, registerHook.id, remoteHook.id].compactMap { $0 })

            let email = EmulatorHarness.newEmail("hooked")
            let login = try await scenario.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let uid = try #require(login.profile?.uid)

            // Register (registration) and Login (verification logs in, then the login itself).
            let received = await receiver.wait { requests in
                requests.filter { $0.target.hasPrefix("/hooks?") }.count >= 2
                    && requests.contains { $0.target.hasPrefix("/hooks/register") }
            }
            let registerEvent = try #require(received.first { $0.target.hasPrefix("/hooks/register") })
            #expect(registerEvent.method == "POST")
            #expect(registerEvent.json?["HookName"] as? String == "register")
            #expect((registerEvent.json?["Data"] as? [String: Any])?["Uid"] as? String == uid)
            #expect(registerEvent.headers["authorization"] == "Basic " + Data("lr:s3cret".utf8).base64EncodedString())

            let loginEvents = received.filter { $0.target.hasPrefix("/hooks?") }
            let loginEvent = try #require(loginEvents.last)
            #expect(loginEvent.target == "/hooks?source=lr")
            #expect(loginEvent.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(loginEvent.headers["x-env"] == "scenario")
            #expect(loginEvent.headers["authorization"] == "Bearer hook-token")
            #expect(
                loginEvent.headers["signature"]
                    == HMACSHA256.hex(key: LoginRadiusEmulator.defaultAPISecret, message: loginEvent.body))
            // The SDK's verifier accepts the emulator's real deliveries, signed with the API
            // secret, and refuses one whose body was changed on the way.
            let verifier = try WebhookVerifier(secrets: ["a-rotated-out-secret", LoginRadiusEmulator.defaultAPISecret])
            let verified = try verifier.verify(
                body: loginEvent.body,
                headers: LoginRadiusHeaders(loginEvent.headers.map { .init(name: $0, value: $1) }))
            #expect(verified.name == .login)
            #expect(verified.data.objectValue?["Uid"] == .string(uid))
            #expect(
                try verifier.verify(body: registerEvent.body, signature: registerEvent.headers["signature"]).name
                    == .register)
            var tampered = loginEvent.body
            tampered.append(contentsOf: Array(" ".utf8))
            #expect(throws: WebhookVerificationError.self) {
                try verifier.verify(body: tampered, signature: loginEvent.headers["signature"])
            }
            let payload = try #require(loginEvent.json)
            #expect(payload["HookName"] as? String == "login")
            #expect((payload["HookId"] as? String)?.count == 36)
            #expect((payload["Time"] as? String)?.hasSuffix("Z") == true)
            let data = try #require(payload["Data"] as? [String: Any])
            #expect(data["Uid"] as? String == uid)
            #expect((data["Email"] as? [[String: Any]])?.first?["Value"] as? String == email)
            #expect(data["Password"] is NSNull)

            // The non-loopback subscription is stored but never called. (A delivery is recorded
            // once the receiver's answer is back, so wait for it.)
            var deliveries = await scenario.emulator.webhookDeliveries()
            for _ in 0..<100 where !deliveries.contains(where: { $0.subscriptionId == loginHookId && $0.status == 200 })
            {
                try await Task.sleep(for: .milliseconds(20))
                deliveries = await scenario.emulator.webhookDeliveries()
            }
            let remote = deliveries.filter { $0.subscriptionId == remoteHook.id }
            #expect(!remote.isEmpty)
            #expect(remote.allSatisfy { $0.skipped && $0.status == nil && $0.url == "https://hooks.example.com/lr" })
            #expect(deliveries.contains { $0.subscriptionId == loginHookId && $0.status == 200 && !$0.skipped })

            let updated = try await webhook.updateWebhookSubscription(
                WebHookSubscriptionUpdateModel(headers: ["X-Env": "staging"]),
                hookID: loginHookId)
            #expect(updated.headers == ["X-Env": "staging"])
            #expect(updated.queryParams == ["source": "lr"])
            #expect(try await webhook.getWebhookSubscriptionDetail(hookID: loginHookId).headers == ["X-Env": "staging"])
            let before = receiver.requests.count
            _ = try await scenario.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            let again = await receiver.wait { $0.count > before }
            #expect(again.last?.headers["x-env"] == "staging")

            #expect(try await webhook.deleteWebhookSubscription(hookID: loginHookId).isDeleted == true)
            await expectAPIError(1112) { try await webhook.getWebhookSubscriptionDetail(hookID: loginHookId) }
            #expect(try await webhook.listAllWebhooks().data?.count == 2)
            // The deleted subscription is not called. A sentinel Login subscription, made now, is
            // delivered in the same pass over the event's subscriptions as the deleted one would
            // be: once its request arrives, nothing else may have.
            let sentinel = try await webhook.createWebhookSubscription(
                WebHookSubscribeModel(event: "Login", targetURL: receiver.url("/sentinel"), name: "sentinel"))
            let afterDelete = receiver.requestCount
            _ = try await scenario.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            let afterLogin = await receiver.wait { $0.dropFirst(afterDelete).contains { $0.path == "/sentinel" } }
            #expect(afterLogin.dropFirst(afterDelete).map(\.path) == ["/sentinel"])
            #expect(try await webhook.deleteWebhookSubscription(hookID: try #require(sentinel.id)).isDeleted == true)
        }
    }

    @Test("webhook calls need the API secret")
    func secretRequired() async throws {
        let configureClient: (inout LoginRadiusConfiguration) -> Void = { $0.apiSecret = "wrong-secret" }
        try await EmulatorHarness.run(client: configureClient) { scenario in
            await expectAPIError(902) { try await scenario.client.webhook.listAllWebhooks() }
        }
    }
}
