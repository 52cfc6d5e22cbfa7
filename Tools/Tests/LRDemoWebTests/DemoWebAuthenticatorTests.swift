// The demo on LRHummingbird's authenticator: pages get the user from the session's validated
// (cached) access token, logout drops it from the cache, /admin is behind the role guard; and the
// session-cookie token source on its own (a signed cookie gives the session's token, nothing else
// does).
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdTesting
import LREmulator
import LRHummingbird
import LoginRadius
import Testing

@testable import LRDemoWeb

@Suite("lr-demo-web on LRHummingbird's authenticator")
struct DemoWebAuthenticatorTests {
    @Test("pages get the identity from the validated token, cached; logout invalidates it")
    func identityFromCachedToken() async throws {
        try await withDemoApp { client, emulator, demo in
            var browser = Browser(client: client)
            let email = try await signedInBrowser(&browser, emulator: emulator)
            #expect(demo.validator.statistics == .init(hits: 0, misses: 0))
            let first = try await browser.get("/profile")
            #expect(first.text.contains("Ada Lovelace"))
            #expect(first.text.contains(email))
            #expect(demo.validator.statistics == .init(hits: 0, misses: 1))
            #expect(try await browser.get("/profile").text.contains("Ada Lovelace"))
            #expect(demo.validator.statistics == .init(hits: 1, misses: 1))
            #expect(demo.validator.count == 1)

            _ = try await browser.post("/logout", [:])
            #expect(demo.validator.count == 0)
            #expect(try await browser.get("/profile").location == "/login")
        }
    }

    @Test("a token LoginRadius no longer accepts signs the session out")
    func revokedToken() async throws {
        try await withDemoApp { client, emulator, demo in
            var browser = Browser(client: client)
            _ = try await signedInBrowser(&browser, emulator: emulator)
            #expect(try await browser.get("/profile").status == .ok)
            // Every token expires (the emulator's clock moves on); the cache is dropped too.
            emulator.advanceClock(by: .seconds(365 * 24 * 3600))
            demo.validator.invalidate(try #require(await currentToken(demo, browser)))
            let expired = try await browser.get("/profile")
            #expect(expired.location == "/login")
            #expect(try await browser.get("/login").text.contains("Your session has expired"))
        }
    }

    @Test("/admin is behind the role guard: login redirect, 403 without the role, 200 with it")
    func adminRoleGuard() async throws {
        try await withDemoApp { client, emulator, _ in
            var browser = Browser(client: client)
            #expect(try await browser.get("/admin").location == "/login")
            _ = try await signedInBrowser(&browser, emulator: emulator)
            let denied = try await browser.get("/admin")
            #expect(denied.status == .forbidden)
            #expect(denied.text.contains("for users with the LoginRadius role admin"))

            _ = try await browser.get("/roles")
            #expect(try await browser.post("/roles/create", ["name": "admin"]).location == "/roles")
            #expect(try await browser.post("/roles/assign", ["role": "admin"]).location == "/roles")
            let allowed = try await browser.get("/admin")
            #expect(allowed.status == .ok)
            #expect(allowed.text.contains("Welcome to the admin area"))

            #expect(try await browser.post("/roles/unassign", ["role": "admin"]).location == "/roles")
            #expect(try await browser.get("/admin").status == .forbidden)
        }
    }

    @Test("the session-cookie token source: a signed cookie of a signed-in session gives its token")
    func sessionCookieTokenSource() async throws {
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
        let baseURL = try await emulator.start().absoluteString
        do {
            let sdk = try LoginRadiusClient(
                configuration: LoginRadiusConfiguration(
                    apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                    baseURL: baseURL))
            let email = "src+\(UUID().uuidString.prefix(8).lowercased())@example.com"
            let account = try await sdk.account.createAccount(
                AccountCreateModel(
                    email: [EmailAddress(type: "Primary", value: email)], firstName: "Ada", lastName: "Lovelace",
                    password: "Str0ng-Passw0rd!", additionalFields: ["EmailVerified": true]))
            let token = try #require(
                try await sdk.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Str0ng-Passw0rd!")
                ).accessToken)

            let sessions = SessionStore()
            let cookie = SessionCookie(key: Data(repeating: 7, count: 32), secure: false)
            let signedIn = await sessions.create()
            await sessions.update(signedIn.id) { $0.accessToken = token }
            let anonymous = await sessions.create()

            typealias Context = BasicAuthRequestContext<LoginRadiusUser>
            let validator = AccessTokenValidator(client: sdk)
            let router = Router(context: Context.self)
            router.group("session")
                .add(
                    middleware: LoginRadiusAuthenticator(
                        validator: validator, token: sessions.tokenSource(cookie: cookie, context: Context.self))
                )
                .add(middleware: IsAuthenticatedMiddleware())
                .get("me") { _, context in try context.requireIdentity().uid }
            // The default source is unchanged: the bearer token.
            router.group("bearer")
                .add(middleware: LoginRadiusAuthenticator(validator: validator))
                .add(middleware: IsAuthenticatedMiddleware())
                .get("me") { _, context in try context.requireIdentity().uid }

            let uid = try #require(account.uid)
            try await Application(router: router).test(.router) { client async throws in
                func status(_ uri: String, _ headers: HTTPFields) async throws -> (HTTPResponse.Status, String) {
                    let response = try await client.execute(uri: uri, method: .get, headers: headers)
                    return (response.status, String(buffer: response.body))
                }
                let signedCookie: HTTPFields = [.cookie: "\(SessionCookie.name)=\(cookie.value(for: signedIn.id))"]
                #expect(try await status("/session/me", signedCookie) == (.ok, uid))
                // A session without a token, a forged signature, an unknown session, no cookie.
                let anonymousCookie: HTTPFields = [
                    .cookie: "\(SessionCookie.name)=\(cookie.value(for: anonymous.id))"
                ]
                #expect(try await status("/session/me", anonymousCookie).0 == .unauthorized)
                let forged: HTTPFields = [.cookie: "\(SessionCookie.name)=\(signedIn.id).AAAA"]
                #expect(try await status("/session/me", forged).0 == .unauthorized)
                let unknownID = String(repeating: "0", count: 64)
                let unknown: HTTPFields = [.cookie: "\(SessionCookie.name)=\(cookie.value(for: unknownID))"]
                #expect(try await status("/session/me", unknown).0 == .unauthorized)
                // This source ignores a bearer header; the default one reads it.
                let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
                #expect(try await status("/session/me", bearer).0 == .unauthorized)
                #expect(try await status("/bearer/me", bearer).0 == .ok)
                #expect(try await status("/bearer/me", signedCookie).0 == .unauthorized)
                // Signed out: the session has no token any more.
                await sessions.update(signedIn.id) { $0.accessToken = nil }
                #expect(try await status("/session/me", signedCookie).0 == .unauthorized)
            }
            try await sdk.shutdown()
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }
}

/// Registers a verified user through the app and signs the browser in; returns the email.
func signedInBrowser(_ browser: inout Browser, emulator: LoginRadiusEmulator) async throws -> String {
    let email = "ada+\(UUID().uuidString.prefix(8).lowercased())@example.com"
    _ = try await browser.get("/register")
    _ = try await browser.post(
        "/register", ["firstName": "Ada", "lastName": "Lovelace", "email": email, "password": "first-pass-1"])
    let inbox = try await fetch("\(emulator.baseURL)emulator/inbox")
    let link = try #require(firstLink(in: inbox, containing: "/verify?"))
    _ = try await browser.get(pathAndQuery(of: link))
    _ = try await browser.get("/login")
    let login = try await browser.post("/login", ["email": email, "password": "first-pass-1"])
    #expect(login.location == "/profile")
    return email
}

/// The access token the browser's session holds (server-side).
func currentToken(_ demo: DemoWebApp, _ browser: Browser) async -> String? {
    guard let value = browser.cookie?.split(separator: "=", maxSplits: 1).last.map(String.init),
        let id = demo.cookie.sessionID(from: value)
    else { return nil }
    return await demo.services.sessions.accessToken(sessionID: id)
}
