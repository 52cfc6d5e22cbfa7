// The other flows of the demo over HTTP on loopback: passwordless login, update account, MFA
// (authenticator app) enable and login, roles, account linking, forgot/reset password, social
// login and set password. Links come from the emulator's outbox, as a person reads their mail.
import Crypto
import Foundation
import HummingbirdTesting
import LREmulator
import Testing

@Suite("lr-demo-web flows")
struct DemoWebFlowTests {
    @Test("passwordless, account update, MFA, roles, linking, forgot/reset password")
    func accountFlows() async throws {
        try await withDemoApp { client, emulator in
            var browser = Browser(client: client)
            let email = "ada+\(UUID().uuidString.prefix(8).lowercased())@example.com"
            _ = try await browser.get("/register")
            _ = try await browser.post(
                "/register", ["firstName": "Ada", "lastName": "Lovelace", "email": email, "password": "first-pass-1"])
            let verification = try #require(await latestLink(emulator, to: email, purpose: "verification"))
            #expect(try await browser.get(pathAndQuery(of: verification)).text.contains("Email verified"))

            // Passwordless: the emailed link signs the browser in.
            let sent = try await browser.post("/passwordless", ["email": email])
            #expect(sent.text.contains("We sent a login link"))
            let loginLink = try #require(await latestLink(emulator, to: email, purpose: "passwordlessLogin"))
            #expect(loginLink.contains("/passwordless/verify?"))
            #expect(try await browser.get(pathAndQuery(of: loginLink)).location == "/profile")
            #expect(try await browser.get("/profile").text.contains("Logged in with your email link."))

            // Update account.
            #expect(
                try await browser.post("/account", ["firstName": "Augusta", "lastName": "Lovelace"]).location
                    == "/profile")
            #expect(try await browser.get("/profile").text.contains("Augusta Lovelace"))

            // MFA: enable the authenticator app with a code computed from the key on the page.
            let settings = try await browser.get("/mfa")
            let secret = try #require(firstMatch(#"id="mfa-secret">([A-Z2-7]+)<"#, in: settings.text))
            #expect(try await browser.post("/mfa/enable", ["code": totp(secret)]).location == "/mfa")
            #expect(try await browser.get("/mfa").text.contains("<strong>enabled</strong>"))

            // Roles: create one, assign it to yourself.
            #expect(
                try await browser.post("/roles/create", ["name": "editor", "permissions": "read, write"]).location
                    == "/roles")
            #expect(try await browser.post("/roles/assign", ["role": "editor"]).location == "/roles")
            let roles = try await browser.get("/roles")
            #expect(roles.text.contains("<span class=\"tag my-role\">editor</span>"))
            #expect(roles.text.contains("read, write"))

            // Account linking through the emulator's fake provider.
            #expect(try await browser.post("/linking/link", ["provider": "facebook"]).location == "/linking")
            let linking = try await browser.get("/linking")
            #expect(linking.text.contains("Linked your facebook account."))
            #expect(linking.text.contains("<td>facebook</td>"))

            // Log out; the password login now asks for the authenticator code.
            _ = try await browser.post("/logout", [:])
            _ = try await browser.get("/login")
            #expect(
                try await browser.post("/login", ["email": email, "password": "first-pass-1"]).location == "/login/mfa")
            _ = try await browser.get("/login/mfa")
            #expect(try await browser.post("/login/mfa", ["code": "000000"]).status != .seeOther)
            #expect(try await browser.post("/login/mfa", ["code": totp(secret)]).location == "/profile")

            // Forgot / reset password by the emailed link.
            _ = try await browser.post("/logout", [:])
            _ = try await browser.get("/forgot-password")
            #expect(try await browser.post("/forgot-password", ["email": email]).text.contains("password reset link"))
            let resetLink = try #require(await latestLink(emulator, to: email, purpose: "passwordReset"))
            let resetPage = try await browser.get(pathAndQuery(of: resetLink))
            let resetToken = try #require(firstMatch(#"name="resetToken" value="([0-9a-f]+)""#, in: resetPage.text))
            let reset = try await browser.post(
                "/reset-password", ["resetToken": resetToken, "password": "reset-pass-3"])
            #expect(reset.location == "/login")
            _ = try await browser.get("/login")
            #expect(
                try await browser.post("/login", ["email": email, "password": "reset-pass-3"]).location == "/login/mfa")
        }
    }

    @Test("social login through the emulator's fake provider, then set a password")
    func socialLogin() async throws {
        try await withDemoApp { client, _ in
            var browser = Browser(client: client)
            _ = try await browser.get("/social")
            let email = "grace+\(UUID().uuidString.prefix(8).lowercased())@example.com"
            let login = try await browser.post(
                "/social", ["provider": "google", "email": email, "firstName": "Grace", "lastName": "Hopper"])
            #expect(login.location == "/profile")
            let profile = try await browser.get("/profile")
            #expect(profile.text.contains("Grace Hopper"))
            #expect(profile.text.contains("Logged in with google."))
            #expect(try await browser.post("/set-password", ["password": "social-pass-1"]).location == "/profile")
            #expect(try await browser.get("/profile").text.contains("Password set."))

            // The password now works for a traditional login.
            _ = try await browser.post("/logout", [:])
            _ = try await browser.get("/login")
            #expect(
                try await browser.post("/login", ["email": email, "password": "social-pass-1"]).location == "/profile")
        }
    }

    @Test("pages for signed-in users redirect to the login page")
    func signInRequired() async throws {
        try await withDemoApp { client, _ in
            var browser = Browser(client: client)
            for page in ["/profile", "/account", "/mfa", "/linking", "/custom-objects", "/roles", "/change-password"] {
                let response = try await browser.get(page)
                #expect(response.location == "/login", "\(page)")
            }
        }
    }
}

/// The link of the newest outbox message of `purpose` to `recipient`.
func latestLink(_ emulator: LoginRadiusEmulator, to recipient: String, purpose: String) async -> String? {
    await emulator.outbox().last { $0.recipient == recipient && $0.purpose.rawValue == purpose }?.link
}

/// RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) for a Base32 secret, as an authenticator app shows.
func totp(_ secret: String, at date: Date = Date()) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    var key: [UInt8] = []
    var buffer = 0
    var bits = 0
    for character in secret.uppercased() {
        guard let index = alphabet.firstIndex(of: character) else { continue }
        buffer = ((buffer << 5) | index) & 0xFFFF
        bits += 5
        if bits >= 8 {
            key.append(UInt8((buffer >> (bits - 8)) & 0xFF))
            bits -= 8
        }
    }
    var counter = UInt64(date.timeIntervalSince1970 / 30).bigEndian
    let message = withUnsafeBytes(of: &counter) { Data($0) }
    let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    let offset = Int(mac[mac.count - 1] & 0x0F)
    let code =
        (UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
            | UInt32(mac[offset + 3])) % 1_000_000
    return String(format: "%06d", code)
}
