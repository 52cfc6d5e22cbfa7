import ConsumerApp
import LRAuth
import LRCore
import LREmulator
import Testing

@Suite("A user's tests against the in-process emulator")
struct SignUpTests {
    @Test("start the emulator, point a client at it, register, read the outbox, log in")
    func logIn() async throws {
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
        let baseURL = try await emulator.start()
        let client = try LoginRadiusClient(
            configuration: LoginRadiusConfiguration(
                apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                baseURL: baseURL.absoluteString))
        let email = "ada@example.com"
        _ = try await client.authentication.userRegistrationByEmail(
            AuthUserRegistrationModel(
                email: [EmailAddress(type: "Primary", value: email)], password: "Secret-pass-1"),
            sott: try emulator.makeSOTT())
        let token = try #require(await emulator.outbox().last { $0.purpose == .verification }?.token)
        _ = try await client.authentication.verifyEmail(verificationToken: token)
        let accessToken = try await SignUp(authentication: client.authentication).logIn(
            email: email, password: "Secret-pass-1")
        #expect(accessToken != nil)
        await emulator.stop()
    }
}
