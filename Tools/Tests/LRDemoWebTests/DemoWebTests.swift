// The demo web app over HTTP on loopback (Hummingbird's live test client), against the
// in-process emulator: the whole journey, CSRF rejection, cookie flags, and the emulator's
// inbox page.
import Foundation
import Hummingbird
import HummingbirdTesting
import LRDemoWeb
import LREmulator
import LoginRadius
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("lr-demo-web over HTTP")
struct DemoWebTests {
    @Test("register → inbox → verify → login → profile → change password → custom object → logout")
    func journey() async throws {
        try await withDemoApp { client, emulator in
            var browser = Browser(client: client)
            let email = "ada+\(UUID().uuidString.prefix(8).lowercased())@example.com"

            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Register"))
            #expect(try await browser.get("/register").status == .ok)

            let registered = try await browser.post(
                "/register", ["firstName": "Ada", "lastName": "Lovelace", "email": email, "password": "first-pass-1"])
            #expect(registered.status == .ok)
            #expect(registered.text.contains("Check your email"))

            // The emulator's inbox page lists the verification email with the app's link.
            let inbox = try await fetch("\(emulator.baseURL)emulator/inbox")
            #expect(inbox.contains("<meta http-equiv=\"refresh\""))
            #expect(inbox.contains(email))
            let link = try #require(firstLink(in: inbox, containing: "/verify?"))
            let verified = try await browser.get(pathAndQuery(of: link))
            #expect(verified.status == .ok)
            #expect(verified.text.contains("Email verified"))

            let anonymousCookie = browser.cookie
            let login = try await browser.post("/login", ["email": email, "password": "first-pass-1"])
            #expect(login.status == .seeOther)
            // Signing in moves the session to a new id (no session fixation).
            #expect(browser.cookie != anonymousCookie)
            #expect(login.location == "/profile")
            let profile = try await browser.get("/profile")
            #expect(profile.status == .ok)
            #expect(profile.text.contains("Ada Lovelace"))
            #expect(profile.text.contains(email))
            #expect(!profile.text.contains("access_token"))

            let changed = try await browser.post(
                "/change-password", ["oldPassword": "first-pass-1", "newPassword": "second-pass-2"])
            #expect(changed.location == "/profile")
            #expect(try await browser.get("/profile").text.contains("Password changed."))

            let created = try await browser.post(
                "/custom-objects", ["object": "preferences", "json": #"{"theme": "dark"}"#])
            #expect(created.status == .seeOther)
            let records = try await browser.get("/custom-objects?object=preferences")
            #expect(records.text.contains("Record created."))
            #expect(records.text.contains("<span id=\"record-count\">1</span>"))
            #expect(records.text.contains("&quot;theme&quot;:&quot;dark&quot;"))

            let logout = try await browser.post("/logout", [:])
            #expect(logout.location == "/")
            let afterLogout = try await browser.get("/profile")
            #expect(afterLogout.location == "/login")

            // The old password no longer works; the new one does. (Logging out renewed the
            // session, so the login form is loaded again for its new CSRF token.)
            _ = try await browser.get("/login")
            let oldLogin = try await browser.post("/login", ["email": email, "password": "first-pass-1"])
            #expect(oldLogin.status == .unauthorized)
            let newLogin = try await browser.post("/login", ["email": email, "password": "second-pass-2"])
            #expect(newLogin.location == "/profile")
        }
    }

    @Test("a POST without this session's CSRF token is refused with 403")
    func csrfRejection() async throws {
        try await withDemoApp { client, _ in
            var browser = Browser(client: client)
            _ = try await browser.get("/login")
            let missing = try await browser.post("/login", ["email": "a@example.com", "password": "x"], csrf: .omitted)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("This form has expired"))
            let wrong = try await browser.post(
                "/login", ["email": "a@example.com", "password": "x"], csrf: .value(String(repeating: "0", count: 64)))
            #expect(wrong.status == .forbidden)
            // Another browser's token does not work with this session either.
            var other = Browser(client: client)
            _ = try await other.get("/login")
            let foreign = try await browser.post(
                "/login", ["email": "a@example.com", "password": "x"], csrf: .value(other.csrf))
            #expect(foreign.status == .forbidden)
            // With the right token the form is processed (LoginRadius refuses the unknown user).
            let right = try await browser.post("/login", ["email": "a@example.com", "password": "x"])
            #expect(right.status == .badRequest)
        }
    }

    @Test("the session cookie is signed, HttpOnly, SameSite=Lax and holds only an id")
    func cookieFlags() async throws {
        try await withDemoApp { client, _ in
            let first = try await client.execute(uri: "/", method: .get)
            let setCookie = try #require(first.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(setCookie.contains("Path=/"))
            let value = try #require(
                setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init))
            let parts = value.split(separator: ".")
            #expect(parts.count == 2)
            #expect(parts.first?.count == 64)

            // The signed cookie keeps the session: no new cookie is issued.
            let again = try await client.execute(uri: "/", method: .get, headers: [.cookie: "lrdemo_session=\(value)"])
            #expect(again.headers[.setCookie] == nil)
            // A tampered cookie is ignored: a new session (and cookie) is issued.
            let tampered = "\(parts[0]).AAAA\(parts[1].dropFirst(4))"
            let forged = try await client.execute(
                uri: "/", method: .get, headers: [.cookie: "lrdemo_session=\(tampered)"])
            #expect(forged.headers[.setCookie] != nil)
        }
    }

    @Test("the emulator inbox escapes what it shows and lists the newest message first")
    func inboxEscapes() async throws {
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
        let baseURL = try await emulator.start()
        do {
            let client = try LoginRadiusClient(
                configuration: LoginRadiusConfiguration(
                    apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                    baseURL: "\(baseURL)"))
            for (index, url) in ["javascript:alert(1)", "https://app.test/verify"].enumerated() {
                _ = try await client.authentication.userRegistrationByEmail(
                    AuthUserRegistrationModel(
                        email: [EmailAddress(type: "Primary", value: "user\(index)@example.com")],
                        password: "password-1"),
                    sott: try emulator.makeSOTT(), emailTemplate: "<b>welcome</b>", verificationURL: url)
            }
            let page = try await fetch("\(baseURL)emulator/inbox")
            #expect(page.contains("&lt;b&gt;welcome&lt;/b&gt;"))
            #expect(!page.contains("<b>welcome</b>"))
            #expect(!page.contains("href=\"javascript:"))
            let newest = try #require(page.range(of: "user1@example.com"))
            let oldest = try #require(page.range(of: "user0@example.com"))
            #expect(newest.lowerBound < oldest.lowerBound)
            #expect(page.contains("href=\"https://app.test/verify?vtype=emailverification&amp;vtoken="))
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }
}

// MARK: - Helpers

/// Starts an emulator and the demo app on free loopback ports, runs `body` with a live client.
func withDemoApp(_ body: @escaping @Sendable (any TestClientProtocol, LoginRadiusEmulator) async throws -> Void)
    async throws
{
    try await withDemoApp { client, emulator, _ in try await body(client, emulator) }
}

/// Starts an emulator and the demo app on free loopback ports, runs `body` with a live client
/// and the app (for its validator), then shuts the app's LoginRadius client down.
func withDemoApp(
    _ body: @escaping @Sendable (any TestClientProtocol, LoginRadiusEmulator, DemoWebApp) async throws -> Void
) async throws {
    let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
    try await emulator.start()
    do {
        let demo = try await DemoWebApp(backend: .emulator(emulator))
        try await demo.makeApplication(port: 0, logLevel: .warning).test(.live) { client in
            try await body(client, emulator, demo)
        }
        try await demo.shutdown()
    } catch {
        await emulator.stop()
        throw error
    }
    await emulator.stop()
}

/// A minimal browser: keeps the session cookie and the last page's CSRF token; never follows
/// redirects, so that tests see them.
struct Browser {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    struct Page {
        let status: HTTPResponse.Status
        let text: String
        let location: String?
    }

    init(client: any TestClientProtocol) {
        self.client = client
    }

    mutating func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    /// Which CSRF token a POST carries.
    enum CSRF {
        /// The token from the last page, as a browser would send it.
        case fromPage
        case omitted
        case value(String?)
    }

    /// POSTs a form.
    mutating func post(_ uri: String, _ fields: [String: String], csrf token: CSRF = .fromPage) async throws -> Page {
        var fields = fields
        switch token {
        case .fromPage: fields["csrf"] = csrf
        case .omitted: fields["csrf"] = nil
        case .value(let value): fields["csrf"] = value
        }
        let body = fields.map { "\(formEncode($0.key))=\(formEncode($0.value))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    private mutating func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        if let setCookie = response.headers[.setCookie], let pair = setCookie.split(separator: ";").first {
            cookie = String(pair)
        }
        let text = String(buffer: response.body)
        if let token = firstMatch(#"name="csrf" value="([0-9a-f]{64})""#, in: text) { csrf = token }
        return Page(status: response.status, text: text, location: response.headers[.location])
    }
}

func formEncode(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}

func firstMatch(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
        let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
        let range = Range(match.range(at: 1), in: text)
    else { return nil }
    return String(text[range])
}

/// The first `href` in the inbox page whose URL contains `fragment`, HTML entities undone.
func firstLink(in html: String, containing fragment: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: #"href="([^"]+)""#) else { return nil }
    for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
        guard let range = Range(match.range(at: 1), in: html) else { continue }
        let link = html[range].replacingOccurrences(of: "&amp;", with: "&")
        if link.contains(fragment) { return link }
    }
    return nil
}

func pathAndQuery(of link: String) throws -> String {
    let components = try #require(URLComponents(string: link))
    return components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
}

/// GET over URLSession (the emulator's inbox page is a separate server).
func fetch(_ url: String) async throws -> String {
    let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url)))
    return String(decoding: data, as: UTF8.self)
}
