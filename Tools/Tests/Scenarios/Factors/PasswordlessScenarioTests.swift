// LRAuth: passwordless login, smart login and one-touch login, with the links and OTPs read
// from the emulator's outbox.
import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Factor scenarios: passwordless, smart and one-touch login (LRAuth)")
struct PasswordlessScenarioTests {
    @Test("passwordless login by email link, email OTP, user name OTP and SMS OTP")
    func passwordlessJourney() async throws {
        try await EmulatorHarness.run { harness in
            let passwordless = harness.client.passwordlessLogin
            let email = EmulatorHarness.newEmail("nopass")
            let registered = try await harness.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let uid = try #require(registered.profile?.uid)
            let token = try #require(registered.accessToken)

            #expect(
                try await passwordless.passwordlessLoginByEmail(
                    email: email, passwordlessLoginTemplate: "magic-link",
                    verificationURL: "https://app.example.com/magic"
                ).isPosted == true)
            let message = try await harness.message(to: email, purpose: .passwordlessLogin)
            #expect(message.template == "magic-link")
            #expect(message.link?.hasPrefix("https://app.example.com/magic?vtype=passwordlesslogin&vtoken=") == true)
            let linkToken = try #require(message.token)
            let byLink = try await passwordless.passwordlessLoginVerification(
                verificationToken: linkToken, welcomeEmailTemplate: "welcome")
            #expect(byLink.profile?.uid == uid)
            #expect(byLink.accessToken?.isEmpty == false)
            #expect(try await harness.message(to: email, purpose: .welcome).template == "welcome")
            await expectAPIError(1062) {
                try await passwordless.passwordlessLoginVerification(verificationToken: linkToken)
            }
            await expectAPIError(938) {
                try await passwordless.passwordlessLoginByEmail(email: "nobody@example.com")
            }

            // The same email carries an OTP.
            _ = try await passwordless.passwordlessLoginByEmail(email: email)
            let byOTP = try await passwordless.passwordlessLoginVerificationByEmailAndOTP(
                .init(
                    email: email, otp: try await harness.otp(to: email, purpose: .passwordlessLogin)))
            #expect(byOTP.profile?.uid == uid)

            let username = EmulatorHarness.newUsername()
            _ = try await harness.client.authentication.setOrChangeUserName(accessToken: token, userName: username)
            _ = try await passwordless.passwordlessLoginByUserName(userName: username)
            await expectAPIError(1067) {
                try await passwordless.passwordlessLoginVerificationByUserNameAndOTP(
                    .init(userName: username, otp: "x"))
            }
            let byUsername = try await passwordless.passwordlessLoginVerificationByUserNameAndOTP(
                .init(
                    userName: username, otp: try await harness.otp(to: email, purpose: .passwordlessLogin)))
            #expect(byUsername.profile?.userName == username)

            // By phone.
            let phone = EmulatorHarness.newPhone()
            let phoneUser = try await harness.registerPhoneUser(phone: phone, password: "Secret-pass-1")
            let sms = try await passwordless.passwordlessLoginByPhone(phone: phone, smsTemplate: "otp-sms")
            let smsMessage = try await harness.message(to: phone, purpose: .passwordlessLogin)
            #expect(sms.data?.sid == smsMessage.id)
            #expect(smsMessage.template == "otp-sms")
            let byPhone = try await passwordless.passwordlessLoginPhoneVerification(
                .init(otp: try #require(smsMessage.otp), phone: phone))
            #expect(byPhone.profile?.uid == phoneUser.profile?.uid)
            #expect(byPhone.profile?.phoneIDVerified == true)
        }
    }

    @Test("smart login: email link approves the client GUID, the ping returns the session once")
    func smartLoginJourney() async throws {
        try await EmulatorHarness.run { harness in
            let smart = harness.client.smartLogin
            let email = EmulatorHarness.newEmail("smart")
            let registered = try await harness.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let clientGuid = UUID().uuidString.lowercased()

            #expect(
                try await smart.smartLoginByEmail(
                    clientGUID: clientGuid, email: email, redirectURL: "https://app.example.com/smart"
                ).isPosted == true)
            await expectAPIError(1139) { try await smart.smartLoginPing(clientGUID: clientGuid) }
            await expectAPIError(1136) { try await smart.smartLoginByEmail(clientGUID: clientGuid, email: email) }
            let message = try await harness.message(to: email, purpose: .smartLogin)
            #expect(message.link?.hasPrefix("https://app.example.com/smart?vtype=smartlogin&vtoken=") == true)
            let verified = try await smart.smartLoginTokenVerification(verificationToken: try #require(message.token))
            #expect(verified.isPosted == true)
            #expect(verified.isVerified == true)
            await expectAPIError(1137) {
                try await smart.smartLoginTokenVerification(verificationToken: try #require(message.token))
            }

            let session = try await smart.smartLoginPing(clientGUID: clientGuid)
            #expect(session.profile?.uid == registered.profile?.uid)
            let token = try #require(session.accessToken)
            #expect(
                try await harness.client.authentication.getProfileByAccessToken(accessToken: token).email?.first?.value
                    == email)
            await expectAPIError(1140) { try await smart.smartLoginPing(clientGUID: clientGuid) }

            // By user name.
            let username = EmulatorHarness.newUsername()
            _ = try await harness.client.authentication.setOrChangeUserName(accessToken: token, userName: username)
            let otherGuid = UUID().uuidString.lowercased()
            _ = try await smart.smartLoginByUserName(clientGUID: otherGuid, userName: username)
            _ = try await smart.smartLoginTokenVerification(
                verificationToken: try await harness.token(to: email, purpose: .smartLogin))
            #expect(try await smart.smartLoginPing(clientGUID: otherGuid).profile?.userName == username)
        }
    }

    @Test("one-touch login creates the account by email or phone and logs in")
    func oneTouchJourney() async throws {
        try await EmulatorHarness.run { harness in
            let oneTouch = harness.client.oneTouchLogin
            let email = EmulatorHarness.newEmail("touch")
            #expect(try await harness.client.authentication.checkEmailAvailability(email: email).isExist == false)
            let clientGuid = UUID().uuidString.lowercased()
            #expect(
                try await oneTouch.oneTouchLoginByEmail(
                    .init(clientGUID: clientGuid, email: email),
                    redirecturl: "https://app.example.com/touch"
                ).isPosted == true)
            #expect(try await harness.client.authentication.checkEmailAvailability(email: email).isExist == true)
            let message = try await harness.message(to: email, purpose: .oneTouchLogin)
            #expect(message.link?.hasPrefix("https://app.example.com/touch?vtype=onetouchlogin&vtoken=") == true)
            await expectAPIError(1139) { try await oneTouch.oneTouchLoginPing(clientGUID: clientGuid) }
            let verified = try await oneTouch.oneTouchEmailVerification(verificationToken: try #require(message.token))
            #expect(verified.isVerified == true)
            await expectAPIError(1145) {
                try await oneTouch.oneTouchEmailVerification(verificationToken: try #require(message.token))
            }
            let session = try await oneTouch.oneTouchLoginPing(clientGUID: clientGuid)
            #expect(session.profile?.email?.first?.value == email)
            #expect(session.profile?.emailVerified == true)
            #expect(session.accessToken?.isEmpty == false)

            // By phone: a new number gets an account and an OTP.
            let phone = EmulatorHarness.newPhone()
            let sms = try await oneTouch.oneTouchLoginByPhone(.init(phone: phone))
            let smsMessage = try await harness.message(to: phone, purpose: .oneTouchLogin)
            #expect(sms.data?.sid == smsMessage.id)
            await expectAPIError(1067) { try await oneTouch.oneTouchLoginOTPVerification(otp: "x", phone: phone) }
            let byPhone = try await oneTouch.oneTouchLoginOTPVerification(
                otp: try #require(smsMessage.otp), phone: phone)
            #expect(byPhone.profile?.phoneID == phone)
            #expect(byPhone.profile?.phoneIDVerified == true)
            #expect(
                try await harness.client.phoneAuthentication.checkPhoneNumberAvailability(phone: phone).isExist == true)
        }
    }
}
