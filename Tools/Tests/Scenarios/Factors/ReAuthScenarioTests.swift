// LRReAuth: re-authentication by password, PIN and second factors, checked by the app server.
import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Factor scenarios: re-authentication (LRReAuth)")
struct ReAuthScenarioTests {
    @Test(
        "re-authenticate by password, PIN, SMS OTP, backup code, authenticator code and email OTP; the server validates each token once"
    )
    func reauthenticationJourney() async throws {
        try await EmulatorHarness.run { harness in
            let reAuth = harness.client.reAuthentication
            let mfa = harness.client.mfa
            let email = EmulatorHarness.newEmail("reauth")
            let login = try await harness.registerVerifiedUser(
                email: email, password: "Secret-pass-1", additionalFields: ["PIN": "4321"])
            let token = try #require(login.accessToken)
            let uid = try #require(login.profile?.uid)

            // Password.
            await expectAPIError(966) {
                try await reAuth.mfaReAuthenticateByPassword(
                    .init(password: "nope-nope"),
                    accessToken: token)
            }
            let byPassword = try await reAuth.mfaReAuthenticateByPassword(
                .init(password: "Secret-pass-1"),
                accessToken: token)
            let passwordToken = try #require(byPassword.secondFactorValidationToken)
            #expect(byPassword.expireIn?.date.map { $0 > Date() } == true)
            await expectAPIError(1193) {
                try await reAuth.verifyMultiFactorPINReauthentication(
                    .init(secondFactorValidationToken: passwordToken), uid: uid)
            }
            await expectAPIError(1193) {
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    .init(secondFactorValidationToken: passwordToken),
                    uid: "0123456789abcdef0123456789abcdef")
            }
            #expect(
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    .init(secondFactorValidationToken: passwordToken), uid: uid
                ).isValid == true)
            await expectAPIError(1193) {
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    .init(secondFactorValidationToken: passwordToken), uid: uid)
            }

            // PIN.
            await expectAPIError(1236) {
                try await reAuth.verifyPINAuthentication(
                    .init(pin: "0000"),
                    accessToken: token)
            }
            let byPIN = try await reAuth.verifyPINAuthentication(
                .init(pin: "4321"),
                accessToken: token)
            #expect(
                try await reAuth.verifyMultiFactorPINReauthentication(
                    .init(secondFactorValidationToken: try #require(byPIN.secondFactorValidationToken)),
                    uid: uid
                ).isValid == true)

            // Second factors need MFA set up first.
            await expectAPIError(1101) { try await reAuth.mfaReAuthenticate(accessToken: token) }
            let phone = EmulatorHarness.newPhone()
            _ = try await mfa.mfaUpdatePhoneNumberByToken(accessToken: token, phoneNo2FA: phone)
            _ = try await mfa.mfaUpdateSetting(
                .init(otp: try await harness.otp(to: phone, purpose: .multiFactor)),
                accessToken: token)
            let secret = try #require(try await mfa.mfaConfigureByAccessToken(accessToken: token).manualEntryCode)
            _ = try await mfa.mfaVerifyAuthenticatorCode(
                .init(
                    authenticatorCode: try #require(FactorTOTP.code(secret: secret))),
                accessToken: token)
            _ = try await mfa.mfaEmailOTPByAccessToken(accessToken: token, emailID: email)
            _ = try await mfa.mfaValidateEmailOTPByAccessToken(
                .init(
                    emailID: email, otp: try await harness.otp(to: email, purpose: .multiFactor)),
                accessToken: token)
            let backupCodes = try #require(try await mfa.mfaBackupCodeByAccessToken(accessToken: token).backUpCodes)

            // The trigger reports the factors and texts an OTP.
            let trigger = try await reAuth.mfaReAuthenticate(accessToken: token)
            #expect(trigger.isOTPAuthenticatorVerified == true)
            #expect(trigger.isAuthenticatorVerified == true)
            #expect(trigger.isEmailOTPAuthenticatorVerified == true)
            #expect(trigger.otpPhoneNo == phone)
            let otpMessage = try await harness.message(to: phone, purpose: .reauthentication)
            #expect(trigger.otpStatus?.sid == otpMessage.id)
            let byOTP = try await reAuth.mfaReAuthenticateByOTP(
                .init(otp: try #require(otpMessage.otp)),
                accessToken: token)
            await expectAPIError(1068) {
                try await reAuth.mfaReAuthenticateByOTP(
                    .init(otp: try #require(otpMessage.otp)),
                    accessToken: token)
            }
            // A second-factor token is good on the 2FA check, not the password check.
            await expectAPIError(1193) {
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    .init(secondFactorValidationToken: try #require(byOTP.secondFactorValidationToken)),
                    uid: uid)
            }
            #expect(
                try await reAuth.verifyMultiFactorOTPReauthentication(
                    .init(secondFactorValidationToken: try #require(byOTP.secondFactorValidationToken)),
                    uid: uid
                ).isValid == true)

            let byBackup = try await reAuth.mfaReAuthenticateByBackupCode(
                .init(backupCode: backupCodes[3]),
                accessToken: token)
            await expectAPIError(1128) {
                try await reAuth.mfaReAuthenticateByBackupCode(
                    .init(backupCode: backupCodes[3]),
                    accessToken: token)
            }
            let byCode = try await reAuth.mfaReAuthenticateByAuthenticatorCode(
                .init(authenticatorCode: try #require(FactorTOTP.code(secret: secret))),
                accessToken: token)
            #expect(try await reAuth.reAuthSendEmailOTP(accessToken: token, emailID: email).isPosted == true)
            let byEmail = try await reAuth.reAuthValidateEmailOTP(
                .init(
                    emailID: email, otp: try await harness.otp(to: email, purpose: .reauthentication)),
                accessToken: token)
            let tokens = [byBackup, byCode, byEmail].compactMap(\.secondFactorValidationToken)
            #expect(Set(tokens).count == 3)
            for validation in tokens {
                #expect(
                    try await reAuth.verifyMultiFactorOTPReauthentication(
                        .init(secondFactorValidationToken: validation), uid: uid
                    ).isValid == true)
            }

            // Security question.
            #expect(trigger.securityQuestions == nil)
            let questionID = try #require(
                try await mfa.mfaConfigureByAccessToken(accessToken: token).securityQuestions?.first?.questionID)
            _ = try await mfa.mfaSecurityQuestionAnswerByAccessToken(
                .init(
                    replaceSecurityQuestionAnswer: false,
                    securityQuestionAnswer: [
                        ["QuestionId": .string(questionID), "Answer": "Paris"]
                    ]),
                accessToken: token)
            await expectAPIError(1094) {
                try await reAuth.reAuthBySecurityQuestion(
                    .init(securityQuestionAnswer: [
                        ["QuestionId": .string(questionID), "Answer": "Rome"]
                    ]),
                    accessToken: token)
            }
            let byAnswer = try await reAuth.reAuthBySecurityQuestion(
                .init(securityQuestionAnswer: [
                    ["QuestionId": .string(questionID), "Answer": "paris"]
                ]),
                accessToken: token)
            #expect(
                try await reAuth.verifyMultiFactorOTPReauthentication(
                    .init(
                        secondFactorValidationToken: try #require(byAnswer.secondFactorValidationToken)), uid: uid
                ).isValid == true)
        }
    }
}
