// LRPhone: phone registration, verification, login, password reset by OTP and phone updates.
import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Factor scenarios: phone authentication (LRPhone)")
struct PhoneScenarioTests {
    @Test("register by phone, verify by SMS OTP, log in, reset the password by OTP, change and remove the phone")
    func phoneJourney() async throws {
        try await EmulatorHarness.run { harness in
            let phoneAPI = harness.client.phoneAuthentication
            let phone = EmulatorHarness.newPhone()
            #expect(try await phoneAPI.checkPhoneNumberAvailability(phone: phone).isExist == false)

            let registration = try await phoneAPI.userRegistrationByPhone(
                AuthUserRegistrationModel(
                    firstName: "Grace", password: "Secret-pass-1", phoneID: phone),
                sott: try harness.client.configuration.generateSOTT(), smsTemplate: "welcome-sms")
            #expect(registration.isPosted == true)
            #expect(registration.data == nil)
            let firstOTP = try await harness.message(to: phone, purpose: .phoneVerification)
            #expect(firstOTP.channel == .sms)
            #expect(firstOTP.template == "welcome-sms")
            #expect(firstOTP.otp?.count == 6)
            #expect(try await phoneAPI.checkPhoneNumberAvailability(phone: phone).isExist == true)
            await expectAPIError(1058) {
                try await phoneAPI.userRegistrationByPhone(
                    AuthUserRegistrationModel(password: "Secret-pass-1", phoneID: phone),
                    sott: try harness.client.configuration.generateSOTT())
            }

            // Not verified yet: phone login is refused; a resend replaces the OTP.
            await expectAPIError(1066) {
                try await phoneAPI.loginByPhone(
                    PhoneAuthenticationModel(password: "Secret-pass-1", phone: phone))
            }
            let resent = try await phoneAPI.phoneResendVerificationOTP(phone: phone)
            let secondOTP = try await harness.message(to: phone, purpose: .phoneVerification)
            #expect(resent.isPosted == true)
            #expect(resent.data?.sid == secondOTP.id)
            if firstOTP.otp != secondOTP.otp {
                await expectAPIError(1067) {
                    try await phoneAPI.phoneVerificationByOTP(otp: try #require(firstOTP.otp), phone: phone)
                }
            }
            let verified = try await phoneAPI.phoneVerificationByOTP(otp: try #require(secondOTP.otp), phone: phone)
            #expect(verified.profile?.phoneID == phone)
            #expect(verified.profile?.phoneIDVerified == true)
            #expect(verified.profile?.firstName == "Grace")
            #expect(verified.accessToken?.isEmpty == false)
            await expectAPIError(1068) {
                try await phoneAPI.phoneVerificationByOTP(otp: try #require(secondOTP.otp), phone: phone)
            }
            await expectAPIError(1073) { try await phoneAPI.phoneResendVerificationOTP(phone: phone) }

            let login = try await phoneAPI.loginByPhone(
                PhoneAuthenticationModel(password: "Secret-pass-1", phone: phone))
            let token = try #require(login.accessToken)
            #expect(login.profile?.uid == verified.profile?.uid)
            await expectAPIError(966) {
                try await phoneAPI.loginByPhone(
                    PhoneAuthenticationModel(password: "wrong-pass", phone: phone))
            }

            // Forgot password: OTP by SMS, reset, the old password stops working.
            let forgot = try await phoneAPI.forgotPasswordByPhoneOTP(phone: phone)
            let resetMessage = try await harness.message(to: phone, purpose: .passwordReset)
            #expect(forgot.data?.sid == resetMessage.id)
            await expectAPIError(1067) {
                try await phoneAPI.resetPasswordByPhoneOTP(
                    ResetPasswordByOTPModel(
                        otp: "12345x", password: "Secret-pass-2", phone: phone))
            }
            #expect(
                try await phoneAPI.resetPasswordByPhoneOTP(
                    ResetPasswordByOTPModel(
                        otp: try #require(resetMessage.otp), password: "Secret-pass-2", phone: phone)
                ).isPosted == true)
            await expectAPIError(966) {
                try await phoneAPI.loginByPhone(
                    PhoneAuthenticationModel(password: "Secret-pass-1", phone: phone))
            }
            _ = try await phoneAPI.loginByPhone(
                PhoneAuthenticationModel(password: "Secret-pass-2", phone: phone))

            // Update the phone: OTP to the new number, verified with the access token.
            let newPhone = EmulatorHarness.newPhone()
            let update = try await phoneAPI.updatePhoneNumber(accessToken: token, phone: newPhone)
            let updateMessage = try await harness.message(to: newPhone, purpose: .phoneVerification)
            #expect(update.data?.sid == updateMessage.id)
            #expect(
                try await harness.client.authentication.getProfileByAccessToken(accessToken: token).phoneID == phone)
            let again = try await phoneAPI.phoneResendVerificationOTPByToken(accessToken: token, phone: newPhone)
            #expect(again.data?.sid == (try await harness.message(to: newPhone, purpose: .phoneVerification)).id)
            #expect(
                try await phoneAPI.phoneVerificationOTPByAccessToken(
                    accessToken: token, otp: try await harness.otp(to: newPhone, purpose: .phoneVerification)
                ).isPosted == true)
            let moved = try await harness.client.authentication.getProfileByAccessToken(accessToken: token)
            #expect(moved.phoneID == newPhone)
            #expect(moved.phoneIDVerified == true)
            #expect(try await phoneAPI.checkPhoneNumberAvailability(phone: phone).isExist == false)
            #expect(try await phoneAPI.checkPhoneNumberAvailability(phone: newPhone).isExist == true)
            _ = try await phoneAPI.loginByPhone(
                PhoneAuthenticationModel(password: "Secret-pass-2", phone: newPhone))

            // Remove it.
            #expect(try await phoneAPI.removePhoneIDByAccessToken(accessToken: token).isDeleted == true)
            #expect(try await harness.client.authentication.getProfileByAccessToken(accessToken: token).phoneID == nil)
            await expectAPIError(938) {
                try await phoneAPI.loginByPhone(
                    PhoneAuthenticationModel(password: "Secret-pass-2", phone: newPhone))
            }
            await expectAPIError(1292) { try await phoneAPI.removePhoneIDByAccessToken(accessToken: token) }
            await expectAPIError(1096) { try await phoneAPI.checkPhoneNumberAvailability(phone: "12ab") }
        }
    }
}
