// Runs `lr` in-process and captures what it prints; the `lr` calls on the shared emulator harness.
import Foundation
import LRCommandLine
import LREmulator
import LRTestSupport
import Synchronization

/// What one in-process `lr` run printed, and its exit status.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// The standard output parsed as a JSON object.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(standardOutput.utf8))) as? [String: Any]
    }

    var description: String {
        "status \(status)\n--- stdout\n\(standardOutput)\n--- stderr\n\(standardError)"
    }
}

/// Collects what a command writes.
final class OutputCapture: Sendable {
    private let output = Mutex(Data())
    private let error = Mutex(Data())

    var standardOutput: String { output.withLock { String(decoding: $0, as: UTF8.self) } }
    var standardError: String { error.withLock { String(decoding: $0, as: UTF8.self) } }

    func context(environment: [String: String], standardInput: String) -> CLIContext {
        let input = Data(standardInput.utf8)
        return CLIContext(
            environment: environment,
            readStandardInput: { input },
            writeStandardOutput: { data in self.output.withLock { $0.append(data) } },
            writeStandardError: { data in self.error.withLock { $0.append(data) } }
        )
    }
}

/// Runs `lr` in-process with `arguments`, `environment` (nothing from the process) and `standardInput`.
func lr(_ arguments: [String], environment: [String: String] = [:], standardInput: String = "") async -> CLIResult {
    let capture = OutputCapture()
    let status = await CLIContext.$current.withValue(
        capture.context(environment: environment, standardInput: standardInput)
    ) {
        await LRCommandLine.execute(arguments: arguments)
    }
    return CLIResult(status: status, standardOutput: capture.standardOutput, standardError: capture.standardError)
}

extension EmulatorHarness {
    /// Runs `lr` against this emulator.
    func lr(_ arguments: [String], standardInput: String = "") async -> CLIResult {
        await LRCLITests.lr(arguments, environment: environment, standardInput: standardInput)
    }

    /// Creates a verified account with `email` and `password` through `lr account create-account`,
    /// and returns its profile.
    func createAccount(email: String, password: String) async throws -> [String: Any] {
        let body = """
            {"Email": [{"Type": "Primary", "Value": "\(email)"}], "Password": "\(password)", "EmailVerified": true}
            """
        let result = await lr(["account", "create-account", "--body", "-", "--first-name", "Ada"], standardInput: body)
        guard result.status == 0, let profile = result.json else { throw HarnessError("create-account: \(result)") }
        return profile
    }

    /// Logs `email` in through `lr authentication login-by-email` and returns the access token.
    func accessToken(email: String, password: String) async throws -> String {
        let result = await lr(["authentication", "login-by-email", "--email", email, "--password", password])
        guard let token = result.json?["access_token"] as? String else { throw HarnessError("login: \(result)") }
        return token
    }
}

/// Whether `text` reports a LoginRadius error with a numeric code, e.g. `LoginRadius error 966 (HTTP 401): …`.
func reportsLoginRadiusError(_ text: String) -> Bool {
    text.contains(/lr: LoginRadius error \d+ \(HTTP \d{3}\): \S/)
}
