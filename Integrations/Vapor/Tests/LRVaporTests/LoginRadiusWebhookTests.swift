#if Vapor && Emulator
    import Foundation
    import LREmulator
    import LRVapor
    import LoginRadius
    import Synchronization
    import Testing
    import VaporTesting

    @Suite("LRVapor webhook receiver")
    struct LoginRadiusWebhookTests {
        @Test("a delivery from the emulator is accepted; a tampered or unsigned one refused")
        func emulatorDelivery() async throws {
            /// What the route's handler saw: the event, and the body and signature as delivered.
            typealias Delivery = (event: WebhookEvent, body: String, signature: String)
            let (deliveries, received) = AsyncStream.makeStream(of: Delivery.self)
            let handled = Mutex(0)
            try await EmulatedApp.run { emulated in
                let verifier = try WebhookVerifier(secrets: [
                    "a-rotated-out-secret", LoginRadiusEmulator.defaultAPISecret,
                ])
                emulated.app.loginRadiusWebhook("hooks", "loginradius", verifier: verifier) { event, req in
                    handled.withLock { $0 += 1 }
                    received.yield((event, req.body.string ?? "", req.headers.first(name: "signature") ?? ""))
                }
                // A real server on loopback, subscribed to the emulator's Login event.
                try await emulated.app.server.start(address: .hostname("127.0.0.1", port: 0))
                let delivery: Delivery
                do {
                    let port = try (emulated.app.http.server.shared.localAddress?.port).unwrapped("port")
                    _ = try await emulated.client.webhook.createWebhookSubscription(
                        WebHookSubscribeModel(
                            event: "Login", targetURL: "http://127.0.0.1:\(port)/hooks/loginradius", name: "vapor"))
                    _ = try await emulated.login()
                    delivery = try await first(of: deliveries, within: .seconds(10))
                } catch {
                    await emulated.app.server.shutdown()
                    throw error
                }
                await emulated.app.server.shutdown()
                #expect(delivery.event.name == .login)
                #expect(delivery.event.data.objectValue?["Uid"] == .string(emulated.uid))
                #expect(
                    delivery.signature
                        == WebhookVerifier.signature(
                            of: Data(delivery.body.utf8), secret: LoginRadiusEmulator.defaultAPISecret))

                // The same delivery replayed: accepted; changed on the way, or unsigned: refused.
                let tester = try emulated.app.testing()
                let signed: HTTPHeaders = ["signature": delivery.signature, "Content-Type": "application/json"]
                try await tester.test(
                    .POST, "hooks/loginradius", headers: signed, body: ByteBuffer(string: delivery.body)
                ) { response in
                    #expect(response.status == .noContent)
                }
                let tampered = delivery.body.replacingOccurrences(of: emulated.uid, with: "someone-else")
                #expect(tampered != delivery.body)
                try await tester.test(
                    .POST, "hooks/loginradius", headers: signed, body: ByteBuffer(string: tampered)
                ) { response in
                    #expect(response.status == .unauthorized)
                }
                try await tester.test(
                    .POST, "hooks/loginradius", headers: ["Content-Type": "application/json"],
                    body: ByteBuffer(string: delivery.body)
                ) { response in
                    #expect(response.status == .unauthorized)
                }
                #expect(handled.withLock { $0 } == 2)
            }
        }

        @Test("signed with a secondary secret: accepted; signed but not a webhook payload: 400")
        func secretsAndPayloads() async throws {
            try await withApp { app in
                let verifier = try WebhookVerifier(secrets: ["primary-secret", "secondary-secret"])
                let names = Mutex([WebhookEvent.Name]())
                app.loginRadiusWebhook("hook", verifier: verifier) { event, _ in
                    names.withLock { $0.append(event.name) }
                }
                let body = #"{"HookName":"UpdateProfile","Time":"2026-01-01T10:00:00Z","HookId":"h1","Data":{}}"#
                let tester = try app.testing()
                for (secret, status) in [("secondary-secret", HTTPStatus.noContent), ("unknown-secret", .unauthorized)]
                {
                    let signature = WebhookVerifier.signature(of: Data(body.utf8), secret: secret)
                    try await tester.test(
                        .POST, "hook", headers: ["signature": signature], body: ByteBuffer(string: body)
                    ) { response in
                        #expect(response.status == status)
                    }
                }
                let notAnEvent = #"{"Hello":"world"}"#
                try await tester.test(
                    .POST, "hook",
                    headers: [
                        "signature": WebhookVerifier.signature(of: Data(notAnEvent.utf8), secret: "primary-secret")
                    ],
                    body: ByteBuffer(string: notAnEvent)
                ) { response in
                    #expect(response.status == .badRequest)
                }
                #expect(names.withLock { $0 } == [.updateProfile])
            }
        }
    }

    struct TimedOut: Error {}

    /// The first element of `stream`, or `TimedOut` after `limit`.
    func first<Element: Sendable>(of stream: AsyncStream<Element>, within limit: Duration) async throws -> Element {
        try await withThrowingTaskGroup(of: Element?.self) { group in
            group.addTask { await stream.first { _ in true } }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let element = try await group.next() ?? nil else { throw TimedOut() }
            return element
        }
    }
#endif
