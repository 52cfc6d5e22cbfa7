import Foundation
import LREmulator
import LoginRadius
import Testing

/// An emulator on a free loopback port and an SDK client (real libcurl transport) pointed at it,
/// for `ciam/appinfo` too (`configURL` is the emulator's address).
struct Scenario {
    let emulator: LoginRadiusEmulator
    let client: LoginRadiusClient
    let baseURL: String

    /// A fresh, unique email address.
    static func newEmail(_ prefix: String = "user") -> String {
        "\(prefix)+\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    /// A fresh, unique user name.
    static func newUsername(_ prefix: String = "user") -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A fresh, unique phone number.
    static func newPhone() -> String {
        "+1555" + String(Int.random(in: 1_000_000...9_999_999))
    }

    /// The newest token the outbox holds for `email` and `purpose`.
    func token(for email: String, purpose: OutboxMessage.Purpose) async throws -> String {
        let message = await emulator.outbox().last { $0.recipient == email && $0.purpose == purpose }
        return try #require(message?.token, "no \(purpose) message for \(email)")
    }

    /// Registers `email` with a SOTT, verifies it from the outbox and logs in.
    func registerVerifiedUser(email: String, password: String, firstName: String = "Ada") async throws -> AccessToken<
        Identity
    > {
        _ = try await client.authentication.userRegistrationByEmail(
            AuthUserRegistrationModel(
                email: [EmailAddress(type: "Primary", value: email)], firstName: firstName, lastName: "Lovelace",
                password: password),
            sott: try client.configuration.generateSOTT())
        _ = try await client.authentication.verifyEmail(
            verificationToken: try await token(for: email, purpose: .verification))
        return try await client.authentication.loginByEmail(
            EmailAuthenticationModel(email: email, password: password))
    }

    /// Creates an account with the API secret, its email already verified.
    func createVerifiedAccount(email: String, password: String, firstName: String = "Ada") async throws -> Identity {
        try await client.account.createAccount(
            AccountCreateModel(
                email: [EmailAddress(type: "Primary", value: email)], firstName: firstName, lastName: "Lovelace",
                password: password, additionalFields: ["EmailVerified": true]))
    }
}

/// Runs `body` against a fresh emulator and always stops it.
func withScenario(
    emulator configureEmulator: (inout EmulatorConfiguration) -> Void = { _ in },
    client configureClient: (inout LoginRadiusConfiguration) -> Void = { _ in },
    _ body: (Scenario) async throws -> Void
) async throws {
    var emulatorConfiguration = EmulatorConfiguration(port: 0)
    configureEmulator(&emulatorConfiguration)
    let emulator = LoginRadiusEmulator(configuration: emulatorConfiguration)
    let baseURL = try await emulator.start().absoluteString
    do {
        var configuration = try LoginRadiusConfiguration(
            apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
            baseURL: baseURL, configURL: baseURL, connectTimeout: .seconds(2), requestTimeout: .seconds(10))
        configureClient(&configuration)
        let scenario = Scenario(
            emulator: emulator, client: try LoginRadiusClient(configuration: configuration), baseURL: baseURL)
        try await body(scenario)
    } catch {
        await emulator.stop()
        throw error
    }
    await emulator.stop()
}

/// Expects `body` to fail with LoginRadius's error `code`; returns the error for more checks.
@discardableResult
func expectAPIError<Value>(
    _ code: Int, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Value
) async -> APIError? {
    do {
        _ = try await body()
        Issue.record("expected LoginRadius error \(code), the call succeeded", sourceLocation: sourceLocation)
    } catch let caught as LoginRadiusError where caught.api != nil {
        let error = caught.api!
        #expect(
            error.errorCode == code, "LoginRadius error \(error.errorCode): \(error.errorDescription)",
            sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected LoginRadius error \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A clock tests can move forward (for `EmulatorConfiguration.now`).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    func now() -> Date {
        lock.withLock { Date().addingTimeInterval(offset) }
    }

    func advance(by interval: TimeInterval) {
        lock.withLock { offset += interval }
    }
}
