// Built with the `Hummingbird` and `Emulator` traits only (make test-sdk enables both).
#if Hummingbird && Emulator
    import Foundation
    import Hummingbird
    import HummingbirdAuth
    import HummingbirdTesting
    import LREmulator
    import LRHummingbird
    import LoginRadius
    import Synchronization
    import Testing

    typealias AppContext = BasicAuthRequestContext<LoginRadiusUser>

    /// An emulator on a free loopback port, a client on it, and a user signed in.
    struct EmulatedUser {
        let emulator: LoginRadiusEmulator
        let client: LoginRadiusClient
        let token: String
        let uid: String
    }

    func withEmulatedUser(_ body: (EmulatedUser) async throws -> Void) async throws {
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
        let baseURL = try await emulator.start().absoluteString
        do {
            let client = try LoginRadiusClient(
                configuration: LoginRadiusConfiguration(
                    apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                    baseURL: baseURL, configURL: baseURL, requestTimeout: .seconds(10)))
            let email = "hb+\(UUID().uuidString.prefix(8).lowercased())@example.com"
            let account = try await client.account.createAccount(
                AccountCreateModel(
                    email: [EmailAddress(type: "Primary", value: email)], firstName: "Ada", lastName: "Lovelace",
                    password: "Str0ng-Passw0rd!", additionalFields: ["EmailVerified": true]))
            let login = try await client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Str0ng-Passw0rd!"))
            let token = try #require(login.accessToken)
            try await body(
                EmulatedUser(emulator: emulator, client: client, token: token, uid: try #require(account.uid)))
            try await client.shutdown()
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    @Suite("LRHummingbird against the emulator")
    struct LoginRadiusAuthenticatorTests {
        /// A router with `/me` (authenticated) and `/admin` (role `admin`).
        func router(_ validator: AccessTokenValidator) -> Router<AppContext> {
            let router = Router(context: AppContext.self)
            let api = router.group("api").add(middleware: LoginRadiusAuthenticator(validator: validator))
            api.add(middleware: IsAuthenticatedMiddleware()).get("me") { _, context in
                try context.requireIdentity().uid
            }
            api.group("admin").add(middleware: LoginRadiusRoleGuard<AppContext>("admin")).get("report") { _, _ in
                "secret report"
            }
            return router
        }

        @Test("valid token → 200 with the profile; the second request is served from the cache; invalidated → 401")
        func protectedRoute() async throws {
            try await withEmulatedUser { user in
                let validator = AccessTokenValidator(client: user.client)
                let app = Application(router: router(validator))
                try await app.test(.router) { client in
                    let bearer: HTTPFields = [.authorization: "Bearer \(user.token)"]
                    try await client.execute(uri: "/api/me", method: .get, headers: bearer) { response in
                        #expect(response.status == .ok)
                        #expect(String(buffer: response.body) == user.uid)
                    }
                    #expect(validator.statistics == .init(hits: 0, misses: 1))
                    try await client.execute(uri: "/api/me", method: .get, headers: bearer) { response in
                        #expect(response.status == .ok)
                    }
                    #expect(validator.statistics == .init(hits: 1, misses: 1))

                    // Logout: LoginRadius revokes the token, the app drops it from the cache.
                    _ = try await user.client.authentication.invalidateAccessToken(accessToken: user.token)
                    validator.invalidate(user.token)
                    try await client.execute(uri: "/api/me", method: .get, headers: bearer) { response in
                        #expect(response.status == .unauthorized)
                    }
                    #expect(validator.statistics == .init(hits: 1, misses: 2))
                    // The refusal is cached briefly: the next request does not ask LoginRadius.
                    try await client.execute(uri: "/api/me", method: .get, headers: bearer) { response in
                        #expect(response.status == .unauthorized)
                    }
                    #expect(validator.statistics == .init(hits: 2, misses: 2))
                    // No token at all: 401 without asking anyone.
                    try await client.execute(uri: "/api/me", method: .get) { response in
                        #expect(response.status == .unauthorized)
                    }
                    #expect(validator.statistics.misses == 2)
                }
            }
        }

        @Test("the role guard: a signed-in user without the role gets 403, no user 401")
        func roleGuard() async throws {
            try await withEmulatedUser { user in
                let app = Application(router: router(AccessTokenValidator(client: user.client)))
                try await app.test(.router) { client in
                    try await client.execute(
                        uri: "/api/admin/report", method: .get, headers: [.authorization: "Bearer \(user.token)"]
                    ) { response in
                        #expect(response.status == .forbidden)
                    }
                    try await client.execute(uri: "/api/admin/report", method: .get) { response in
                        #expect(response.status == .unauthorized)
                    }
                }
            }
        }

        @Test("the cache keys are SHA-256 digests, bounded in number")
        func boundedCache() async throws {
            try await withEmulatedUser { user in
                let validator = AccessTokenValidator(client: user.client, options: .init(maxEntries: 2))
                for index in 0..<5 {
                    _ = try await validator.user(for: "not-a-token-\(index)")
                }
                #expect(validator.count == 2)
                #expect(try await validator.user(for: user.token)?.uid == user.uid)
                #expect(validator.count == 2)
            }
        }

        @Test("the webhook route: a delivery signed by the emulator is accepted, a tampered one refused")
        func webhookRoute() async throws {
            let received = Mutex([WebhookEvent]())
            let router = Router(context: AppContext.self)
            let verifier = try WebhookVerifier(secret: LoginRadiusEmulator.defaultAPISecret)
            router.loginRadiusWebhook("hooks/loginradius", verifier: verifier) { event, _ in
                received.withLock { $0.append(event) }
            }
            let body = #"{"HookName":"login","Time":"2026-01-01T10:00:00Z","HookId":"h1","Data":{"Uid":"u1"}}"#
            let signature = WebhookVerifier.signature(
                of: Data(body.utf8), secret: LoginRadiusEmulator.defaultAPISecret)
            try await Application(router: router).test(.router) { client in
                try await client.execute(
                    uri: "/hooks/loginradius", method: .post, headers: [.init("signature")!: signature],
                    body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .noContent)
                }
                try await client.execute(
                    uri: "/hooks/loginradius", method: .post, headers: [.init("signature")!: signature],
                    body: ByteBuffer(string: body.replacingOccurrences(of: "u1", with: "u2"))
                ) { response in
                    #expect(response.status == .unauthorized)
                }
                try await client.execute(uri: "/hooks/loginradius", method: .post, body: ByteBuffer(string: body)) {
                    response in
                    #expect(response.status == .unauthorized)
                }
            }
            #expect(received.withLock { $0.map(\.name) } == [.login])
            #expect(received.withLock { $0.first?.data.objectValue?["Uid"] } == .string("u1"))
        }
    }
#endif
