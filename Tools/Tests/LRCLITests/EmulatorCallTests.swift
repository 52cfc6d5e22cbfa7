import Foundation
import LRCommandLine
import LRTestSupport
import Testing

/// One call per module through `lr` against the in-process emulator (real libcurl, 127.0.0.1).
@Suite("lr: calls against the emulator, one per module")
struct EmulatorCallTests {
    @Test("LRAccount: create-account from --body - plus a member option, then read it back by email")
    func account() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            let profile = try await emulator.createAccount(email: email, password: "Cli-password-1")
            #expect(profile["FirstName"] as? String == "Ada")
            let uid = try #require(profile["Uid"] as? String)

            let read = await emulator.lr(["account", "get-account-profile-by-email", "--email", email])
            #expect(read.status == 0, "\(read)")
            #expect(read.json?["Uid"] as? String == uid)
            // Pretty JSON with sorted keys.
            #expect(read.standardOutput.hasPrefix("{\n"))
            let keys = read.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0) }
            #expect(keys == keys.sorted())
        }
    }

    @Test("LRAccount: create-account with --body FILE")
    func accountFromFile() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("lr-\(UUID().uuidString).json")
            let body = """
                {"Email": [{"Type": "Primary", "Value": "\(email)"}], "Password": "Cli-password-1", "FirstName": "Grace"}
                """
            try Data(body.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = await emulator.lr(["account", "create-account", "--body", file.path, "--last-name", "Hopper"])
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["FirstName"] as? String == "Grace")
            #expect(result.json?["LastName"] as? String == "Hopper")
        }
    }

    @Test("LRAuth: login-by-email with member options, --raw, and a refused login")
    func authentication() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            _ = try await emulator.createAccount(email: email, password: "Cli-password-1")

            let login = await emulator.lr(
                ["authentication", "login-by-email", "--email", email, "--password", "Cli-password-1"]
            )
            #expect(login.status == 0, "\(login)")
            let profile = try #require(login.json?["Profile"] as? [String: Any])
            #expect(profile["FirstName"] as? String == "Ada")
            #expect(login.json?["access_token"] is String)

            let raw = await emulator.lr(
                ["authentication", "login-by-email", "--email", email, "--password", "Cli-password-1", "--raw"]
            )
            #expect(raw.status == 0, "\(raw)")
            #expect(!raw.standardOutput.hasPrefix("{\n"), "--raw prints the server's bytes, not pretty JSON")
            #expect(raw.json?["access_token"] is String)

            let refused = await emulator.lr(
                ["authentication", "login-by-email", "--email", email, "--password", "Wrong-password-1"]
            )
            #expect(refused.status == 1, "\(refused)")
            #expect(reportsLoginRadiusError(refused.standardError), "\(refused)")
            #expect(refused.standardOutput.isEmpty)
        }
    }

    @Test("LRAuth: a blank required value is refused by the SDK before anything is sent")
    func blankRequiredValue() async throws {
        try await EmulatorHarness.run { emulator in
            let result = await emulator.lr(["authentication", "get-profile-by-access-token", "--access-token", " "])
            #expect(result.status == 1, "\(result)")
            #expect(result.standardError.contains("Invalid argument 'accessToken'"))
        }
    }

    @Test("LRConfiguration: get-server-info")
    func configuration() async throws {
        try await EmulatorHarness.run { emulator in
            let result = await emulator.lr(["configuration", "get-server-info"])
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["CurrentTime"] is String)
        }
    }

    @Test("LRCustomObject: create-custom-object-by-token with a JSON payload from standard input")
    func customObject() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            _ = try await emulator.createAccount(email: email, password: "Cli-password-1")
            let token = try await emulator.accessToken(email: email, password: "Cli-password-1")
            let result = await emulator.lr(
                [
                    "custom-object", "create-custom-object-by-token", "--access-token", token, "--object-name", "notes",
                    "--body", "-",
                ],
                standardInput: #"{"note": "hello"}"#
            )
            #expect(result.status == 0, "\(result)")
            #expect((result.json?["CustomObject"] as? [String: Any])?["note"] as? String == "hello")
        }
    }

    @Test("LRPhone: check-phone-number-availability")
    func phone() async throws {
        try await EmulatorHarness.run { emulator in
            let result = await emulator.lr([
                "phone-authentication", "check-phone-number-availability", "--phone", "+15555550123",
            ])
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["IsExist"] as? Bool == false)
        }
    }

    @Test("LRMFA: mfa-configure-by-access-token")
    func mfa() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            _ = try await emulator.createAccount(email: email, password: "Cli-password-1")
            let token = try await emulator.accessToken(email: email, password: "Cli-password-1")
            let result = await emulator.lr(["mfa", "mfa-configure-by-access-token", "--access-token", token])
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["IsAuthenticatorVerified"] as? Bool == false)
        }
    }

    @Test("LRPIN: an invalid PIN session token comes back as LoginRadius's error, exit 1")
    func pin() async throws {
        try await EmulatorHarness.run { emulator in
            let result = await emulator.lr([
                "pin-authentication", "invalidate-pin-session-token", "--session-token", "bogus",
            ])
            #expect(result.status == 1, "\(result)")
            #expect(reportsLoginRadiusError(result.standardError), "\(result)")
        }
    }

    @Test("LRReAuth: re-authentication without 2FA configured comes back as LoginRadius's error")
    func reAuthentication() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            _ = try await emulator.createAccount(email: email, password: "Cli-password-1")
            let token = try await emulator.accessToken(email: email, password: "Cli-password-1")
            let result = await emulator.lr(["re-authentication", "mfa-re-authenticate", "--access-token", token])
            #expect(result.status == 1, "\(result)")
            #expect(reportsLoginRadiusError(result.standardError), "\(result)")
        }
    }

    @Test("LRConsent: consent logs of a user without consents come back as LoginRadius's error")
    func consent() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            _ = try await emulator.createAccount(email: email, password: "Cli-password-1")
            let token = try await emulator.accessToken(email: email, password: "Cli-password-1")
            let result = await emulator.lr(["consent-management", "get-consent-logs", "--access-token", token])
            #expect(result.status == 1, "\(result)")
            #expect(reportsLoginRadiusError(result.standardError), "\(result)")
        }
    }

    @Test("LRSocial: validate-access-token accepts a token from login")
    func social() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            _ = try await emulator.createAccount(email: email, password: "Cli-password-1")
            let token = try await emulator.accessToken(email: email, password: "Cli-password-1")
            let result = await emulator.lr(["social", "validate-access-token", "--access-token", token])
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["access_token"] as? String == token)
        }
    }

    @Test("LRWebhook: list-all-webhooks")
    func webhook() async throws {
        try await EmulatorHarness.run { emulator in
            let result = await emulator.lr(["web-hook", "list-all-webhooks"])
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["Data"] is [Any])
        }
    }

    @Test("LRAccount: sott-api generate-sott (the SOTT group is renamed so `lr sott` stays local)")
    func sott() async throws {
        try await EmulatorHarness.run { emulator in
            let result = await emulator.lr(["sott-api", "generate-sott"])
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["Sott"] is String)
        }
    }

    @Test("a boolean option given as --x false reaches the server as false")
    func booleanValue() async throws {
        try await EmulatorHarness.run { emulator in
            let email = EmulatorHarness.newEmail("cli")
            let profile = try await emulator.createAccount(email: email, password: "Cli-password-1")
            let uid = try #require(profile["Uid"] as? String)
            let result = await emulator.lr(
                ["account", "update-account-by-uid", "--uid", uid, "--null-support", "false", "--first-name", "Grace"]
            )
            #expect(result.status == 0, "\(result)")
            #expect(result.json?["FirstName"] as? String == "Grace")
        }
    }
}
