import Foundation
import LRCommandLine
import Testing

@Suite("lr: commands, options and help")
struct ArgumentParsingTests {
    @Test("lr --help lists every API group in kebab case")
    func rootHelpListsGroups() async {
        let result = await lr(["--help"])
        #expect(result.status == 0, "\(result)")
        for group in [
            "authentication", "phone-authentication", "password-less-login", "account", "web-hook", "emulator",
        ] {
            #expect(result.standardOutput.contains("  \(group)"), "missing \(group)")
        }
        #expect(LRCommandLine.groupNames.count == 19)
        #expect(LRCommandLine.operationCount == 210)
        #expect(LRCommandLine.groupNames.contains("sott-api"), "the sott group must not clash with `lr sott`")
    }

    @Test("an operation's help lists its parameters and body members with their docs")
    func operationHelpListsParameters() async {
        let result = await lr(["authentication", "login-by-email", "--help"])
        #expect(result.status == 0, "\(result)")
        let help = result.standardOutput
        #expect(help.contains("POST identity/v2/auth/login"))
        #expect(help.contains("--email <email>"))
        #expect(help.contains("The user's password."))
        #expect(help.contains("--email-template <email-template>"))
        #expect(help.contains("Email template name."))
        #expect(help.contains("--body <file>"))
        #expect(help.contains("--api-key <key>"))
        #expect(help.contains("https://www.loginradius.com/"))
    }

    @Test("a missing required string option is a usage error, exit 64")
    func missingRequiredOption() async {
        let result = await lr(["authentication", "get-security-questions-by-email"])
        #expect(result.status == 64, "\(result)")
        #expect(result.standardError.contains("--email"))
    }

    @Test("an unknown operation is a usage error")
    func unknownOperation() async {
        let result = await lr(["authentication", "log-in-somehow"])
        #expect(result.status == 64, "\(result)")
    }

    @Test("a required body with neither --body nor member options is refused before sending")
    func missingBody() async {
        let result = await lr(
            ["authentication", "login-by-email"], environment: ["LOGINRADIUS_API_KEY": "key"]
        )
        #expect(result.status == 64, "\(result)")
        #expect(result.standardError.contains("Missing the body"))
        #expect(result.standardError.contains("lr authentication login-by-email --help"))
    }

    @Test("a body file that is not JSON is refused with the model's name")
    func invalidBodyFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lr-body-\(UUID().uuidString).json")
        try Data("{not json".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = await lr(
            ["account", "create-account", "--body", file.path],
            environment: ["LOGINRADIUS_API_KEY": "key", "LOGINRADIUS_API_SECRET": "secret"]
        )
        #expect(result.status == 64, "\(result)")
        #expect(result.standardError.contains("is not AccountCreateModel JSON"))
    }

    @Test("a missing body file is refused")
    func missingBodyFile() async {
        let result = await lr(
            ["account", "create-account", "--body", "/nonexistent/body.json"],
            environment: ["LOGINRADIUS_API_KEY": "key", "LOGINRADIUS_API_SECRET": "secret"]
        )
        #expect(result.status == 64, "\(result)")
        #expect(result.standardError.contains("Cannot read --body /nonexistent/body.json"))
    }

    @Test("an operation that sends the secret needs one; the message names the variable, not a value")
    func missingSecret() async {
        let result = await lr(
            ["account", "get-account-profile-by-email", "--email", "ada@example.com"],
            environment: ["LOGINRADIUS_API_KEY": "key"]
        )
        #expect(result.status == 64, "\(result)")
        #expect(result.standardError.contains("LOGINRADIUS_API_SECRET"))
    }

    @Test("no API key at all is a usage error")
    func missingKey() async {
        let result = await lr(["authentication", "check-email-availability", "--email", "ada@example.com"])
        #expect(result.status == 64, "\(result)")
        #expect(result.standardError.contains("LOGINRADIUS_API_KEY"))
    }

    @Test("boolean options take --x, --no-x, --x true|false and --x=true|false")
    func booleanSpellings() {
        let command = ["account", "update-account-by-uid"]
        #expect(
            LRCommandLine.normalizingBooleans(command + ["--null-support", "false", "--uid", "u"])
                == command + ["--no-null-support", "--uid", "u"]
        )
        #expect(
            LRCommandLine.normalizingBooleans(command + ["--null-support=TRUE"]) == command + ["--null-support"]
        )
        #expect(LRCommandLine.normalizingBooleans(command + ["--null-support"]) == command + ["--null-support"])
        // A string option's value is never rewritten, nor is anything after `--`.
        #expect(
            LRCommandLine.normalizingBooleans(command + ["--fields", "true"]) == command + ["--fields", "true"]
        )
        #expect(
            LRCommandLine.normalizingBooleans(command + ["--", "--null-support", "true"])
                == command + ["--", "--null-support", "true"]
        )
    }

    @Test("a required boolean flag that is missing is a usage error")
    func requiredBoolean() async {
        let environment = ["LOGINRADIUS_API_KEY": "key", "LOGINRADIUS_BASE_URL": "http://127.0.0.1:9/"]
        let missing = await lr(
            ["consent-management", "verify-consent-by-access-token", "--access-token", "t", "--event", "Login"],
            environment: environment
        )
        #expect(missing.status == 64, "\(missing)")
        #expect(missing.standardError.contains("--is-custom"))
    }

    @Test("lr emulator validates its port")
    func emulatorPortValidation() async {
        let result = await lr(["emulator", "--port", "70000"])
        #expect(result.status == 64, "\(result)")
        #expect(result.standardError.contains("--port must be between 0 and 65535"))
    }

    @Test("lr emulator takes lr-emulator's rate-limit options and validates them")
    func emulatorRateLimitValidation() async {
        let negative = await lr(["emulator", "--rate-limit=-1"])
        #expect(negative.status == 64, "\(negative)")
        #expect(negative.standardError.contains("--rate-limit must not be negative"))
        let window = await lr(["emulator", "--rate-limit", "5", "--rate-limit-window", "0"])
        #expect(window.status == 64, "\(window)")
        #expect(window.standardError.contains("--rate-limit-window must be positive"))
    }

    @Test("a secret passed on the command line is never printed, even when the call fails")
    func secretIsNeverEchoed() async {
        let secret = "s3cr3t-\(UUID().uuidString)"
        let result = await lr(
            [
                "account", "get-account-profile-by-email", "--email", "ada@example.com", "--api-key", "key",
                "--api-secret", secret, "--base-url", "not a url",
            ]
        )
        #expect(result.status == 1, "\(result)")
        #expect(result.standardError.contains("Invalid configuration"))
        #expect(!result.standardOutput.contains(secret))
        #expect(!result.standardError.contains(secret))
    }
}
