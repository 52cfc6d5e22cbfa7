import Foundation
import LREmulator
import LoginRadius
import Testing

@Suite("SOTT from LoginRadius's server time")
struct ServerTimeSOTTTests {
    @Test("a SOTT made from the server-info window registers a user")
    func serverTimeSOTT() async throws {
        try await withEmulator { harness in
            let info = try await harness.client.configurationAPI.getServerInfo(timeDifference: 10)
            let start = try #require(info.sott?.startTime?.rawValue)
            let end = try #require(info.sott?.endTime?.rawValue)
            let sott = try await harness.client.configurationAPI.generateSOTTWithServerTime(validFor: 10)
            #expect(sott == (try SOTT.generate(
                apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                startTime: start, endTime: end)))
            let reply = try await harness.client.authentication.userRegistrationByEmail(
                authUserRegistrationModel: AuthUserRegistrationModel(
                    email: [EmailAddress(type: "Primary", value: EmulatorHarness.newEmail())], password: "Secret-pass-1"),
                sott: sott)
            #expect(reply.isPosted == true)
        }
    }
}
