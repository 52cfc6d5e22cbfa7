import Foundation
import LREmulator
import LoginRadius

/// The demo's steps: register → verify → log in → profile → update → change password →
/// log in again → invalidate → validation now fails with LoginRadius's error.
struct DemoJourney {
    /// Where the verification token comes from.
    enum Inbox {
        /// The emulator's outbox, as a person would read their mail.
        case emulator(LoginRadiusEmulator)
        /// A real LoginRadius app: ask the Account API (needs the API secret) for a token.
        case accountAPI
    }

    let client: LoginRadiusClient
    let inbox: Inbox

    func run() async throws {
        let email = "demo+\(UUID().uuidString.prefix(8).lowercased())@example.com"
        let password = "Demo-password-1"
        let newPassword = "Demo-password-2"

        let sott = try client.configuration.generateSOTT()
        let registration = try await client.authentication.userRegistrationByEmail(
            AuthUserRegistrationModel(
                email: [EmailAddress(type: "Primary", value: email)], firstName: "Ada", lastName: "Lovelace",
                password: password
            ),
            sott: sott,
            verificationURL: "https://example.com/verify"
        )
        step("Registered \(email) (IsPosted: \(registration.isPosted ?? false))")

        let verificationToken = try await verificationToken(for: email)
        step("Read the verification token from the \(inboxName) (\(verificationToken.prefix(8))…)")

        _ = try await client.authentication.verifyEmail(verificationToken: verificationToken)
        step("Verified the email address")

        let login = try await client.authentication.loginByEmail(
            EmailAuthenticationModel(email: email, password: password)
        )
        guard let accessToken = login.accessToken else { throw DemoFailure("login returned no access token") }
        step("Logged in; access token \(accessToken.prefix(8))… expires \(login.expiresIn?.rawValue ?? "?")")

        let profile = try await client.authentication.getProfileByAccessToken(accessToken: accessToken)
        step("Read the profile: \(profile.firstName ?? "") \(profile.lastName ?? ""), uid \(profile.uid ?? "?")")

        let updated = try await client.authentication.updateProfileByAccessToken(
            UserProfileUpdateModel(firstName: "Augusta"),
            accessToken: accessToken
        )
        step("Updated the first name to \(updated.data?.firstName ?? "?")")

        _ = try await client.authentication.changePassword(
            accessToken: accessToken, newPassword: newPassword, oldPassword: password
        )
        step("Changed the password")

        let secondLogin = try await client.authentication.loginByEmail(
            EmailAuthenticationModel(email: email, password: newPassword)
        )
        guard let secondToken = secondLogin.accessToken else { throw DemoFailure("login returned no access token") }
        step("Logged in with the new password")

        _ = try await client.authentication.invalidateAccessToken(accessToken: secondToken)
        step("Invalidated the access token")

        do {
            _ = try await client.authentication.validateAccessToken(accessToken: secondToken)
            throw DemoFailure("the invalidated token still validates")
        } catch let caught as LoginRadiusError where caught.api != nil {
            let error = caught.api!
            step("Validating it now fails: LoginRadius error \(error.errorCode): \(error.errorDescription)")
        }
        print("Journey complete.")
    }

    private var inboxName: String {
        switch inbox {
        case .emulator: "emulator's outbox"
        case .accountAPI: "Account API"
        }
    }

    private func verificationToken(for email: String) async throws -> String {
        switch inbox {
        case .emulator(let emulator):
            let messages = await emulator.outbox()
            guard let token = messages.last(where: { $0.recipient == email && $0.purpose == "verification" })?.token
            else {
                throw DemoFailure("no verification email for \(email) in the outbox")
            }
            return token
        case .accountAPI:
            let reply = try await client.account.getEmailVerificationToken(email: email)
            guard let token = reply.verificationToken else {
                throw DemoFailure("the Account API returned no verification token")
            }
            return token
        }
    }

    private func step(_ text: String) {
        print("✓ \(text)")
    }
}

/// A demo step that did not give what the journey needs.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
