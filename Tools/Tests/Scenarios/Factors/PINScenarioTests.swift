// LRPIN: PIN set-up, PIN login with the session token, change, forgot and reset.
import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Factor scenarios: PIN authentication (LRPIN)")
struct PINScenarioTests {
    @Test("mandatory PIN: set by PINAuthToken, PIN login, change, invalidate the session")
    func setAndLoginJourney() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = { $0.pinRequired = true }
        try await EmulatorHarness.run(emulator: configure) { harness in
            let pinAPI = harness.client.pinAuthentication
            let email = EmulatorHarness.newEmail("pin")
            let password = "Secret-pass-1"
            _ = try await harness.client.authentication.userRegistrationByEmail(
                AuthUserRegistrationModel(
                    email: [EmailAddress(type: "Primary", value: email)], password: password),
                sott: try harness.client.configuration.generateSOTT())
            _ = try await harness.client.authentication.verifyEmail(
                verificationToken: try await harness.token(to: email, purpose: .verification))

            // No PIN yet: the login fails with 1243 and a PINAuthToken in `Data`, which the SDK's
            // APIError does not expose; read it from the raw reply.
            await expectAPIError(1243) {
                try await harness.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: password))
            }
            let raw = try await harness.rawJSON(
                "POST", "identity/v2/auth/login?apikey=" + LoginRadiusEmulator.defaultAPIKey,
                body: Data(#"{"email":"\#(email)","password":"\#(password)"}"#.utf8))
            #expect(raw.status == 403)
            let pinAuthToken = try #require((raw.object["Data"] as? [String: Any])?["PINAuthToken"] as? String)

            await expectAPIError(1239) {
                try await pinAPI.setPINByPINAuthToken(PINRequiredModel(pin: "1357"), pinAuthToken: "not-a-token")
            }
            let set = try await pinAPI.setPINByPINAuthToken(PINRequiredModel(pin: "1357"), pinAuthToken: pinAuthToken)
            let uid = try #require(set.profile?.uid)
            #expect(set.profile?.pin?.lastPINChangeDate?.date != nil)
            #expect(set.profile?.pin?.pin == nil)
            #expect(set.accessToken?.isEmpty == false)
            let session = try #require(set.sessionToken)
            #expect(set.sessionExpiresIn?.date.map { $0 > Date() } == true)
            await expectAPIError(1239) {
                try await pinAPI.setPINByPINAuthToken(PINRequiredModel(pin: "2468"), pinAuthToken: pinAuthToken)
            }

            // PIN login with the session token.
            await expectAPIError(1236) {
                try await pinAPI.pinLogin(LoginByPINModel(pin: "0000"), sessionToken: session)
            }
            let byPIN = try await pinAPI.pinLogin(LoginByPINModel(pin: "1357"), sessionToken: session)
            #expect(byPIN.profile?.uid == uid)
            let token = try #require(byPIN.accessToken)
            #expect(try await harness.client.authentication.getProfileByAccessToken(accessToken: token).uid == uid)

            // With a PIN, the password login works and returns a new PIN session.
            let login = try await harness.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: password))
            let secondSession = try #require(login.sessionToken)
            #expect(secondSession != session)

            // Change the PIN.
            await expectAPIError(1241) {
                try await pinAPI.changePINByAccessToken(
                    ChangePINModel(newPIN: "2468", oldPIN: "9999"),
                    accessToken: token)
            }
            #expect(
                try await pinAPI.changePINByAccessToken(
                    ChangePINModel(newPIN: "2468", oldPIN: "1357"),
                    accessToken: token
                ).isPosted == true)
            await expectAPIError(1236) {
                try await pinAPI.pinLogin(LoginByPINModel(pin: "1357"), sessionToken: secondSession)
            }
            _ = try await pinAPI.pinLogin(LoginByPINModel(pin: "2468"), sessionToken: secondSession)

            // Invalidate the session token.
            #expect(try await pinAPI.invalidatePINSessionToken(sessionToken: secondSession).isPosted == true)
            await expectAPIError(1245) {
                try await pinAPI.pinLogin(LoginByPINModel(pin: "2468"), sessionToken: secondSession)
            }
            _ = try await pinAPI.pinLogin(LoginByPINModel(pin: "2468"), sessionToken: session)
        }
    }

    @Test("forgot PIN: reset by emailed link, email OTP, SMS OTP and security answer")
    func forgotAndResetJourney() async throws {
        try await EmulatorHarness.run { harness in
            let pinAPI = harness.client.pinAuthentication
            let email = EmulatorHarness.newEmail("pinreset")
            let password = "Secret-pass-1"
            // A PIN given at registration.
            let login = try await harness.registerVerifiedUser(
                email: email, password: password, additionalFields: ["PIN": "1111"])
            let token = try #require(login.accessToken)
            let uid = try #require(login.profile?.uid)
            #expect(login.profile?.pin != nil)
            let session = try #require(login.sessionToken)
            _ = try await pinAPI.pinLogin(LoginByPINModel(pin: "1111"), sessionToken: session)

            // Reset by the emailed link's token.
            let username = EmulatorHarness.newUsername()
            _ = try await harness.client.authentication.setOrChangeUserName(accessToken: token, userName: username)
            _ = try await pinAPI.sendForgotPINEmailByUserName(
                ForgotPINLinkByUserNameModel(userName: username),
                emailTemplate: "pin-reset", resetPINURL: "https://app.example.com/reset-pin")
            let message = try await harness.message(to: email, purpose: .pinReset)
            #expect(message.template == "pin-reset")
            #expect(message.link?.hasPrefix("https://app.example.com/reset-pin?vtype=resetpin&vtoken=") == true)
            let resetToken = try #require(message.token)
            #expect(
                try await pinAPI.resetPINByResetToken(
                    ResetPINByResetToken(pin: "2222", resetToken: resetToken)
                ).isPosted == true)
            await expectAPIError(1242) {
                try await pinAPI.resetPINByResetToken(
                    ResetPINByResetToken(pin: "3333", resetToken: resetToken))
            }
            await expectAPIError(1236) {
                try await pinAPI.pinLogin(LoginByPINModel(pin: "1111"), sessionToken: session)
            }
            _ = try await pinAPI.pinLogin(LoginByPINModel(pin: "2222"), sessionToken: session)

            // Reset by the email's OTP (by email, then by user name).
            _ = try await pinAPI.sendForgotPINEmailByEmail(
                ForgotPINLinkByEmailModel(email: email))
            #expect(
                try await pinAPI.resetPINByEmailAndOTP(
                    ResetPINByEmailAndOTPModel(
                        email: email, otp: try await harness.otp(to: email, purpose: .pinReset), pin: "3333")
                ).isPosted == true)
            _ = try await pinAPI.sendForgotPINEmailByEmail(
                ForgotPINLinkByEmailModel(email: email))
            let usernameOTP = try await harness.otp(to: email, purpose: .pinReset)
            #expect(
                try await pinAPI.resetPINByUserNameAndOTP(
                    ResetPINByUserNameAndOTPModel(
                        otp: usernameOTP, pin: "4444", userName: username)
                ).isPosted == true)
            await expectAPIError(1068) {
                try await pinAPI.resetPINByUserNameAndOTP(
                    ResetPINByUserNameAndOTPModel(
                        otp: usernameOTP, pin: "5555", userName: username))
            }
            _ = try await pinAPI.pinLogin(LoginByPINModel(pin: "4444"), sessionToken: session)

            // Reset by SMS OTP once the account has a verified phone.
            let phone = EmulatorHarness.newPhone()
            _ = try await harness.client.phoneAuthentication.updatePhoneNumber(accessToken: token, phone: phone)
            _ = try await harness.client.phoneAuthentication.phoneVerificationOTPByAccessToken(
                accessToken: token, otp: try await harness.otp(to: phone, purpose: .phoneVerification))
            let sms = try await pinAPI.sendForgotPINSMSByPhone(
                ForgotPINOTPByPhoneModel(phone: phone))
            let smsMessage = try await harness.message(to: phone, purpose: .pinReset)
            #expect(sms.data?.sid == smsMessage.id)
            #expect(
                try await pinAPI.resetPINByPhoneAndOTP(
                    ResetPINByPhoneAndOTPModel(
                        otp: try #require(smsMessage.otp), phone: phone, pin: "5555")
                ).isPosted == true)
            _ = try await pinAPI.pinLogin(LoginByPINModel(pin: "5555"), sessionToken: session)

            // Reset by security answer.
            await expectAPIError(1092) {
                try await pinAPI.resetPINByEmailAndSecurityAnswer(
                    .init(
                        email: email, pin: "6666", securityAnswer: ["x": "y"]))
            }
            let questionID = try #require(
                try await harness.client.mfa.mfaConfigureByAccessToken(accessToken: token).securityQuestions?.last?
                    .questionID)
            _ = try await harness.client.mfa.mfaSecurityQuestionAnswerByAccessToken(
                .init(
                    replaceSecurityQuestionAnswer: true,
                    securityQuestionAnswer: [["QuestionId": .string(questionID), "Answer": "Ada"]]),
                accessToken: token)
            await expectAPIError(1094) {
                try await pinAPI.resetPINByPhoneAndSecurityAnswer(
                    .init(
                        phone: phone, pin: "6666", securityAnswer: [questionID: "Grace"]))
            }
            #expect(
                try await pinAPI.resetPINByEmailAndSecurityAnswer(
                    .init(
                        email: email, pin: "6666", securityAnswer: [questionID: "ada"])
                ).isPosted == true)
            #expect(
                try await pinAPI.resetPINByUserNameAndSecurityAnswer(
                    .init(
                        pin: "7777", securityAnswer: [questionID: "Ada"], userName: username)
                ).isPosted == true)
            let last = try await pinAPI.pinLogin(LoginByPINModel(pin: "7777"), sessionToken: session)
            #expect(last.profile?.uid == uid)
            #expect(last.profile?.pin?.lastPINChangeDate != nil)
        }
    }
}
