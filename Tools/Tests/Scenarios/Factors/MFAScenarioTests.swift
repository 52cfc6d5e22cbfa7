// LRMFA: multi-factor authentication journeys through the SDK over libcurl.
import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Factor scenarios: multi-factor authentication (LRMFA)")
struct MFAScenarioTests {
    /// A 6-digit code that is not the current one.
    static func wrongCode(_ code: String) -> String {
        let value = ((Int(code) ?? 0) + 500_000) % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    @Test("the scenarios' authenticator matches RFC 6238's SHA-1 test vectors")
    func authenticatorVectors() {
        let key = Array("12345678901234567890".utf8)
        let vectors: [(UInt64, String)] = [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ]
        for (time, expected) in vectors {
            #expect(FactorTOTP.code(key: key, counter: time / 30, digits: 8) == expected)
        }
        // "12345678901234567890" in Base32.
        #expect(
            FactorTOTP.code(secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", at: Date(timeIntervalSince1970: 59)) == "287082"
        )
    }

    @Test("authenticator app: enable with a real TOTP, two-step login, backup codes, reset")
    func authenticatorJourney() async throws {
        try await EmulatorHarness.run { harness in
            let mfa = harness.client.mfa
            let email = EmulatorHarness.newEmail("mfa")
            let password = "Secret-pass-1"
            let login = try await harness.registerVerifiedUser(email: email, password: password)
            let token = try #require(login.accessToken)
            let uid = try #require(login.profile?.uid)

            // Optional MFA and no factor yet: the 2FA login logs straight in.
            let direct = try await mfa.mfaLoginByEmail(email: email, password: password)
            #expect(direct.secondFactorAuthentication == nil)
            #expect(direct.profile?.uid == uid)
            #expect(direct.accessToken?.isEmpty == false)

            // The settings hand out a secret; it stays the same until verified.
            let settings = try await mfa.mfaConfigureByAccessToken(accessToken: token)
            #expect(settings.isAuthenticatorVerified == false)
            #expect(settings.isOTPAuthenticatorVerified == false)
            #expect(settings.email == [email])
            let secret = try #require(settings.manualEntryCode)
            #expect(secret.count == 32)
            #expect(settings.qrCode?.contains("otpauth%3A%2F%2Ftotp") == true)
            #expect(settings.qrCode?.contains("secret%3D" + secret) == true)
            #expect(try await mfa.mfaConfigureByAccessToken(accessToken: token).manualEntryCode == secret)

            let code = try #require(FactorTOTP.code(secret: secret))
            await expectAPIError(1102) {
                try await mfa.mfaVerifyAuthenticatorCode(
                    .init(
                        authenticatorCode: Self.wrongCode(code)),
                    accessToken: token)
            }
            let enabled = try await mfa.mfaVerifyAuthenticatorCode(
                .init(authenticatorCode: code),
                accessToken: token)
            #expect(enabled.uid == uid)
            let after = try await mfa.mfaConfigureByAccessToken(accessToken: token)
            #expect(after.isAuthenticatorVerified == true)
            #expect(after.isGoogleAuthenticatorVerified == true)
            #expect(after.manualEntryCode == nil)

            // Password-only login is refused; the 2FA login asks for the second factor.
            await expectAPIError(1176) {
                try await harness.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: password))
            }
            let first = try await mfa.mfaLoginByEmail(email: email, password: password)
            let step = try #require(first.secondFactorAuthentication)
            #expect(first.profile == nil)
            #expect(first.accessToken == "00000000-0000-0000-0000-000000000000")
            #expect(step.isAuthenticatorVerified == true)
            #expect(step.qrCode == nil)
            #expect(step.email?.first?.contains("*") == true)
            #expect(step.email?.first != email)
            #expect(step.expireIn?.date.map { $0 > Date() } == true)
            let secondFactorToken = try #require(step.secondFactorAuthenticationToken)

            let current = try #require(FactorTOTP.code(secret: secret))
            await expectAPIError(1102) {
                try await mfa.mfaValidateAuthenticatorCode(
                    .init(authenticatorCode: Self.wrongCode(current)),
                    secondFactorAuthenticationToken: secondFactorToken)
            }
            let verified = try await mfa.mfaValidateAuthenticatorCode(
                .init(authenticatorCode: current),
                secondFactorAuthenticationToken: secondFactorToken)
            #expect(verified.profile?.uid == uid)
            let mfaToken = try #require(verified.accessToken)
            #expect(mfaToken != token)
            #expect(try await harness.client.authentication.getProfileByAccessToken(accessToken: mfaToken).uid == uid)
            // The second-factor token is single-use.
            await expectAPIError(1103) {
                try await mfa.mfaValidateAuthenticatorCode(
                    .init(authenticatorCode: current),
                    secondFactorAuthenticationToken: secondFactorToken)
            }

            // Backup codes: ten single-use codes, generated once, regenerated by the admin.
            let codes = try #require(try await mfa.mfaBackupCodeByAccessToken(accessToken: token).backUpCodes)
            #expect(codes.count == 10)
            #expect(Set(codes).count == 10)
            #expect(codes.allSatisfy { $0.count == 11 && $0.split(separator: "-").count == 2 })
            await expectAPIError(1127) { try await mfa.mfaBackupCodeByAccessToken(accessToken: token) }
            let byBackup = try await mfa.mfaValidateBackupCode(
                .init(backupCode: codes[0]),
                secondFactorAuthenticationToken: try #require(
                    try await mfa.mfaLoginByEmail(email: email, password: password).secondFactorAuthentication?
                        .secondFactorAuthenticationToken))
            #expect(byBackup.profile?.uid == uid)
            #expect(byBackup.profile?.noOfLogins ?? 0 >= 3)
            let pending = try #require(
                try await mfa.mfaLoginByEmail(email: email, password: password).secondFactorAuthentication?
                    .secondFactorAuthenticationToken)
            await expectAPIError(1128) {
                try await mfa.mfaValidateBackupCode(
                    .init(backupCode: codes[0]),
                    secondFactorAuthenticationToken: pending)
            }
            let fresh = try #require(try await mfa.mfaResetBackupCodeByUID(uid: uid).backUpCodes)
            #expect(Set(fresh).isDisjoint(with: codes))
            await expectAPIError(1128) {
                try await mfa.mfaValidateBackupCode(
                    .init(backupCode: codes[1]),
                    secondFactorAuthenticationToken: pending)
            }
            let byFresh = try await mfa.mfaValidateBackupCode(
                .init(backupCode: fresh[0]), secondFactorAuthenticationToken: pending)
            #expect(byFresh.accessToken?.isEmpty == false)

            // Reset: password-only login works again.
            #expect(
                try await mfa.mfaResetAuthenticatorByToken(accessToken: token, authenticator: true).isDeleted == true)
            await expectAPIError(1279) {
                try await mfa.mfaResetAuthenticatorByToken(accessToken: token, authenticator: true)
            }
            let plain = try await harness.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: password))
            #expect(plain.profile?.uid == uid)
            #expect(try await mfa.mfaLoginByEmail(email: email, password: password).secondFactorAuthentication == nil)
        }
    }

    @Test("SMS, email OTP and security questions as second factors; login by user name; admin reset by UID")
    func otpFactorsJourney() async throws {
        try await EmulatorHarness.run { harness in
            let mfa = harness.client.mfa
            let email = EmulatorHarness.newEmail("otp")
            let password = "Secret-pass-1"
            let login = try await harness.registerVerifiedUser(email: email, password: password)
            let token = try #require(login.accessToken)
            let uid = try #require(login.profile?.uid)
            let username = EmulatorHarness.newUsername()
            _ = try await harness.client.authentication.setOrChangeUserName(accessToken: token, userName: username)

            // SMS OTP: the phone gets an OTP; verifying it enables the factor.
            let phone = EmulatorHarness.newPhone()
            let sms = try await mfa.mfaUpdatePhoneNumberByToken(accessToken: token, phoneNo2FA: phone)
            let setupMessage = try await harness.message(to: phone, purpose: .multiFactor)
            #expect(setupMessage.channel == .sms)
            #expect(sms.sid == setupMessage.id)
            #expect(sms.accountSid?.hasPrefix("AC") == true)
            await expectAPIError(1067) {
                try await mfa.mfaUpdateSetting(
                    .init(otp: "000000x"),
                    accessToken: token)
            }
            let withSMS = try await mfa.mfaUpdateSetting(
                .init(otp: try #require(setupMessage.otp)),
                accessToken: token)
            #expect(withSMS.uid == uid)
            let settings = try await mfa.mfaConfigureByAccessToken(accessToken: token)
            #expect(settings.isOTPAuthenticatorVerified == true)
            #expect(settings.otpPhoneNo == phone)

            // Login by user name: the OTP is sent at once; a resend replaces it.
            let first = try #require(
                try await mfa.mfaLoginByUserName(password: password, userName: username).secondFactorAuthentication)
            #expect(first.isOTPAuthenticatorVerified == true)
            #expect(first.otpPhoneNo == "********" + phone.suffix(4))
            let sentAtLogin = try await harness.message(to: phone, purpose: .multiFactor)
            #expect(first.otpStatus?.sid == sentAtLogin.id)
            let loginToken = try #require(first.secondFactorAuthenticationToken)
            let resent = try await mfa.mfaResendOTP(secondFactorAuthenticationToken: loginToken)
            let resentMessage = try await harness.message(to: phone, purpose: .multiFactor)
            #expect(resent.sid == resentMessage.id)
            #expect(resentMessage.id != sentAtLogin.id)
            if sentAtLogin.otp != resentMessage.otp {
                await expectAPIError(1067) {
                    try await mfa.mfaValidateOTPByPhone(
                        .init(otp: try #require(sentAtLogin.otp)),
                        secondFactorAuthenticationToken: loginToken)
                }
            }
            let bySMS = try await mfa.mfaValidateOTPByPhone(
                .init(otp: try #require(resentMessage.otp)),
                secondFactorAuthenticationToken: loginToken)
            #expect(bySMS.profile?.userName == username)
            #expect(bySMS.accessToken?.isEmpty == false)

            // Email OTP: enable with an OTP by email, then use it at login.
            _ = try await mfa.mfaEmailOTPByAccessToken(accessToken: token, emailID: email)
            let enabled = try await mfa.mfaValidateEmailOTPByAccessToken(
                .init(
                    emailID: email, otp: try await harness.otp(to: email, purpose: .multiFactor)),
                accessToken: token)
            #expect(enabled.uid == uid)
            let second = try #require(
                try await mfa.mfaLoginByEmail(email: email, password: password).secondFactorAuthentication)
            #expect(second.isEmailOTPAuthenticatorVerified == true)
            #expect(second.isOTPAuthenticatorVerified == true)
            let emailLoginToken = try #require(second.secondFactorAuthenticationToken)
            await expectAPIError(1340) {
                try await mfa.mfaEmailOTP(
                    .init(emailID: "someone.else@example.com"),
                    secondFactorAuthenticationToken: emailLoginToken)
            }
            #expect(
                try await mfa.mfaEmailOTP(
                    .init(emailID: email), secondFactorAuthenticationToken: emailLoginToken
                ).isPosted == true)
            let byEmail = try await mfa.mfaValidateEmailOTP(
                .init(
                    emailID: email, otp: try await harness.otp(to: email, purpose: .multiFactor)),
                secondFactorAuthenticationToken: emailLoginToken)
            #expect(byEmail.profile?.uid == uid)

            // Security questions.
            let questionID = try #require(settings.securityQuestions?.first?.questionID)
            #expect(
                try await mfa.mfaSecurityQuestionAnswerByAccessToken(
                    .init(
                        replaceSecurityQuestionAnswer: true,
                        securityQuestionAnswer: [["QuestionId": .string(questionID), "Answer": "Rex"]]),
                    accessToken: token
                ).isPosted == true)
            #expect(
                try await harness.client.authentication.getSecurityQuestionsByUserName(userName: username).map(
                    \.questionID) == [questionID])
            let third = try #require(
                try await mfa.mfaLoginByUserName(password: password, userName: username).secondFactorAuthentication)
            #expect(third.isSecurityQuestionAuthenticatorVerified == true)
            #expect(third.securityQuestions?.map(\.questionID) == [questionID])
            let questionToken = try #require(third.secondFactorAuthenticationToken)
            await expectAPIError(1094) {
                try await mfa.mfaSecurityQuestionAnswerVerification(
                    .init(securityQuestionAnswer: [
                        ["QuestionId": .string(questionID), "Answer": "Fido"]
                    ]),
                    secondFactorAuthenticationToken: questionToken)
            }
            let byAnswer = try await mfa.mfaSecurityQuestionAnswerVerification(
                .init(securityQuestionAnswer: [
                    ["QuestionId": .string(questionID), "Answer": " rex "]
                ]),
                secondFactorAuthenticationToken: questionToken)
            #expect(byAnswer.profile?.uid == uid)

            // The admin turns every factor off by UID.
            #expect(try await mfa.mfaResetSMSAuthenticatorByUID(otpAuthenticator: true, uid: uid).isDeleted == true)
            #expect(try await mfa.mfaResetEmailOTPAuthenticatorByUID(uid: uid).isDeleted == true)
            #expect(try await mfa.mfaResetSecurityQuestionAuthenticatorByUID(uid: uid).isDeleted == true)
            await expectAPIError(1256) {
                try await mfa.mfaResetEmailOTPAuthenticatorByAccessToken(accessToken: token)
            }
            let last = try await mfa.mfaLoginByUserName(password: password, userName: username)
            #expect(last.secondFactorAuthentication == nil)
            #expect(last.profile?.uid == uid)
        }
    }

    @Test("required MFA: enrolment during phone login with the authenticator, and with SMS")
    func requiredEnrolmentJourney() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = { $0.multiFactorRequired = true }
        try await EmulatorHarness.run(emulator: configure) { harness in
            let mfa = harness.client.mfa
            let password = "Secret-pass-1"
            let phone = EmulatorHarness.newPhone()
            let registered = try await harness.registerPhoneUser(phone: phone, password: password)
            let uid = try #require(registered.profile?.uid)
            await expectAPIError(1176) {
                try await harness.client.phoneAuthentication.loginByPhone(
                    PhoneAuthenticationModel(password: password, phone: phone))
            }

            let enrol = try #require(
                try await mfa.mfaLoginByPhone(password: password, phone: phone).secondFactorAuthentication)
            #expect(enrol.isAuthenticatorVerified == false)
            #expect(enrol.securityQuestions?.isEmpty == false)
            let secret = try #require(enrol.manualEntryCode)
            #expect(enrol.qrCode?.contains(secret) == true)
            let enrolled = try await mfa.mfaValidateAuthenticatorCode(
                .init(authenticatorCode: try #require(FactorTOTP.code(secret: secret))),
                secondFactorAuthenticationToken: try #require(enrol.secondFactorAuthenticationToken))
            #expect(enrolled.profile?.phoneID == phone)
            #expect(enrolled.profile?.uid == uid)
            let next = try #require(
                try await mfa.mfaLoginByPhone(password: password, phone: phone).secondFactorAuthentication)
            #expect(next.isAuthenticatorVerified == true)
            #expect(next.manualEntryCode == nil)

            // A second user enrols SMS OTP instead.
            let otherPhone = EmulatorHarness.newPhone()
            _ = try await harness.registerPhoneUser(phone: otherPhone, password: password)
            let step = try #require(
                try await mfa.mfaLoginByPhone(password: password, phone: otherPhone).secondFactorAuthentication)
            let stepToken = try #require(step.secondFactorAuthenticationToken)
            let smsPhone = EmulatorHarness.newPhone()
            let sent = try await mfa.mfaUpdatePhoneNumber(
                phoneNo2FA: smsPhone, secondFactorAuthenticationToken: stepToken)
            let message = try await harness.message(to: smsPhone, purpose: .multiFactor)
            #expect(sent.sid == message.id)
            let session = try await mfa.mfaValidateOTPByPhone(
                .init(otp: try #require(message.otp)), secondFactorAuthenticationToken: stepToken)
            let settings = try await mfa.mfaConfigureByAccessToken(accessToken: try #require(session.accessToken))
            #expect(settings.isOTPAuthenticatorVerified == true)
            #expect(settings.otpPhoneNo == smsPhone)
            #expect(settings.isAuthenticatorVerified == false)
        }
    }
}
