// The Tools tests' one emulator harness: an in-process LoginRadius emulator on a free 127.0.0.1
// port, an SDK client (real libcurl transport) pointed at it, fresh test data, the outbox's
// OTPs and links, users registered the way a journey starts, and raw HTTP for what the SDK
// cannot show.
import Foundation
import LREmulator
import LoginRadius

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

package struct EmulatorHarness: Sendable {
    package let emulator: LoginRadiusEmulator
    /// A client of the emulator with its default key and secret; `configURL` is the emulator too
    /// (`ciam/appinfo`).
    package let client: LoginRadiusClient
    /// The emulator's address, ending in `/`.
    package let baseURL: String

    /// Starts a fresh emulator (port 0, cheap password hashing unless `emulator` says otherwise)
    /// and a client of it; call `stop()` when done, or use `run`.
    package static func start(
        emulator configureEmulator: (inout EmulatorConfiguration) -> Void = { _ in },
        client configureClient: (inout LoginRadiusConfiguration) -> Void = { _ in }
    ) async throws -> EmulatorHarness {
        var emulatorConfiguration = EmulatorConfiguration(port: 0, passwordHashRounds: 1_000)
        configureEmulator(&emulatorConfiguration)
        let emulator = LoginRadiusEmulator(configuration: emulatorConfiguration)
        let baseURL = try await emulator.start().absoluteString
        do {
            var configuration = try LoginRadiusConfiguration(
                apiKey: emulatorConfiguration.apiKey, apiSecret: emulatorConfiguration.apiSecret,
                baseURL: baseURL, configURL: baseURL, connectTimeout: .seconds(2), requestTimeout: .seconds(10))
            configureClient(&configuration)
            let client = try LoginRadiusClient(configuration: configuration)
            return EmulatorHarness(emulator: emulator, client: client, baseURL: baseURL)
        } catch {
            await emulator.stop()
            throw error
        }
    }

    /// Runs `body` against a fresh emulator and always stops it.
    @discardableResult
    package static func run<Value>(
        emulator configureEmulator: (inout EmulatorConfiguration) -> Void = { _ in },
        client configureClient: (inout LoginRadiusConfiguration) -> Void = { _ in },
        _ body: (EmulatorHarness) async throws -> Value
    ) async throws -> Value {
        let harness = try await start(emulator: configureEmulator, client: configureClient)
        do {
            let value = try await body(harness)
            await harness.stop()
            return value
        } catch {
            await harness.stop()
            throw error
        }
    }

    package func stop() async {
        await emulator.stop()
    }

    // MARK: Test data

    /// A fresh, unique email address.
    package static func newEmail(_ prefix: String = "user") -> String {
        "\(prefix)+\(UUID().uuidString.prefix(8).lowercased())@example.com"
    }

    /// A fresh, unique user name.
    package static func newUsername(_ prefix: String = "user") -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A fresh E.164-style number, `+1555` and seven digits.
    package static func newPhone() -> String {
        "+1555" + String(Int.random(in: 1_000_000...9_999_999))
    }

    /// The environment that points `lr` at this emulator.
    package var environment: [String: String] {
        [
            "LOGINRADIUS_API_KEY": client.configuration.apiKey,
            "LOGINRADIUS_API_SECRET": client.configuration.apiSecret,
            "LOGINRADIUS_BASE_URL": baseURL,
        ]
    }

    // MARK: Outbox

    /// The newest message to `recipient` (any case) with `purpose`.
    package func message(to recipient: String, purpose: OutboxMessage.Purpose) async throws -> OutboxMessage {
        let message = await emulator.outbox().last {
            $0.recipient.lowercased() == recipient.lowercased() && $0.purpose == purpose
        }
        guard let message else { throw HarnessError("no \(purpose) message for \(recipient)") }
        return message
    }

    /// The OTP of the newest message to `recipient` with `purpose`.
    package func otp(to recipient: String, purpose: OutboxMessage.Purpose) async throws -> String {
        guard let otp = try await message(to: recipient, purpose: purpose).otp else {
            throw HarnessError("the \(purpose) message for \(recipient) has no OTP")
        }
        return otp
    }

    /// The link token of the newest message to `recipient` with `purpose`.
    package func token(to recipient: String, purpose: OutboxMessage.Purpose) async throws -> String {
        guard let token = try await message(to: recipient, purpose: purpose).token else {
            throw HarnessError("the \(purpose) message for \(recipient) has no token")
        }
        return token
    }

    // MARK: Users

    /// Registers an email user with a SOTT (extra registration fields in `additionalFields`),
    /// verifies the email from the outbox and logs in: the common start of a journey.
    package func registerVerifiedUser(
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

    /// Registers a phone user and verifies the phone with the SMS OTP (which logs in).
    package func registerPhoneUser(phone: String, password: String) async throws -> AccessToken<Identity> {
        _ = try await client.phoneAuthentication.userRegistrationByPhone(
            AuthUserRegistrationModel(firstName: "Grace", password: password, phoneID: phone),
            sott: try client.configuration.generateSOTT())
        return try await client.phoneAuthentication.phoneVerificationByOTP(
            otp: try await otp(to: phone, purpose: .phoneVerification), phone: phone)
    }

    /// Creates an account with the API secret, its email already verified.
    package func createVerifiedAccount(email: String, password: String, firstName: String = "Ada") async throws
        -> Identity
    {
        try await client.account.createAccount(
            AccountCreateModel(
                email: [EmailAddress(type: "Primary", value: email)], firstName: firstName, lastName: "Lovelace",
                password: password, additionalFields: ["EmailVerified": true]))
    }

    // MARK: Emulator-only endpoints and raw HTTP

    /// A token of the emulator's fake social provider (`POST emulator/v1/social/token`).
    package func mintSocialToken(provider: String, id: String, email: String? = nil, firstName: String? = nil)
        async throws -> String
    {
        var body: [String: String] = ["provider": provider, "id": id]
        body["email"] = email
        body["firstName"] = firstName
        let reply = try await rawJSON("POST", "emulator/v1/social/token", body: try JSONEncoder().encode(body))
        guard let token = reply.object["token"] as? String else {
            throw HarnessError("no token minted: \(reply.object)")
        }
        return token
    }

    /// A raw request (path relative to `baseURL`), for what the SDK cannot show (e.g. the `Data`
    /// of an error body).
    package func rawJSON(_ method: String, _ path: String, body: Data? = nil) async throws -> (
        status: Int, object: [String: Any]
    ) {
        guard let url = URL(string: baseURL + path) else { throw HarnessError("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }
}

package struct HarnessError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
