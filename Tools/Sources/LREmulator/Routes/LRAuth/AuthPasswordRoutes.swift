// PUT  identity/v2/auth/password/change {oldpassword, newpassword}  — change (access token)
// POST identity/v2/auth/password?resetPasswordUrl= {email}          — forgot password
// PUT  identity/v2/auth/password/reset {resettoken, password}       — reset by token
import Foundation

enum AuthPasswordRoutes {
    static let routes = [
        Route("PUT", "identity/v2/auth/password/change", changePassword),
        Route("POST", "identity/v2/auth/password", forgotPassword),
        Route("PUT", "identity/v2/auth/password/reset", resetPassword),
    ]

    /// Wrong old password → 967; a new password outside the policy → 1134.
    @Sendable
    static func changePassword(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        guard let oldPassword = body.string("oldpassword") else { throw LoginRadiusAPIError.required("OldPassword") }
        let newPassword = try Validation.requirePassword(
            body.string("newpassword"), property: "NewPassword", policy: engine.configuration.passwordLength)
        guard let hash = account.passwordHash, engine.passwords.verify(oldPassword, against: hash) else {
            throw LoginRadiusAPIError(.currentPasswordInvalid)
        }
        try await setPassword(newPassword, uid: account.uid, engine: engine)
        await AuthEvents.user("ChangePassword", uid: account.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// Emails a reset token (unknown email → 938), honouring `resetPasswordUrl` and `emailTemplate`.
    @Sendable
    static func forgotPassword(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let email = try Validation.requireEmail(body.string("email"))
        guard let account = await engine.store.account(email: email) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        let token = await engine.store.issueOneTimeToken(
            kind: .passwordReset, uid: account.uid, email: email, expiresAt: engine.emailTokenExpiry)
        await engine.outbox.append(
            engine.messages.passwordReset(
                to: email, token: token, url: request.query["resetPasswordUrl"],
                template: request.query["emailTemplate"], now: engine.now))
        return ResponseBuilders.isPosted()
    }

    /// Unknown token → 1063, used → 974, expired → 975.
    @Sendable
    static func resetPassword(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        guard let token = body.string("resettoken") else { throw LoginRadiusAPIError.required("ResetToken") }
        let password = try Validation.requirePassword(
            body.string("password"), property: "Password", policy: engine.configuration.passwordLength)
        let record = try await engine.store.consumeOneTimeToken(token, kind: .passwordReset, now: engine.now)
        try await setPassword(password, uid: record.uid, engine: engine)
        await AuthEvents.user("ResetPassword", uid: record.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }

    static func setPassword(_ password: String, uid: String, engine: EmulatorEngine) async throws {
        let hash = try engine.passwords.hash(password)
        let now = engine.now
        try await engine.store.update(uid: uid) { account in
            account.passwordHash = hash
            account.lastPasswordChangeDate = now
            account.touch(now)
        }
    }
}
