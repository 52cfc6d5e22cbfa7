#if Vapor && Emulator
    import Foundation
    import LREmulator
    import LRVapor
    import LoginRadius
    import Testing
    import VaporTesting

    /// What `/api/me` answers: read from the user the authenticator logged in.
    struct Me: Content {
        var uid: String
        var firstName: String?
        var email: String?
    }

    /// `/api/me` (authenticated), `/api/admin/report` (role `admin`), `/origin` (the origin IP of
    /// `req.loginRadius`).
    func addRoutes(to app: Application) throws {
        let api = app.grouped("api").grouped(try app.loginRadius.authenticator())
        api.grouped(LoginRadiusUser.guardMiddleware()).get("me") { req in
            let user = try req.auth.require(LoginRadiusUser.self)
            return Me(uid: user.uid, firstName: user.profile.firstName, email: user.profile.email?.first?.value)
        }
        api.grouped(LoginRadiusRoleGuard("admin")).get("admin", "report") { _ in "secret report" }
        app.get("origin") { req in try req.loginRadius.callOptions.originIP ?? "none" }
    }

    extension EmulatedApp {
        /// ``run(configure:_:)`` with the routes of ``addRoutes(to:)``.
        static func withRoutes(_ body: (EmulatedApp) async throws -> Void) async throws {
            try await run(configure: { try addRoutes(to: $0.app) }, body)
        }
    }

    @Suite("LRVapor against the emulator")
    struct LoginRadiusAuthenticatorTests {
        @Test("valid token → 200 with the profile; the second request is served from the cache; invalidated → 401")
        func protectedRoute() async throws {
            try await EmulatedApp.withRoutes { emulated in
                let validator = try emulated.app.loginRadius.validator.unwrapped("validator")
                let tester = try emulated.app.testing()
                let bearer: HTTPHeaders = ["Authorization": "Bearer \(emulated.token)"]
                try await tester.test(.GET, "api/me", headers: bearer) { response in
                    #expect(response.status == .ok)
                    let me = try response.content.decode(Me.self)
                    #expect(me.uid == emulated.uid)
                    #expect(me.firstName == "Ada")
                    #expect(me.email == emulated.email)
                }
                #expect(emulated.validations == 1)
                #expect(emulated.calls.count("getProfileByAccessToken") == 1)
                #expect(validator.statistics == .init(hits: 0, misses: 1))

                // Within the TTL: served from the cache, LoginRadius is not asked again.
                try await tester.test(.GET, "api/me", headers: bearer) { response in
                    #expect(response.status == .ok)
                    let me = try response.content.decode(Me.self)
                    #expect(me.uid == emulated.uid)
                }
                #expect(emulated.validations == 1)
                #expect(validator.statistics == .init(hits: 1, misses: 1))

                // Logout: LoginRadius revokes the token, the app drops it from the cache.
                _ = try await emulated.client.authentication.invalidateAccessToken(accessToken: emulated.token)
                validator.invalidate(emulated.token)
                try await tester.test(.GET, "api/me", headers: bearer) { response in
                    #expect(response.status == .unauthorized)
                }
                #expect(emulated.validations == 2)
                #expect(validator.statistics == .init(hits: 1, misses: 2))
                // The refusal is cached briefly: the next request does not ask LoginRadius.
                try await tester.test(.GET, "api/me", headers: bearer) { response in
                    #expect(response.status == .unauthorized)
                }
                #expect(emulated.validations == 2)
                // No token, or a malformed header: 401 without asking anyone.
                try await tester.test(.GET, "api/me") { response in
                    #expect(response.status == .unauthorized)
                }
                try await tester.test(.GET, "api/me", headers: ["Authorization": "Basic \(emulated.token)"]) {
                    response in
                    #expect(response.status == .unauthorized)
                }
                #expect(emulated.validations == 2)
            }
        }

        @Test("the role guard: no user 401, a user without the role 403, with the role 200")
        func roleGuard() async throws {
            try await EmulatedApp.withRoutes { emulated in
                let tester = try emulated.app.testing()
                try await tester.test(.GET, "api/admin/report") { response in
                    #expect(response.status == .unauthorized)
                }
                try await tester.test(
                    .GET, "api/admin/report", headers: ["Authorization": "Bearer \(emulated.token)"]
                ) { response in
                    #expect(response.status == .forbidden)
                }

                _ = try await emulated.client.role.createRoles(RolesModel(roles: [["name": "admin"]]))
                _ = try await emulated.client.role.assignRolesByUID(
                    AccountRolesModel(roles: ["admin"]), uid: emulated.uid)
                // The cached answer still has the old roles until it is invalidated (or expires).
                try emulated.app.loginRadius.validator.unwrapped("validator").invalidate(emulated.token)
                try await tester.test(
                    .GET, "api/admin/report", headers: ["Authorization": "Bearer \(emulated.token)"]
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string == "secret report")
                }
                #expect(emulated.validations == 2)
            }
        }

        @Test("req.loginRadius carries the peer address; X-Forwarded-For only when trusted")
        func originIP() async throws {
            try await EmulatedApp.withRoutes { emulated in
                // Over a real connection, so that the request has a peer address.
                let tester = try emulated.app.testing(method: .running(hostname: "127.0.0.1", port: 0))
                let forwarded: HTTPHeaders = ["X-Forwarded-For": "203.0.113.7, 10.0.0.1"]
                #expect(try await tester.sendRequest(.GET, "origin", headers: forwarded).body.string == "127.0.0.1")
                emulated.app.loginRadius.originIP = .trustedForwardedFor
                #expect(try await tester.sendRequest(.GET, "origin", headers: forwarded).body.string == "203.0.113.7")
                #expect(try await tester.sendRequest(.GET, "origin").body.string == "127.0.0.1")
                emulated.app.loginRadius.originIP = .none
                #expect(try await tester.sendRequest(.GET, "origin", headers: forwarded).body.string == "none")
            }
        }

        @Test("the authenticator sends the configured origin IP with its validation")
        func authenticatorOriginIP() async throws {
            try await EmulatedApp.run { emulated in
                let validator = try emulated.app.loginRadius.validator.unwrapped("validator")
                emulated.app.grouped(LoginRadiusAuthenticator(validator: validator, originIP: .trustedForwardedFor))
                    .get("me") { req in try req.auth.require(LoginRadiusUser.self).uid }
                let response = try await emulated.app.testing().sendRequest(
                    .GET, "me",
                    headers: ["Authorization": "Bearer \(emulated.token)", "X-Forwarded-For": "198.51.100.4"])
                #expect(response.status == .ok)
                #expect(response.body.string == emulated.uid)
                #expect(emulated.calls.originIPs("validateAccessToken") == ["198.51.100.4"])
            }
        }

        @Test("LoginRadius unreachable → 503, and nothing is cached")
        func unreachable() async throws {
            try await EmulatedApp.withRoutes { emulated in
                await emulated.emulator.stop()
                let bearer: HTTPHeaders = ["Authorization": "Bearer \(emulated.token)"]
                let response = try await emulated.app.testing().sendRequest(.GET, "api/me", headers: bearer)
                #expect(response.status == .serviceUnavailable)
                #expect(try emulated.app.loginRadius.validator.unwrapped("validator").count == 0)
            }
        }

        @Test("the app's shutdown shuts the client down")
        func shutdown() async throws {
            var client: LoginRadiusClient?
            try await EmulatedApp.run { emulated in client = emulated.client }
            let shutDown = try client.unwrapped("client")
            await #expect(throws: LoginRadiusError.self) {
                try await shutDown.authentication.validateAccessToken(accessToken: "any")
            }
            do {
                _ = try await shutDown.authentication.validateAccessToken(accessToken: "any")
            } catch let error as LoginRadiusError {
                #expect(error.code == .shutDown)
            }
        }

        @Test("without a client: req.loginRadius and app.loginRadius.authenticator() throw")
        func notConfigured() async throws {
            try await withApp { app in
                #expect(throws: Abort.self) { try app.loginRadius.authenticator() }
                app.get("origin") { req in try req.loginRadius.callOptions.originIP ?? "none" }
                let response = try await app.testing().sendRequest(.GET, "origin")
                #expect(response.status == .internalServerError)
            }
        }
    }
#endif
