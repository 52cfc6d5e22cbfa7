// Management endpoints (API secret or signed request required):
// GET    identity/v2/manage/account/sott?timeDifference=  — {"Sott", "ExpiryTime"}
// GET    identity/v2/manage/account?email= | ?username= | ?phone= — Identity
// GET    identity/v2/manage/account/{uid}                 — Identity
// DELETE identity/v2/manage/account/{uid}                 — {"IsDeleted": true}
// POST   identity/v2/manage/account/verify/token {email}  — {"VerificationToken", "expires_in"}
// POST   identity/v2/manage/account/forgot/token {email}  — {"ForgotToken", "IdentityProviders"}
import Foundation

enum ManageAccountRoutes {
    static let routes = [
        Route("GET", "identity/v2/manage/account/sott", generateSOTT),
        Route("GET", "identity/v2/manage/account", profileByEmailOrUsername),
        Route("GET", "identity/v2/manage/account/{uid}", profileByUid),
        Route("DELETE", "identity/v2/manage/account/{uid}", deleteByUid),
        Route("POST", "identity/v2/manage/account/verify/token", emailVerificationToken),
        Route("POST", "identity/v2/manage/account/forgot/token", forgotPasswordToken),
    ]

    /// A SOTT valid from now for `timeDifference` minutes (default 10).
    @Sendable
    static func generateSOTT(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let minutes = request.query["timeDifference"].flatMap { Int($0) }.map { max($0, 1) } ?? 10
        let start = engine.now
        let end = start.addingTimeInterval(TimeInterval(minutes * 60))
        return .ok(
            ("Sott", .string(try engine.sott.make(start: start, end: end))),
            ("ExpiryTime", .string(LoginRadiusDates.iso8601(end))))
    }

    @Sendable
    static func profileByEmailOrUsername(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account: Account?
        if let username = request.query["username"] {
            account = await engine.store.account(username: username)
        } else if let phone = request.query["phone"] {
            // A `+` that arrived as a space (unencoded query) is put back.
            account = await engine.store.account(phone: phone.replacingOccurrences(of: " ", with: "+"))
        } else {
            account = await engine.store.account(email: try Validation.requireEmail(request.query.email("email")))
        }
        guard let account else { throw LoginRadiusAPIError(.userDoesNotExist) }
        return EmulatorResponse(body: IdentitySerializer.json(account))
    }

    @Sendable
    static func profileByUid(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        guard let uid = parameters["uid"], let account = await engine.store.account(uid: uid) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        return EmulatorResponse(body: IdentitySerializer.json(account))
    }

    @Sendable
    static func deleteByUid(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        guard let uid = parameters["uid"], let account = await engine.store.account(uid: uid) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        await engine.store.deleteAccount(uid: uid)
        await engine.management.store.forgetUser(uid)
        await engine.management.notify("DeleteAccount", data: IdentitySerializer.json(account), engine: engine)
        return .ok(("IsDeleted", .bool(true)))
    }

    /// A verification token for an unverified email (1126 if it is verified already).
    @Sendable
    static func emailVerificationToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let email = try Validation.requireEmail(try request.jsonBody().string("email"))
        guard let account = await engine.store.account(email: email) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        guard account.email(matching: email)?.verified == false else {
            throw LoginRadiusAPIError(.emailVerificationTokenNotNeeded)
        }
        let expiresAt = engine.emailTokenExpiry
        let token = await engine.store.issueOneTimeToken(
            kind: .emailVerification, uid: account.uid, email: email, expiresAt: expiresAt)
        return .ok(("VerificationToken", .string(token)), ("expires_in", .string(LoginRadiusDates.iso8601(expiresAt))))
    }

    /// A password reset token; with `sendemail=true` the reset email goes to the outbox too.
    @Sendable
    static func forgotPasswordToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let email = try Validation.requireEmail(try request.jsonBody().string("email"))
        guard let account = await engine.store.account(email: email) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        let token = await engine.store.issueOneTimeToken(
            kind: .passwordReset, uid: account.uid, email: email, expiresAt: engine.emailTokenExpiry)
        if request.query.bool("sendemail") == true {
            await engine.outbox.append(
                engine.messages.passwordReset(
                    to: email, token: token, url: request.query["resetPasswordUrl"],
                    template: request.query["emailTemplate"], now: engine.now))
        }
        return .ok(("ForgotToken", .string(token)), ("IdentityProviders", .array([])))
    }
}
