import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("SOTT from LoginRadius's server time")
struct ServerTimeSOTTTests {
    @Test("a SOTT made from the server-info window registers a user")
    func serverTimeSOTT() async throws {
        try await EmulatorHarness.run { harness in
            let info = try await harness.client.configurationAPI.getServerInfo(timeDifference: 10)
            let start = try #require(info.sott?.startTime?.rawValue)
            let end = try #require(info.sott?.endTime?.rawValue)
            let sott = try await harness.client.configurationAPI.generateSOTTWithServerTime(validFor: 10)
            let startDate = try #require(LoginRadiusDate(rawValue: start).date)
            let endDate = try #require(LoginRadiusDate(rawValue: end).date)
            #expect(endDate.timeIntervalSince(startDate) == 600)
            #expect(sott.contains("*"))
            let reply = try await harness.client.authentication.userRegistrationByEmail(
                AuthUserRegistrationModel(
                    email: [EmailAddress(type: "Primary", value: EmulatorHarness.newEmail())], password: "Secret-pass-1"
                ),
                sott: sott)
            #expect(reply.isPosted == true)
        }
    }
}
