// Re-authentication (LRReAuth): a logged-in user proves themselves again (password, PIN or a
// second factor) and gets a `SecondFactorValidationToken`, which the app's server checks with
// the management "validate" calls. Tokens are single-use and live 10 minutes.
// GET  identity/v2/auth/account/reauth/2fa                         — settings; SMS OTP if enabled
// PUT  identity/v2/auth/account/reauth/2fa/otp {otp}
// PUT  identity/v2/auth/account/reauth/2fa/backupcode {backupcode}
// PUT  identity/v2/auth/account/reauth/2fa/authenticatorcode {authenticatorcode}
// GET  identity/v2/auth/account/reauth/2fa/otp/email?emailid=
// PUT  identity/v2/auth/account/reauth/2fa/otp/email/verify {EmailId, otp}
// POST identity/v2/auth/account/reauth/2fa/securityquestionanswer/verify
// PUT  identity/v2/auth/account/reauth/password {password}
// PUT  identity/v2/auth/account/reauth/pin {pin}
// POST identity/v2/manage/account/{uid}/reauth/2fa|password|pin {secondfactorvalidationtoken}
import Foundation

enum ReAuthRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/account/reauth/2fa", trigger),
        Route("PUT", "identity/v2/auth/account/reauth/2fa/otp", byOTP),
        Route("PUT", "identity/v2/auth/account/reauth/2fa/backupcode", byBackupCode),
        Route("PUT", "identity/v2/auth/account/reauth/2fa/authenticatorcode", byAuthenticatorCode),
        Route("PUT", "identity/v2/auth/account/reauth/2fa/googleauthenticatorcode", byAuthenticatorCode),
        Route("GET", "identity/v2/auth/account/reauth/2fa/otp/email", sendEmailOTP),
        Route("PUT", "identity/v2/auth/account/reauth/2fa/otp/email/verify", byEmailOTP),
        Route("POST", "identity/v2/auth/account/reauth/2fa/securityquestionanswer/verify", bySecurityAnswers),
        Route("PUT", "identity/v2/auth/account/reauth/password", byPassword),
        Route("PUT", "identity/v2/auth/account/reauth/pin", byPIN),
        // LoginRadius documents password tokens as checked on `…/reauth/2fa` too.
        Route(
            "POST", "identity/v2/manage/account/{uid}/reauth/2fa",
            { request, parameters, engine in
                try await validate(request, parameters, engine, kinds: [.multiFactor, .password])
            }),
        Route(
            "POST", "identity/v2/manage/account/{uid}/reauth/password",
            { request, parameters, engine in
                try await validate(request, parameters, engine, kinds: [.password])
            }),
        Route(
            "POST", "identity/v2/manage/account/{uid}/reauth/pin",
            { request, parameters, engine in
                try await validate(request, parameters, engine, kinds: [.pin])
            }),
    ]

    /// 1101 without a second factor; an enabled SMS factor gets an OTP (`OTPStatus`).
    @Sendable
    static func trigger(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await multiFactorUser(request, engine)
        var otpStatus = JSON.null
        if let phone = account.factors.smsPhone {
            let message = await FactorSupport.sendSMSOTP(
                to: phone, uid: account.uid, purpose: .reauthentication, outboxPurpose: .reauthentication,
                template: request.query["smsTemplate2FA"], engine: engine)
            otpStatus = FactorSupport.smsData(message)
        }
        let questions = account.factors.securityQuestionEnabled ? MFASupport.questions(account) : .null
        return FactorSupport.object(
            MFASupport.settingsFields(
                account, masked: false, showSecret: false, otpStatus: otpStatus, questions: questions))
    }

    @Sendable
    static func byOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await multiFactorUser(request, engine)
        guard let phone = account.factors.smsPhone else {
            throw LoginRadiusAPIError(FactorError.otpAuthenticatorNotEnabled)
        }
        try await engine.store.consumeOTP(
            try request.jsonBody().string("otp"), purpose: .reauthentication, uid: account.uid, recipient: phone,
            now: engine.now)
        return await issue(.multiFactor, uid: account.uid, engine: engine)
    }

    @Sendable
    static func byBackupCode(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await multiFactorUser(request, engine)
        try await MFASupport.consumeBackupCode(
            try request.jsonBody().string("backupcode"), uid: account.uid, engine: engine)
        return await issue(.multiFactor, uid: account.uid, engine: engine)
    }

    @Sendable
    static func byAuthenticatorCode(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await multiFactorUser(request, engine)
        try MFASupport.checkAuthenticatorCode(
            MFASupport.authenticatorCode(try request.jsonBody()), account: account, allowPending: false, engine: engine)
        return await issue(.multiFactor, uid: account.uid, engine: engine)
    }

    /// 1256 without the email OTP factor, 1340 for another address.
    @Sendable
    static func sendEmailOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await multiFactorUser(request, engine)
        guard account.factors.emailOTPEnabled else { throw LoginRadiusAPIError(FactorError.emailOTPNotEnabled) }
        let email = try MFASupport.requireOwnEmail(request.query.email("emailid"), of: account)
        await FactorSupport.sendEmailOTP(
            to: email, uid: account.uid, purpose: .reauthentication, outboxPurpose: .reauthentication,
            subject: "Verification Code", template: request.query["emailTemplate2FA"], engine: engine)
        return ResponseBuilders.isPosted()
    }

    @Sendable
    static func byEmailOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await multiFactorUser(request, engine)
        let body = try request.jsonBody()
        let email = try MFASupport.requireOwnEmail(body.string("EmailId"), of: account)
        try await engine.store.consumeOTP(
            body.string("otp"), purpose: .reauthentication, uid: account.uid, recipient: email, now: engine.now)
        return await issue(.multiFactor, uid: account.uid, engine: engine)
    }

    @Sendable
    static func bySecurityAnswers(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await multiFactorUser(request, engine)
        guard account.factors.securityQuestionEnabled else {
            throw LoginRadiusAPIError(FactorError.securityQuestionNotEnabled)
        }
        let given = FactorSupport.securityAnswers(try request.jsonBody()[caseInsensitive: "securityquestionanswer"])
        guard FactorSupport.answersMatch(given, stored: account.factors.securityAnswers) else {
            throw LoginRadiusAPIError(FactorError.securityAnswerIncorrect)
        }
        return await issue(.multiFactor, uid: account.uid, engine: engine)
    }

    /// 1134 without a password, 966 for a wrong one.
    @Sendable
    static func byPassword(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        guard let password = try request.jsonBody().string("password") else {
            throw LoginRadiusAPIError.required("Password")
        }
        guard let hash = account.passwordHash, engine.passwords.verify(password, against: hash) else {
            throw LoginRadiusAPIError(.invalidCredentials)
        }
        return await issue(.password, uid: account.uid, engine: engine)
    }

    /// 1234 no PIN given, 1235 no PIN set, 1236 wrong PIN.
    @Sendable
    static func byPIN(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        try PINRoutes.checkPIN(
            try request.jsonBody().string("pin"), account: account, engine: engine, wrong: FactorError.pinInvalid)
        return await issue(.pin, uid: account.uid, engine: engine)
    }

    /// `{"IsValid": true}` for a live token of the right kind issued to `{uid}`; 1193 otherwise.
    static func validate(
        _ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine, kinds: [ValidationKind]
    ) async throws -> EmulatorResponse {
        let token = try request.jsonBody().string("secondfactorvalidationtoken")
        try await engine.store.consumeValidationToken(
            token, uid: parameters["uid"] ?? "", kinds: kinds, now: engine.now)
        return .ok(("IsValid", .bool(true)))
    }

    // MARK: Helpers

    /// The token's account, which must have a second factor (1101).
    private static func multiFactorUser(_ request: EmulatorRequest, _ engine: EmulatorEngine) async throws -> Account {
        let (_, account) = try await engine.authenticatedUser(request)
        guard account.factors.isMultiFactorConfigured else {
            throw LoginRadiusAPIError(FactorError.multiFactorNotConfigured)
        }
        return account
    }

    /// `{"SecondFactorValidationToken", "ExpireIn"}`
    private static func issue(_ kind: ValidationKind, uid: String, engine: EmulatorEngine) async -> EmulatorResponse {
        let expiresAt = engine.now.addingTimeInterval(FactorLifetimes.validationToken)
        let token = await engine.store.issueValidationToken(uid: uid, kind: kind, expiresAt: expiresAt)
        return .ok(
            ("SecondFactorValidationToken", .string(token)), ("ExpireIn", .string(LoginRadiusDates.iso8601(expiresAt))))
    }
}
