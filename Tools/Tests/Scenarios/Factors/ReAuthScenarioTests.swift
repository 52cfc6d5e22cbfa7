// LRReAuth: re-authentication by password, PIN and second factors, checked by the app server.
import Foundation
import LREmulator
import LoginRadius
import Testing

@Suite("Factor scenarios: re-authentication (LRReAuth)")
struct ReAuthScenarioTests {
    @Test(
        "re-authenticate by password, PIN, SMS OTP, backup code, authenticator code and email OTP; the server validates each token once"
    )
    func reauthenticationJourney() async throws {
        try await FactorHarness.run { harness in
            let reAuth = harness.client.reAuthentication
            let mfa = harness.client.mfa
            let email = FactorHarness.newEmail("reauth")
            let login = try await harness.registerEmailUser(
                email: email, password: "Secret-pass-1", additionalFields: ["PIN": "4321"])
            let token = try #require(login.accessToken)
            let uid = try #require(login.profile?.uid)

            // Password.
            await factorExpectError(966) {
                try await reAuth.mfaReAuthenticateByPassword(
                    accessToken: token, passwordEventBasedAuthModelWithLockout: .init(password: "nope-nope"))
            }
            let byPassword = try await reAuth.mfaReAuthenticateByPassword(
                accessToken: token, passwordEventBasedAuthModelWithLockout: .init(password: "Secret-pass-1"))
            let passwordToken = try #require(byPassword.secondFactorValidationToken)
            #expect(byPassword.expireIn?.date.map { $0 > Date() } == true)
            await factorExpectError(1193) {
                try await reAuth.verifyMultiFactorPinReauthentication(
                    eventBasedMultiFactorToken: .init(secondFactorValidationToken: passwordToken), uid: uid)
            }
            await factorExpectError(1193) {
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    eventBasedMultiFactorToken: .init(secondFactorValidationToken: passwordToken),
                    uid: "0123456789abcdef0123456789abcdef")
            }
            #expect(
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    eventBasedMultiFactorToken: .init(secondFactorValidationToken: passwordToken), uid: uid
                ).isValid == true)
            await factorExpectError(1193) {
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    eventBasedMultiFactorToken: .init(secondFactorValidationToken: passwordToken), uid: uid)
            }

            // PIN.
            await factorExpectError(1236) {
                try await reAuth.verifyPinAuthentication(
                    accessToken: token, pinAuthEventBasedAuthModelWithLockout: .init(pin: "0000"))
            }
            let byPIN = try await reAuth.verifyPinAuthentication(
                accessToken: token, pinAuthEventBasedAuthModelWithLockout: .init(pin: "4321"))
            #expect(
                try await reAuth.verifyMultiFactorPinReauthentication(
                    eventBasedMultiFactorToken: .init(secondFactorValidationToken: byPIN.secondFactorValidationToken),
                    uid: uid
                ).isValid == true)

            // Second factors need MFA set up first.
            await factorExpectError(1101) { try await reAuth.mfaReAuthenticate(accessToken: token) }
            let phone = FactorHarness.newPhone()
            _ = try await mfa.mfaUpdatePhoneNumberByToken(accessToken: token, phoneNo2FA: phone)
            _ = try await mfa.mfaUpdateSetting(
                accessToken: token,
                multiFactorAuthModelWithLockout: .init(otp: try await harness.otp(to: phone, purpose: .multiFactor)))
            let secret = try #require(try await mfa.mfaConfigureByAccessToken(accessToken: token).manualEntryCode)
            _ = try await mfa.mfaVerifyAuthenticatorCode(
                accessToken: token,
                multiFactorAuthModelByAuthenticatorCodeSecurityAnswer: .init(
                    authenticatorCode: FactorTOTP.code(secret: secret)))
            _ = try await mfa.mfaEmailOtpByAccessToken(accessToken: token, emailId: email)
            _ = try await mfa.mfaValidateEmailOtpByAccessToken(
                accessToken: token,
                multiFactorAuthModelByEmailOtpWithLockout: .init(
                    emailId: email, otp: try await harness.otp(to: email, purpose: .multiFactor)))
            let backupCodes = try #require(try await mfa.mfaBackupCodeByAccessToken(accessToken: token).backUpCodes)

            // The trigger reports the factors and texts an OTP.
            let trigger = try await reAuth.mfaReAuthenticate(accessToken: token)
            #expect(trigger.isOTPAuthenticatorVerified == true)
            #expect(trigger.isAuthenticatorVerified == true)
            #expect(trigger.isEmailOtpAuthenticatorVerified == true)
            #expect(trigger.otpPhoneNo == phone)
            let otpMessage = try await harness.message(to: phone, purpose: .reauthentication)
            #expect(trigger.otpStatus?.sid == otpMessage.id)
            let byOTP = try await reAuth.mfaReAuthenticateByOtp(
                accessToken: token, reauthByOtpModel: .init(otp: otpMessage.otp))
            await factorExpectError(1068) {
                try await reAuth.mfaReAuthenticateByOtp(
                    accessToken: token, reauthByOtpModel: .init(otp: otpMessage.otp))
            }
            // A second-factor token is good on the 2FA check, not the password check.
            await factorExpectError(1193) {
                try await reAuth.verifyMultiFactorPasswordReauthentication(
                    eventBasedMultiFactorToken: .init(secondFactorValidationToken: byOTP.secondFactorValidationToken),
                    uid: uid)
            }
            #expect(
                try await reAuth.verifyMultiFactorOtpReauthentication(
                    eventBasedMultiFactorToken: .init(secondFactorValidationToken: byOTP.secondFactorValidationToken),
                    uid: uid
                ).isValid == true)

            let byBackup = try await reAuth.mfaReAuthenticateByBackupCode(
                accessToken: token, reauthByBackupCodeModel: .init(backupCode: backupCodes[3]))
            await factorExpectError(1128) {
                try await reAuth.mfaReAuthenticateByBackupCode(
                    accessToken: token, reauthByBackupCodeModel: .init(backupCode: backupCodes[3]))
            }
            let byCode = try await reAuth.mfaReAuthenticateByAuthenticatorCode(
                accessToken: token,
                multiFactorAuthModelByAuthenticatorCode: .init(authenticatorCode: FactorTOTP.code(secret: secret)))
            #expect(try await reAuth.reAuthSendEmailOtp(accessToken: token, emailId: email).isPosted == true)
            let byEmail = try await reAuth.reAuthValidateEmailOtp(
                accessToken: token,
                reauthByEmailOtpModel: .init(
                    emailId: email, otp: try await harness.otp(to: email, purpose: .reauthentication)))
            let tokens = [byBackup, byCode, byEmail].compactMap(\.secondFactorValidationToken)
            #expect(Set(tokens).count == 3)
            for validation in tokens {
                #expect(
                    try await reAuth.verifyMultiFactorOtpReauthentication(
                        eventBasedMultiFactorToken: .init(secondFactorValidationToken: validation), uid: uid
                    ).isValid == true)
            }

            // Security question.
            #expect(trigger.securityQuestions == nil)
            let questionID = try #require(
                try await mfa.mfaConfigureByAccessToken(accessToken: token).securityQuestions?.first?.questionId)
            _ = try await mfa.mfaSecurityQuestionAnswerByAccessToken(
                accessToken: token,
                securityQuestionAnswerModelByAccessToken: .init(securityquestionanswer: [
                    ["QuestionId": .string(questionID), "Answer": "Paris"]
                ]))
            await factorExpectError(1094) {
                try await reAuth.reAuthBySecurityQuestion(
                    accessToken: token,
                    securityQuestionAnswerUpdateModel: .init(securityquestionanswer: [
                        ["QuestionId": .string(questionID), "Answer": "Rome"]
                    ]))
            }
            let byAnswer = try await reAuth.reAuthBySecurityQuestion(
                accessToken: token,
                securityQuestionAnswerUpdateModel: .init(securityquestionanswer: [
                    ["QuestionId": .string(questionID), "Answer": "paris"]
                ]))
            #expect(
                try await reAuth.verifyMultiFactorOtpReauthentication(
                    eventBasedMultiFactorToken: .init(
                        secondFactorValidationToken: byAnswer.secondFactorValidationToken), uid: uid
                ).isValid == true)
        }
    }
}
