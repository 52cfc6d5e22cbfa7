import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Authentication flows: SDK → libcurl → emulator")
struct AuthJourneyTests {
    @Test("register, verify from the outbox, log in, read and update the profile")
    func registerVerifyLogin() async throws {
        try await EmulatorHarness.run { harness in
            let email = EmulatorHarness.newEmail()
            let registration = try await harness.client.authentication.userRegistrationByEmail(
                AuthUserRegistrationModel(
                    email: [EmailAddress(type: "Primary", value: email)], firstName: "Ada", password: "Secret-pass-1"),
                sott: try harness.client.configuration.generateSOTT(),
                verificationURL: "https://app.example.com/verify")
            #expect(registration.isPosted == true)

            let message = try #require(await harness.emulator.outbox().last { $0.recipient == email })
            #expect(message.purpose == .verification)
            #expect(message.link?.hasPrefix("https://app.example.com/verify") == true)

            await #expect(throws: LoginRadiusError.self) {
                _ = try await harness.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            }

            _ = try await harness.client.authentication.verifyEmail(verificationToken: try #require(message.token))
            let login = try await harness.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            let token = try #require(login.accessToken)
            #expect(login.profile?.email?.first?.value == email)
            #expect(login.profile?.emailVerified == true)
            #expect(login.expiresIn?.date.map { $0 > Date() } == true)

            let profile = try await harness.client.authentication.getProfileByAccessToken(accessToken: token)
            #expect(profile.firstName == "Ada")
            #expect(profile.uid == login.profile?.uid)

            let updated = try await harness.client.authentication.updateProfileByAccessToken(
                UserProfileUpdateModel(firstName: "Augusta"),
                accessToken: token)
            #expect(updated.isPosted == true)
            #expect(updated.data?.firstName == "Augusta")
            let again = try await harness.client.authentication.getProfileByAccessToken(accessToken: token)
            #expect(again.firstName == "Augusta")
        }
    }

    @Test("login by username after setting one; availability checks")
    func usernameAndAvailability() async throws {
        try await EmulatorHarness.run { harness in
            let email = EmulatorHarness.newEmail()
            let login = try await harness.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let token = try #require(login.accessToken)
            #expect(try await harness.client.authentication.checkEmailAvailability(email: email).isExist == true)
            #expect(
                try await harness.client.authentication.checkEmailAvailability(email: "nobody@example.com").isExist
                    == false)
            let username = "ada_\(UUID().uuidString.prefix(6).lowercased())"
            #expect(
                try await harness.client.authentication.checkUserNameAvailability(userName: username).isExist == false)
            _ = try await harness.client.authentication.setOrChangeUserName(accessToken: token, userName: username)
            #expect(
                try await harness.client.authentication.checkUserNameAvailability(userName: username).isExist == true)
            let byName = try await harness.client.authentication.loginByUserName(
                UserNameAuthenticationModel(password: "Secret-pass-1", userName: username))
            #expect(byName.profile?.userName == username)
        }
    }

    @Test("change password, forgot password and reset by token")
    func passwords() async throws {
        try await EmulatorHarness.run { harness in
            let email = EmulatorHarness.newEmail()
            let login = try await harness.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let token = try #require(login.accessToken)
            _ = try await harness.client.authentication.changePassword(
                accessToken: token, newPassword: "Secret-pass-2", oldPassword: "Secret-pass-1")
            do {
                _ = try await harness.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
                Issue.record("the old password still works")
            } catch let caught as LoginRadiusError where caught.api != nil {
                let error = caught.api!
                #expect(error.errorCode == 966)
                #expect(error.httpStatus == 401)
            }

            _ = try await harness.client.authentication.forgotPassword(
                email: email, resetPasswordURL: "https://app.example.com/reset")
            let resetToken = try await harness.token(to: email, purpose: .passwordReset)
            _ = try await harness.client.authentication.resetPasswordByResetToken(
                ResetPasswordByResetTokenModel(
                    password: "Secret-pass-3", resetToken: resetToken))
            let relogin = try await harness.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-3"))
            #expect(relogin.accessToken != nil)
        }
    }

    @Test("token info, validate, invalidate: an invalidated token is refused with LoginRadius's error")
    func tokenLifecycle() async throws {
        try await EmulatorHarness.run { harness in
            let login = try await harness.registerVerifiedUser(
                email: EmulatorHarness.newEmail(), password: "Secret-pass-1")
            let token = try #require(login.accessToken)
            let info = try await harness.client.authentication.getAccessTokenInfo(accessToken: token)
            #expect(info.accessToken == token)
            let validated = try await harness.client.authentication.validateAccessToken(accessToken: token)
            #expect(validated.accessToken == token)
            let invalidated = try await harness.client.authentication.invalidateAccessToken(accessToken: token)
            #expect(invalidated.isPosted == true)
            do {
                _ = try await harness.client.authentication.validateAccessToken(accessToken: token)
                Issue.record("an invalidated token still validates")
            } catch let caught as LoginRadiusError where caught.api != nil {
                let error = caught.api!
                #expect(error.errorCode == 905 || error.errorCode == 906)
            }
        }
    }

    @Test("add and remove an email; delete the account with email confirmation")
    func emailsAndDeletion() async throws {
        try await EmulatorHarness.run { harness in
            let email = EmulatorHarness.newEmail()
            let login = try await harness.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let token = try #require(login.accessToken)
            let second = EmulatorHarness.newEmail()
            _ = try await harness.client.authentication.addEmail(accessToken: token, email: second, type: "Secondary")
            var profile = try await harness.client.authentication.getProfileByAccessToken(accessToken: token)
            #expect(profile.email?.contains { $0.value == second } == true)
            let removed = try await harness.client.authentication.removeEmail(accessToken: token, email: second)
            #expect(removed.isDeleted == true)
            profile = try await harness.client.authentication.getProfileByAccessToken(accessToken: token)
            #expect(profile.email?.contains { $0.value == second } == false)

            let request = try await harness.client.authentication.deleteAccountWithEmailConfirmation(accessToken: token)
            #expect(request.isDeleteRequestAccepted == true)
            let deleteToken = try await harness.token(to: email, purpose: .deleteAccount)
            _ = try await harness.client.authentication.deleteAccountByDeleteToken(deleteToken: deleteToken)
            #expect(try await harness.client.authentication.checkEmailAvailability(email: email).isExist == false)
        }
    }

    @Test("resend verification puts a new token in the outbox")
    func resendVerification() async throws {
        try await EmulatorHarness.run { harness in
            let email = EmulatorHarness.newEmail()
            _ = try await harness.client.authentication.userRegistrationByEmail(
                AuthUserRegistrationModel(
                    email: [EmailAddress(type: "Primary", value: email)], password: "Secret-pass-1"),
                sott: try harness.client.configuration.generateSOTT())
            let first = try await harness.token(to: email, purpose: .verification)
            _ = try await harness.client.authentication.resendEmailVerification(email: email)
            let second = try await harness.token(to: email, purpose: .verification)
            #expect(first != second)
            _ = try await harness.client.authentication.verifyEmail(verificationToken: second)
        }
    }
}
