// The user-factor scenarios' harness: an in-process emulator on a free 127.0.0.1 port, an SDK
// client (real libcurl transport) pointed at it, and helpers to read OTPs and links from the
// outbox, register users and mint tokens of the emulator's fake social provider.
import Foundation
import LREmulator
import LoginRadius
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

struct FactorHarness {
    let emulator: LoginRadiusEmulator
    let client: LoginRadiusClient
    let baseURL: String

    /// Runs `body` against a fresh emulator and always stops it.
    static func run(
        _ configure: (inout EmulatorConfiguration) -> Void = { _ in },
        _ body: (FactorHarness) async throws -> Void
    ) async throws {
        var emulatorConfiguration = EmulatorConfiguration(port: 0, passwordHashRounds: 1_000)
        configure(&emulatorConfiguration)
        let emulator = LoginRadiusEmulator(configuration: emulatorConfiguration)
        let baseURL = try await emulator.start().absoluteString
        do {
            let configuration = try LoginRadiusConfiguration(
                apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                baseURL: baseURL, connectTimeout: .seconds(2), requestTimeout: .seconds(5))
            let harness = FactorHarness(
                emulator: emulator, client: try LoginRadiusClient(configuration: configuration), baseURL: baseURL)
            try await body(harness)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    // MARK: Test data

    static func newEmail(_ name: String = "user") -> String {
        "\(name)+\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    /// A unique E.164-style number, `+1555` and seven digits.
    static func newPhone() -> String {
        "+1555" + String(Int.random(in: 1_000_000...9_999_999))
    }

    static func newUsername() -> String {
        "user_" + UUID().uuidString.prefix(8).lowercased()
    }

    // MARK: Outbox

    /// The newest message to `recipient` with `purpose`.
    func message(to recipient: String, purpose: OutboxMessage.Purpose) async throws -> OutboxMessage {
        let message = await emulator.outbox().last {
            $0.recipient.lowercased() == recipient.lowercased() && $0.purpose == purpose
        }
        guard let message else { throw FactorHarnessError("no \(purpose) message for \(recipient)") }
        return message
    }

    /// The OTP of the newest message to `recipient` with `purpose`.
    func otp(to recipient: String, purpose: OutboxMessage.Purpose) async throws -> String {
        guard let otp = try await message(to: recipient, purpose: purpose).otp else {
            throw FactorHarnessError("the \(purpose) message for \(recipient) has no OTP")
        }
        return otp
    }

    /// The link token of the newest message to `recipient` with `purpose`.
    func token(to recipient: String, purpose: OutboxMessage.Purpose) async throws -> String {
        guard let token = try await message(to: recipient, purpose: purpose).token else {
            throw FactorHarnessError("the \(purpose) message for \(recipient) has no token")
        }
        return token
    }

    // MARK: Users

    /// Registers an email user (extra registration fields in `additionalFields`), verifies the
    /// email from the outbox and logs in.
    func registerEmailUser(
        email: String, password: String, firstName: String = "Ada", additionalFields: [String: JSONValue] = [:]
    ) async throws -> AccessToken<Identity> {
        _ = try await client.authentication.userRegistrationByEmail(
            AuthUserRegistrationModel(
                email: [EmailAddress(type: "Primary", value: email)], firstName: firstName, lastName: "Lovelace",
                password: password, additionalFields: additionalFields),
            sott: try client.configuration.generateSOTT())
        _ = try await client.authentication.verifyEmail(
            verificationToken: try await token(to: email, purpose: .verification))
        return try await client.authentication.loginByEmail(
            EmailAuthenticationModel(email: email, password: password))
    }

    /// Registers a phone user, verifies the phone with the SMS OTP (which logs in).
    func registerPhoneUser(phone: String, password: String) async throws -> AccessToken<Identity> {
        _ = try await client.phoneAuthentication.userRegistrationByPhone(
            AuthUserRegistrationModel(
                firstName: "Grace", password: password, phoneID: phone),
            sott: try client.configuration.generateSOTT())
        return try await client.phoneAuthentication.phoneVerificationByOTP(
            otp: try await otp(to: phone, purpose: .phoneVerification), phone: phone)
    }

    // MARK: Emulator-only endpoints

    /// A token of the emulator's fake social provider (`POST emulator/v1/social/token`).
    func mintSocialToken(provider: String, id: String, email: String? = nil, firstName: String? = nil) async throws
        -> String
    {
        var body: [String: String] = ["provider": provider, "id": id]
        body["email"] = email
        body["firstName"] = firstName
        let reply = try await rawJSON("POST", "emulator/v1/social/token", body: try JSONEncoder().encode(body))
        guard let token = reply.object["token"] as? String else {
            throw FactorHarnessError("no token minted: \(reply.object)")
        }
        return token
    }

    /// A raw request, for what the SDK cannot show (e.g. the `Data` of an error body).
    func rawJSON(_ method: String, _ path: String, body: Data? = nil) async throws -> (
        status: Int, object: [String: Any]
    ) {
        guard let url = URL(string: baseURL + path) else { throw FactorHarnessError("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }
}

struct FactorHarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Expects `body` to fail with LoginRadius error `code`; returns the error for more checks.
@discardableResult
func factorExpectError<Value>(
    _ code: Int, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Value
) async -> APIError? {
    do {
        _ = try await body()
        Issue.record("expected LoginRadius error \(code), the call succeeded", sourceLocation: sourceLocation)
    } catch let caught as LoginRadiusError where caught.api != nil {
        let error = caught.api!
        #expect(error.errorCode == code, "expected \(code): \(error.errorDescription)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected LoginRadius error \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
