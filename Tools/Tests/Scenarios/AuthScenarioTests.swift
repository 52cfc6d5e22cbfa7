import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("LRAuth scenarios: risk-based authentication logins and sliding tokens")
struct AuthScenarioTests {
    @Test("risk-based logins by email and user name log in like normal logins and record their template flags")
    func riskBasedLogins() async throws {
        try await EmulatorHarness.run { scenario in
            let rba = scenario.client.riskBasedAuthentication
            let email = EmulatorHarness.newEmail("rba")
            let registered = try await scenario.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let uid = try #require(registered.profile?.uid)

            let byEmail = try await rba.rbaLoginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"),
                rbaBrowserEmailTemplate: "new-browser", rbaCityEmailTemplate: "new-city",
                rbaOTPSMSTemplate: "rba-otp")
            let token = try #require(byEmail.accessToken)
            #expect(byEmail.profile?.uid == uid)
            #expect(byEmail.profile?.noOfLogins == 3)
            #expect(try await scenario.client.authentication.getProfileByAccessToken(accessToken: token).uid == uid)

            let username = EmulatorHarness.newUsername("rba")
            _ = try await scenario.client.authentication.setOrChangeUserName(accessToken: token, userName: username)
            let byName = try await rba.rbaLoginByUserName(
                UserNameAuthenticationModel(password: "Secret-pass-1", userName: username),
                passwordDelegation: true, rbaIPEmailTemplate: "new-ip")
            #expect(byName.profile?.userName == username)
            #expect(byName.accessToken != nil && byName.accessToken != token)

            await expectAPIError(966) {
                try await rba.rbaLoginByEmail(
                    EmailAuthenticationModel(email: email, password: "Wrong-pass-1"),
                    rbaBrowserEmailTemplate: "new-browser")
            }

            let records = await scenario.emulator.riskBasedLogins()
            #expect(records.count == 2)
            #expect(records.allSatisfy { $0.uid == uid })
            #expect(
                records.first?.parameters == [
                    "rbaBrowserEmailTemplate": "new-browser", "rbaCityEmailTemplate": "new-city",
                    "rbaOTPSmsTemplate": "rba-otp",
                ])
            #expect(records.last?.parameters["rbaIpEmailTemplate"] == "new-ip")
            #expect(records.last?.parameters["passwordDelegation"] == "true")
        }
    }

    @Test("a sliding token replaces a live or expired access token; the old one stops working")
    func slidingToken() async throws {
        let clock = TestClock()
        let configureEmulator: (inout EmulatorConfiguration) -> Void = {
            $0.now = { clock.now() }
            $0.accessTokenLifetime = .seconds(600)
        }
        try await EmulatorHarness.run(emulator: configureEmulator) { scenario in
            let auth = scenario.client.authentication
            let login = try await scenario.registerVerifiedUser(
                email: EmulatorHarness.newEmail("slide"), password: "Secret-pass-1")
            let first = try #require(login.accessToken)
            let firstExpiry = try #require(login.expiresIn?.date)

            clock.advance(by: 300)
            let slid = try await scenario.client.slidingToken.slidingAccessToken(accessToken: first)
            let second = try #require(slid.accessToken)
            #expect(second != first)
            #expect(slid.refreshToken == login.refreshToken)
            let secondExpiry = try #require(slid.expiresIn?.date)
            #expect(secondExpiry.timeIntervalSince(firstExpiry) > 290)
            await expectAPIError(905) { try await auth.getProfileByAccessToken(accessToken: first) }
            #expect(try await auth.getProfileByAccessToken(accessToken: second).uid == login.profile?.uid)

            clock.advance(by: 700)
            await expectAPIError(906) { try await auth.getProfileByAccessToken(accessToken: second) }
            let revived = try await scenario.client.slidingToken.slidingAccessToken(accessToken: second)
            let third = try #require(revived.accessToken)
            #expect(try await auth.getProfileByAccessToken(accessToken: third).uid == login.profile?.uid)
            #expect(revived.expiresIn?.date.map { $0 > clock.now() } == true)

            _ = try await auth.invalidateAccessToken(accessToken: third)
            await expectAPIError(905) { try await scenario.client.slidingToken.slidingAccessToken(accessToken: third) }
        }
    }
}
