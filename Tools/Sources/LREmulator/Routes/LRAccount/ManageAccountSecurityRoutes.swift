// Account management — credentials, tokens and verification state (API secret required):
// GET    identity/v2/manage/account/{uid}/password                  — {"PasswordHash"}
// PUT    identity/v2/manage/account/{uid}/password {password}       — {"PasswordHash"}
// GET    identity/v2/manage/account/access_token?uid=               — impersonation, token
// GET    identity/v2/manage/account/access_token/refresh/revoke?refresh_token= — {"IsDeleted"}
// DELETE identity/v2/manage/account/{uid}/access_token/refresh/revoke — {"IsDeleted"}
// PUT    identity/v2/manage/account/{uid}/invalidateemail           — {"IsPosted"}
// PUT    identity/v2/manage/account/{uid}/invalidatephone           — {"IsPosted"}
import Foundation

enum ManageAccountSecurityRoutes {
    static let routes = [
        Route("GET", "identity/v2/manage/account/{uid}/password", passwordHash),
        Route("PUT", "identity/v2/manage/account/{uid}/password", setPassword),
        Route("GET", "identity/v2/manage/account/access_token", accessTokenByUid),
        Route("GET", "identity/v2/manage/account/access_token/refresh/revoke", revokeRefreshToken),
        Route("DELETE", "identity/v2/manage/account/{uid}/access_token/refresh/revoke", revokeAllRefreshTokens),
        Route("PUT", "identity/v2/manage/account/{uid}/invalidateemail", invalidateEmailVerification),
        Route("PUT", "identity/v2/manage/account/{uid}/invalidatephone", invalidatePhoneVerification),
    ]

    /// The stored hash (the emulator's `pbkdf2-sha256$…` form), null without a password.
    @Sendable
    static func passwordHash(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        return .ok(("PasswordHash", account.passwordHash.map(JSON.string) ?? .null))
    }

    /// Sets a password without the old one (1134 outside the policy). Sessions stay valid.
    /// Fires `SetPassword`.
    @Sendable
    static func setPassword(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let password = try Validation.requirePassword(
            try request.jsonBody().string("password"), property: "Password", policy: engine.configuration.passwordLength
        )
        let hash = try engine.passwords.hash(password)
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.passwordHash = hash
            account.lastPasswordChangeDate = now
            account.touch(now)
        }
        await engine.management.notify("SetPassword", data: IdentitySerializer.json(updated), engine: engine)
        return .ok(("PasswordHash", .string(hash)))
    }

    /// Impersonation: a new session for the user, `{access_token, refresh_token, expires_in}`.
    @Sendable
    static func accessTokenByUid(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: request.query["uid"])
        let session = try await engine.store.issueSession(
            uid: account.uid, now: engine.now, lifetime: engine.accessTokenLifetime)
        return EmulatorResponse(body: ResponseBuilders.token(session))
    }

    /// Revokes one refresh token (1217 if unknown); its access tokens live on until they expire.
    @Sendable
    static func revokeRefreshToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        try await engine.store.revokeRefreshToken(request.query["refresh_token"])
        return .ok(("IsDeleted", .bool(true)))
    }

    @Sendable
    static func revokeAllRefreshTokens(
        _ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine
    ) async throws -> EmulatorResponse {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        await engine.store.revokeAllRefreshTokens(uid: account.uid)
        return .ok(("IsDeleted", .bool(true)))
    }

    /// Marks the account's emails unverified and emails a new verification link to the primary
    /// one (`verificationUrl`, `emailTemplate`). 1113 without an email, 1115 when none is
    /// verified. Fires `InvalidateEmailVerification`.
    @Sendable
    static func invalidateEmailVerification(
        _ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine
    ) async throws -> EmulatorResponse {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        guard let email = account.primaryEmail else { throw LoginRadiusAPIError(.noEmailToInvalidate) }
        guard account.emailVerified || account.emails.contains(where: \.verified) else {
            throw LoginRadiusAPIError(.emailAlreadyUnverified)
        }
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.emailVerified = false
            for index in account.emails.indices { account.emails[index].verified = false }
            account.touch(now)
        }
        await AuthRegistrationRoutes.sendVerification(to: email, uid: account.uid, request: request, engine: engine)
        await engine.management.notify(
            "InvalidateEmailVerification", data: IdentitySerializer.json(updated), engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// Marks the phone unverified and texts a verification OTP (`smsTemplate`). 1147 without a
    /// phone, 1161 when it is unverified already. Fires `InvalidatePhoneVerification`.
    @Sendable
    static func invalidatePhoneVerification(
        _ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine
    ) async throws -> EmulatorResponse {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        guard let phone = account.phoneId else { throw LoginRadiusAPIError(.noPhoneToInvalidate) }
        guard account.factors.phoneVerified else { throw LoginRadiusAPIError(.phoneAlreadyUnverified) }
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.factors.phoneVerified = false
            account.touch(now)
        }
        let otp = await engine.store.issueOTP(
            purpose: .phoneVerification, uid: account.uid, recipient: phone, expiresAt: engine.emailTokenExpiry)
        await engine.outbox.append(
            engine.messages.sms(
                to: phone, purpose: .phoneVerification, otp: otp, template: request.query["smsTemplate"], now: now))
        await engine.management.notify(
            "InvalidatePhoneVerification", data: IdentitySerializer.json(updated), engine: engine)
        return ResponseBuilders.isPosted()
    }
}
