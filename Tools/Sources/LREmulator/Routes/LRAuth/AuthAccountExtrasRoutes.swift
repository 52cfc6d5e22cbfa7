// Account endpoints of LRAuth beyond read/update/delete:
// GET identity/v2/auth/account/sendwelcomeemail        — emails the welcome message (token)
// PUT identity/v2/auth/account/unlock                  — unlocks with a captcha answer (token)
// GET identity/v2/auth/email/sendverificationemail     — verification email for linking a social profile
// GET identity/v2/auth/account/ping?clientGuid=        — profile and tokens once that email is verified
import Foundation

enum AuthAccountExtrasRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/account/sendwelcomeemail", sendWelcomeEmail),
        Route("PUT", "identity/v2/auth/account/unlock", unlock),
        Route("GET", "identity/v2/auth/email/sendverificationemail", sendLinkingVerification),
        Route("GET", "identity/v2/auth/account/ping", profileByPing),
    ]

    /// `{"IsPosted": true}`; the welcome email goes to the primary address.
    @Sendable
    static func sendWelcomeEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        guard let email = account.primaryEmail else { throw LoginRadiusAPIError(.validEmailRequired) }
        await engine.outbox.append(
            engine.messages.welcome(to: email, template: request.query["welcomeEmailTemplate"], now: engine.now))
        return ResponseBuilders.isPosted()
    }

    /// The emulator never locks an account after failed logins, so a valid request finds it
    /// unlocked (1221), as LoginRadius answers for an unlocked account. A missing captcha
    /// answer is 982.
    @Sendable
    static func unlock(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        _ = try await engine.authenticatedUser(request)
        guard let answer = try request.jsonBody().string("g-recaptcha-response"), !answer.isEmpty else {
            throw LoginRadiusAPIError(.captchaInvalid)
        }
        throw LoginRadiusAPIError(.accountAlreadyUnlocked)
    }

    /// Emails a verification link for the primary address and remembers the client GUID:
    /// `{"IsPosted": true, "uuid": clientguid}`. 1136 for a GUID used before.
    @Sendable
    static func sendLinkingVerification(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        guard let guid = request.query["clientguid"] else { throw LoginRadiusAPIError(FactorError.clientGuidInvalid) }
        guard let email = account.primaryEmail else { throw LoginRadiusAPIError(.validEmailRequired) }
        try await engine.store.registerClientGuid(
            guid, uid: account.uid, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.clientGuid))
        let token = await AuthRegistrationRoutes.sendVerification(
            to: email, uid: account.uid, request: request, engine: engine)
        await engine.store.recordLinkingVerification(guid: guid, token: token)
        return .ok(("IsPosted", .bool(true)), ("uuid", .string(guid)))
    }

    /// `{"Profile", tokens}` once the verification link sent for the GUID was used; 1139 before,
    /// 1140 for an unknown GUID.
    @Sendable
    static func profileByPing(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let guid = request.query["clientGuid"] ?? ""
        await engine.store.approveLinkingGuidIfVerified(guid, now: engine.now)
        let uid = try await engine.store.takeApprovedClientGuid(guid, now: engine.now)
        return try await FactorSupport.loginResponse(uid: uid, engine: engine)
    }
}
