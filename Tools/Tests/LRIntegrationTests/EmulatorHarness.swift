import Foundation
import LREmulator
import LoginRadius

/// An emulator on a free loopback port and an SDK client (real libcurl transport) pointed at it.
struct EmulatorHarness {
    let emulator: LoginRadiusEmulator
    let client: LoginRadiusClient
    let baseURL: String

    static func start(
        configure: (inout LoginRadiusConfiguration) -> Void = { _ in }
    ) async throws -> EmulatorHarness {
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0, passwordHashRounds: 1_000))
        let baseURL = try await emulator.start().absoluteString
        var configuration = try LoginRadiusConfiguration(
            apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
            baseURL: baseURL, connectTimeout: .seconds(2), requestTimeout: .seconds(5))
        configure(&configuration)
        return EmulatorHarness(
            emulator: emulator, client: try LoginRadiusClient(configuration: configuration), baseURL: baseURL)
    }

    func stop() async {
        await emulator.stop()
    }

    /// A fresh, unique email address.
    static func newEmail() -> String {
        "user+\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    /// The newest token the outbox holds for `email` and `purpose`.
    func token(for email: String, purpose: OutboxMessage.Purpose) async throws -> String {
        let message = await emulator.outbox().last { $0.recipient == email && $0.purpose == purpose }
        guard let token = message?.token else { throw HarnessError("no \(purpose) message for \(email)") }
        return token
    }

    /// Registers `email`, verifies it from the outbox, and logs in: the common start of a journey.
    func registerVerifiedUser(email: String, password: String) async throws -> AccessToken<Identity> {
        _ = try await client.authentication.userRegistrationByEmail(
            AuthUserRegistrationModel(
                email: [EmailAddress(type: "Primary", value: email)], firstName: "Ada", lastName: "Lovelace",
                password: password),
            sott: try client.configuration.generateSOTT())
        _ = try await client.authentication.verifyEmail(
            verificationToken: try await token(for: email, purpose: .verification))
        return try await client.authentication.loginByEmail(
            EmailAuthenticationModel(email: email, password: password))
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` against a fresh emulator and always stops it.
func withEmulator(
    configure: (inout LoginRadiusConfiguration) -> Void = { _ in },
    _ body: (EmulatorHarness) async throws -> Void
) async throws {
    let harness = try await EmulatorHarness.start(configure: configure)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}
