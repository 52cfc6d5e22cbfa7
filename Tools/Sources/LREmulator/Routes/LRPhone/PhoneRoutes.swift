// Phone authentication (LRPhone). Registration by phone and login by phone share
// `auth/register` and `auth/login` with email; those routes hand phone bodies to
// `register(_:body:engine:)` and `login(_:body:engine:)`.
// POST   identity/v2/auth/phone/otp {phone}        — resend the verification OTP (token optional)
// PUT    identity/v2/auth/phone/otp?otp= {phone}   — verify by OTP (logs in), or by token
// PUT    identity/v2/auth/phone {phone}            — update the phone (token); OTP to the new one
// GET    identity/v2/auth/phone?phone=             — availability
// DELETE identity/v2/auth/phone                    — remove the phone (token)
// POST   identity/v2/auth/password/otp {phone}     — forgot password: OTP by SMS
// PUT    identity/v2/auth/password/otp {phone, otp, password} — reset by OTP
import Foundation

enum PhoneRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/phone/otp", resendOTP),
        Route("PUT", "identity/v2/auth/phone/otp", verifyOTP),
        Route("PUT", "identity/v2/auth/phone", updatePhone),
        Route("GET", "identity/v2/auth/phone", availability),
        Route("DELETE", "identity/v2/auth/phone", removePhone),
        Route("POST", "identity/v2/auth/password/otp", forgotPassword),
        Route("PUT", "identity/v2/auth/password/otp", resetPassword),
    ]

    /// Registration with a `PhoneId` (SOTT already checked): 1096 malformed phone, 1058 taken.
    /// Sends the phone an OTP (and the email, if any, a verification link).
    static func register(_ request: EmulatorRequest, body: JSONObject, engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(body.string("PhoneId"))
        let emails = try ProfileInput.emails(of: body)
        for email in emails { _ = try Validation.requireEmail(email.value) }
        let password = try Validation.requirePassword(
            body.string("Password"), property: "Password", policy: engine.configuration.passwordLength)
        let username = try body.string("UserName").map { name throws(LoginRadiusAPIError) in
            try Validation.requireUsername(name)
        }
        guard await !engine.store.isPhoneTaken(phone) else {
            throw LoginRadiusAPIError(FactorError.phoneAlreadyRegistered)
        }
        let now = engine.now
        var account = Account(
            uid: TokenGenerator.hex32(), id: TokenGenerator.hex32(), emails: emails, username: username,
            phoneId: phone, passwordHash: try engine.passwords.hash(password),
            profile: ProfileInput.writableFields(of: body), emailVerified: false,
            createdDate: now, modifiedDate: now, profileModifiedDate: now, lastPasswordChangeDate: nil)
        if let pin = body.string("PIN") {
            account.factors.pinHash = try engine.passwords.hash(try PINRoutes.requirePIN(pin))
            account.factors.lastPINChangeDate = now
        }
        try await engine.store.insert(account)

        let required = engine.configuration.verificationRequired
        let options = (request.query["options"] ?? "").lowercased()
        if let email = account.primaryEmail, required || !options.contains("preventverificationemail") {
            await AuthRegistrationRoutes.sendVerification(to: email, uid: account.uid, request: request, engine: engine)
        }
        if required || !options.contains("preventverificationsms") {
            _ = await FactorSupport.sendSMSOTP(
                to: phone, uid: account.uid, purpose: .phoneVerification, outboxPurpose: .phoneVerification,
                template: request.query["smsTemplate"], engine: engine)
        }
        guard !required else { return .ok(("IsPosted", .bool(true)), ("Data", .null)) }
        let (loggedIn, session) = try await FactorSupport.startSession(uid: account.uid, engine: engine)
        return .ok(("IsPosted", .bool(true)), ("Data", ResponseBuilders.profileAndToken(loggedIn, session)))
    }

    /// `{phone, password}` login: 938, 966, 1066 (unverified phone), then the multi-factor and
    /// PIN checks of every password login.
    static func login(_: EmulatorRequest, body: JSONObject, engine: EmulatorEngine) async throws -> EmulatorResponse {
        let account = try await FactorCredentials.authenticate(body, engine: engine)
        return try await FactorSupport.completePasswordLogin(account, engine: engine)
    }

    /// Without a token: the OTP of an unverified phone (938 unknown, 1073 already verified).
    /// With one: the OTP of the account's pending (updated) or unverified phone.
    @Sendable
    static func resendOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phone"))
        let account: Account
        if request.accessToken != nil {
            account = try await engine.authenticatedUser(request).1
            let unverified = account.phoneId == phone && !account.factors.phoneVerified
            guard account.factors.pendingPhone == phone || unverified else {
                throw LoginRadiusAPIError(
                    account.phoneId == phone ? FactorError.phoneAlreadyVerified : FactorError.phoneInvalidOrMissing)
            }
        } else {
            guard let found = await engine.store.account(phone: phone) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            guard !found.factors.phoneVerified else { throw LoginRadiusAPIError(FactorError.phoneAlreadyVerified) }
            account = found
        }
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .phoneVerification, outboxPurpose: .phoneVerification,
            template: request.query["smsTemplate"], engine: engine)
        return FactorSupport.postedSMS(message)
    }

    /// Without a token: `{phone}` + `otp` verifies the phone and logs in. With one: verifies the
    /// account's pending or unverified phone (1120 when there is none), `{"IsPosted": true}`.
    @Sendable
    static func verifyOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let otp = request.query["otp"]
        let now = engine.now
        if request.accessToken != nil {
            let (_, account) = try await engine.authenticatedUser(request)
            let unverified = account.factors.phoneVerified ? nil : account.phoneId
            guard let phone = account.factors.pendingPhone ?? unverified else {
                throw LoginRadiusAPIError(FactorError.phoneVerificationByTokenInvalid)
            }
            try await engine.store.consumeOTP(
                otp, purpose: .phoneVerification, uid: account.uid, recipient: phone, now: now)
            guard await !engine.store.isPhoneTaken(phone, except: account.uid) else {
                throw LoginRadiusAPIError(FactorError.phoneAlreadyRegistered)
            }
            try await engine.store.update(uid: account.uid) { account in
                account.phoneId = phone
                account.factors.pendingPhone = nil
                account.factors.phoneVerified = true
                account.touch(now)
            }
            return ResponseBuilders.isPosted()
        }
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phone"))
        guard let account = await engine.store.account(phone: phone) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        try await engine.store.consumeOTP(
            otp, purpose: .phoneVerification, uid: account.uid, recipient: phone, now: now)
        return try await FactorSupport.loginResponse(uid: account.uid, engine: engine) { account in
            account.factors.phoneVerified = true
        }
    }

    /// Sends an OTP to the new phone; it replaces the login phone once verified by token.
    /// 1058 when another account has it, 1073 when it already is the verified phone.
    @Sendable
    static func updatePhone(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phone"))
        guard account.phoneId != phone || !account.factors.phoneVerified else {
            throw LoginRadiusAPIError(FactorError.phoneAlreadyVerified)
        }
        guard await !engine.store.isPhoneTaken(phone, except: account.uid) else {
            throw LoginRadiusAPIError(FactorError.phoneAlreadyRegistered)
        }
        try await engine.store.update(uid: account.uid) { $0.factors.pendingPhone = phone }
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .phoneVerification, outboxPurpose: .phoneVerification,
            template: request.query["smsTemplate"], engine: engine)
        return FactorSupport.postedSMS(message)
    }

    @Sendable
    static func availability(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(FactorSupport.queryPhone(request))
        return .ok(("IsExist", .bool(await engine.store.isPhoneTaken(phone))))
    }

    /// 1292 when the account has no phone.
    @Sendable
    static func removePhone(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        guard account.phoneId != nil else { throw LoginRadiusAPIError(FactorError.phoneNotLinked) }
        let now = engine.now
        try await engine.store.update(uid: account.uid) { account in
            account.phoneId = nil
            account.factors.phoneVerified = false
            account.factors.pendingPhone = nil
            account.touch(now)
        }
        return .ok(("IsDeleted", .bool(true)))
    }

    @Sendable
    static func forgotPassword(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phone"))
        guard let account = await engine.store.account(phone: phone) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .passwordReset, outboxPurpose: .passwordReset,
            template: request.query["smsTemplate"], engine: engine)
        return FactorSupport.postedSMS(message)
    }

    /// 938 unknown phone, 1134 password outside the policy, 1067/1068/1069 bad OTP.
    @Sendable
    static func resetPassword(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let phone = try FactorSupport.requirePhone(body.string("phone"))
        guard let account = await engine.store.account(phone: phone) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        let password = try Validation.requirePassword(
            body.string("password"), property: "Password", policy: engine.configuration.passwordLength)
        let now = engine.now
        try await engine.store.consumeOTP(
            body.string("otp"), purpose: .passwordReset, uid: account.uid, recipient: phone, now: now)
        let hash = try engine.passwords.hash(password)
        try await engine.store.update(uid: account.uid) { account in
            account.passwordHash = hash
            account.lastPasswordChangeDate = now
            account.touch(now)
        }
        return ResponseBuilders.isPosted()
    }
}
