// PIN authentication (LRPIN). A password login of an account with a PIN also returns a PIN
// `session_token`; PIN login exchanges it and the PIN for a new access token. With
// `pinRequired`, a login without a PIN fails with 1243 carrying `Data.PINAuthToken`.
// POST identity/v2/auth/pin/set/pinauthtoken?pinAuthToken= {pin}
// POST identity/v2/auth/login/pin?session_token= {pin}
// GET  identity/v2/auth/session_token/invalidate?session_token=
// PUT  identity/v2/auth/pin/change {oldPIN, newPIN}                (token)
// POST identity/v2/auth/pin/forgot/email {email} | …/username {userName} — token + OTP by email
// POST identity/v2/auth/pin/forgot/otp {phone}                       — OTP by SMS
// PUT  identity/v2/auth/pin/reset/token {pin, resetToken}
// PUT  identity/v2/auth/pin/reset/otp/email|username|phone {…, otp, pin}
// PUT  identity/v2/auth/pin/reset/securityanswer/email|username|phone {…, securityAnswer, pin}
import Foundation

enum PINRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/pin/set/pinauthtoken", setPIN),
        Route("POST", "identity/v2/auth/login/pin", pinLogin),
        Route("GET", "identity/v2/auth/session_token/invalidate", invalidateSession),
        Route("PUT", "identity/v2/auth/pin/change", changePIN),
        Route("POST", "identity/v2/auth/pin/forgot/email", forgotByEmail),
        Route("POST", "identity/v2/auth/pin/forgot/username", forgotByEmail),
        Route("POST", "identity/v2/auth/pin/forgot/otp", forgotBySMS),
        Route("PUT", "identity/v2/auth/pin/reset/token", resetByToken),
        Route("PUT", "identity/v2/auth/pin/reset/otp/email", resetByOTP),
        Route("PUT", "identity/v2/auth/pin/reset/otp/username", resetByOTP),
        Route("PUT", "identity/v2/auth/pin/reset/otp/phone", resetByOTP),
        Route("PUT", "identity/v2/auth/pin/reset/securityanswer/email", resetBySecurityAnswer),
        Route("PUT", "identity/v2/auth/pin/reset/securityanswer/username", resetBySecurityAnswer),
        Route("PUT", "identity/v2/auth/pin/reset/securityanswer/phone", resetBySecurityAnswer),
    ]

    /// 1234 when missing; 4 to 32 characters (1134 otherwise, the emulator's PIN policy).
    static func requirePIN(_ pin: String?) throws(LoginRadiusAPIError) -> String {
        guard let pin, !pin.isEmpty else { throw LoginRadiusAPIError(FactorError.pinRequiredField) }
        guard (4...32).contains(pin.count) else {
            throw LoginRadiusAPIError.validation(
                FieldError(
                    propertyName: "PIN",
                    errorMessage:
                        "The field PIN must be a string with a minimum length of 4 and a maximum length of 32."))
        }
        return pin
    }

    /// Email registration with a `PIN` field sets it; an invalid PIN undoes the registration.
    static func applyRegistrationPIN(_ body: JSONObject, uid: String, engine: EmulatorEngine) async throws {
        guard let pin = body.string("PIN") else { return }
        do {
            try await store(try requirePIN(pin), uid: uid, engine: engine)
        } catch {
            await engine.store.deleteAccount(uid: uid)
            throw error
        }
    }

    /// 1239/1240 for the token → `{"Profile", tokens, "session_token", "session_expires_in"}`.
    @Sendable
    static func setPIN(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let token = request.query["pinAuthToken"]
        let (_, account) = try await engine.store.grant(.pinAuth, token: token, now: engine.now)
        let pin = try requirePIN(try request.jsonBody().string("pin"))
        try await store(pin, uid: account.uid, engine: engine)
        await engine.store.revokeGrant(.pinAuth, token: token ?? "")
        let (updated, session) = try await FactorSupport.startSession(uid: account.uid, engine: engine)
        let fields =
            [("Profile", IdentitySerializer.json(updated))] + ResponseBuilders.tokenFields(session)
            + (await FactorSupport.pinSessionFields(uid: account.uid, engine: engine))
        return EmulatorResponse(body: .object(JSONObject(fields)))
    }

    /// 1245/1246 for the session token, 1235 no PIN, 1236 wrong PIN → `{"Profile", tokens}`.
    @Sendable
    static func pinLogin(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.store.grant(
            .pinSession, token: request.query["session_token"], now: engine.now)
        try checkPIN(
            try request.jsonBody().string("pin"), account: account, engine: engine, wrong: FactorError.pinInvalid)
        return try await FactorSupport.loginResponse(uid: account.uid, engine: engine)
    }

    @Sendable
    static func invalidateSession(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let token = request.query["session_token"]
        _ = try await engine.store.grant(.pinSession, token: token, now: engine.now)
        await engine.store.revokeGrant(.pinSession, token: token ?? "")
        return ResponseBuilders.isPosted()
    }

    /// 1235 no PIN, 1241 wrong old PIN.
    @Sendable
    static func changePIN(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        try checkPIN(body.string("oldPIN"), account: account, engine: engine, wrong: FactorError.currentPinInvalid)
        try await store(try requirePIN(body.string("newPIN")), uid: account.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// Emails a reset token (link `resetPINUrl?vtype=resetpin&vtoken=…`) and an OTP.
    @Sendable
    static func forgotByEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account = try await FactorCredentials.account(
            email: body.string("email"), username: body.string("userName", "username"), phone: nil, engine: engine)
        guard let email = body.string("email").flatMap({ account.email(matching: $0)?.value }) ?? account.primaryEmail
        else {
            throw LoginRadiusAPIError(.validEmailRequired)
        }
        let token = await engine.store.issueLinkToken(
            kind: .pinReset, uid: account.uid, email: email, expiresAt: engine.emailTokenExpiry)
        let otp = await engine.store.issueOTP(
            purpose: .pinReset, uid: account.uid, recipient: email,
            expiresAt: engine.now.addingTimeInterval(FactorLifetimes.otp))
        await engine.outbox.append(
            engine.messages.factorEmail(
                to: email, purpose: .pinReset, subject: "Reset PIN", token: token, otp: otp,
                link: engine.messages.factorLink(request.query["resetPINUrl"], vtype: "resetpin", token: token),
                template: request.query["emailTemplate"], now: engine.now))
        return ResponseBuilders.isPosted()
    }

    @Sendable
    static func forgotBySMS(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phone"))
        let account = try await FactorCredentials.account(email: nil, username: nil, phone: phone, engine: engine)
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .pinReset, outboxPurpose: .pinReset,
            template: request.query["smsTemplate"], engine: engine)
        return FactorSupport.postedSMS(message)
    }

    /// 1063 unknown token, 1242 used, 975 expired.
    @Sendable
    static func resetByToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let pin = try requirePIN(body.string("pin"))
        let record = try await engine.store.consumeLinkToken(
            body.string("resetToken"), kinds: [.pinReset], now: engine.now)
        try await store(pin, uid: record.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// The OTP sent by "forgot PIN" to that email, phone, or the username's email.
    @Sendable
    static func resetByOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account = try await account(of: body, engine: engine)
        let pin = try requirePIN(body.string("pin"))
        try await engine.store.consumeOTP(body.string("otp"), purpose: .pinReset, uid: account.uid, now: engine.now)
        try await store(pin, uid: account.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// `securityAnswer: {questionId: answer}`: 1092 without stored answers, 1094 wrong.
    @Sendable
    static func resetBySecurityAnswer(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account = try await account(of: body, engine: engine)
        let pin = try requirePIN(body.string("pin"))
        guard account.factors.securityQuestionEnabled else {
            throw LoginRadiusAPIError(FactorError.securityAnswersNotSaved)
        }
        let given = FactorSupport.securityAnswers(body[caseInsensitive: "securityAnswer"])
        guard FactorSupport.answersMatch(given, stored: account.factors.securityAnswers) else {
            throw LoginRadiusAPIError(FactorError.securityAnswerIncorrect)
        }
        try await store(pin, uid: account.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }

    // MARK: Helpers

    private static func account(of body: JSONObject, engine: EmulatorEngine) async throws -> Account {
        try await FactorCredentials.account(
            email: body.string("email"), username: body.string("username", "userName"), phone: body.string("phone"),
            engine: engine)
    }

    /// 1234 missing, 1235 no PIN on the account, `wrong` for a mismatch.
    static func checkPIN(_ pin: String?, account: Account, engine: EmulatorEngine, wrong: LoginRadiusErrorCode)
        throws(LoginRadiusAPIError)
    {
        guard let pin, !pin.isEmpty else { throw LoginRadiusAPIError(FactorError.pinRequiredField) }
        guard let hash = account.factors.pinHash else { throw LoginRadiusAPIError(FactorError.pinNotAvailable) }
        guard engine.passwords.verify(pin, against: hash) else { throw LoginRadiusAPIError(wrong) }
    }

    private static func store(_ pin: String, uid: String, engine: EmulatorEngine) async throws {
        let hash = try engine.passwords.hash(pin)
        let now = engine.now
        try await engine.store.update(uid: uid) { account in
            account.factors.pinHash = hash
            account.factors.lastPINChangeDate = now
            account.touch(now)
        }
    }
}
