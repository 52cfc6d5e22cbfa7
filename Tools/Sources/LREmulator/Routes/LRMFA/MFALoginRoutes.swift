// Multi-factor login (LRMFA). `login/2fa` checks the password; when the user has a second
// factor (or multi-factor is required) it answers with a `SecondFactorAuthenticationToken`,
// which one of the verification calls below turns into a session.
// POST identity/v2/auth/login/2fa {email | username | phone, password}
// PUT  identity/v2/auth/login/2fa/verification/authenticatorcode {authenticatorcode}
// PUT  identity/v2/auth/login/2fa/verification/otp {otp}           — SMS OTP
// PUT  identity/v2/auth/login/2fa/verification/backupcode {backupcode}
// PUT  identity/v2/auth/login/2fa/verification/otp/email {EmailId, Otp}
// POST identity/v2/auth/login/2fa/verification/securityquestionanswer
// PUT  identity/v2/auth/login/2fa/securityquestionanswer           — set answers (enrolment)
// PUT  identity/v2/auth/login/2fa {phoneno2fa}                      — SMS phone (enrolment)
// GET  identity/v2/auth/login/2fa/resend                            — SMS OTP again
// POST identity/v2/auth/login/2fa/otp/email {EmailId}               — email OTP
// All take `secondfactorauthenticationtoken` in the query (1103 unknown, 1104 expired).
import Foundation

enum MFALoginRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/login/2fa", login),
        Route("PUT", "identity/v2/auth/login/2fa/verification/authenticatorcode", verifyAuthenticator),
        Route("PUT", "identity/v2/auth/login/2fa/verification/googleauthenticatorcode", verifyAuthenticator),
        Route("PUT", "identity/v2/auth/login/2fa/verification/otp", verifySMS),
        Route("PUT", "identity/v2/auth/login/2fa/verification/backupcode", verifyBackupCode),
        Route("PUT", "identity/v2/auth/login/2fa/verification/otp/email", verifyEmailOTP),
        Route("POST", "identity/v2/auth/login/2fa/verification/securityquestionanswer", verifySecurityAnswers),
        Route("PUT", "identity/v2/auth/login/2fa/securityquestionanswer", setSecurityAnswers),
        Route("PUT", "identity/v2/auth/login/2fa", setSMSPhone),
        Route("GET", "identity/v2/auth/login/2fa/resend", resendSMS),
        Route("POST", "identity/v2/auth/login/2fa/otp/email", sendEmailOTP),
    ]

    /// Without a second factor to ask for: `{"SecondFactorAuthentication": null, "Profile", tokens}`.
    /// Otherwise `{"SecondFactorAuthentication": {token, ExpireIn, settings}, "Profile": null,
    /// "access_token": "00000000-…", "expires_in": "0001-01-01T00:00:00"}`; an enabled SMS factor
    /// gets its OTP at once (`OTPStatus`).
    @Sendable
    static func login(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await FactorCredentials.authenticate(try request.jsonBody(), engine: engine)
        let enrolling = MFASupport.isEnrolling(account, engine: engine)
        guard account.factors.isMultiFactorConfigured || enrolling else {
            let (updated, session) = try await FactorSupport.startSession(uid: account.uid, engine: engine)
            return EmulatorResponse(
                body: .object(
                    JSONObject(
                        [("SecondFactorAuthentication", .null), ("Profile", IdentitySerializer.json(updated))]
                            + ResponseBuilders.tokenFields(session))))
        }
        let current = enrolling ? try await MFASupport.withSecret(account, engine: engine) : account
        let expiresAt = engine.now.addingTimeInterval(FactorLifetimes.secondFactorToken)
        let token = await engine.store.issueGrant(.secondFactor, uid: account.uid, expiresAt: expiresAt)
        var otpStatus = JSON.null
        if let phone = current.factors.smsPhone {
            let message = await FactorSupport.sendSMSOTP(
                to: phone, uid: current.uid, purpose: .multiFactorSMS, outboxPurpose: .multiFactor,
                template: request.query["smsTemplate2FA"], engine: engine)
            otpStatus = FactorSupport.smsData(message)
        }
        let questions = current.factors.securityQuestionEnabled || enrolling ? MFASupport.questions(current) : .null
        let secondFactor = JSONObject(
            [
                ("SecondFactorAuthenticationToken", .string(token)),
                ("ExpireIn", .string(LoginRadiusDates.iso8601(expiresAt))),
            ]
                + MFASupport.settingsFields(
                    current, masked: true, showSecret: enrolling, otpStatus: otpStatus, questions: questions))
        return EmulatorResponse(
            body: .object(
                JSONObject([
                    ("SecondFactorAuthentication", .object(secondFactor)),
                    ("Profile", .null),
                    ("access_token", .string("00000000-0000-0000-0000-000000000000")),
                    ("expires_in", .string("0001-01-01T00:00:00")),
                ])))
    }

    /// 1105 no code, 1279 no authenticator, 1102 wrong code. While enrolling, the pending
    /// secret counts and a right code enables it.
    @Sendable
    static func verifyAuthenticator(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (token, account) = try await pendingLogin(request, engine)
        let enrolling = MFASupport.isEnrolling(account, engine: engine)
        try MFASupport.checkAuthenticatorCode(
            MFASupport.authenticatorCode(try request.jsonBody()), account: account, allowPending: enrolling,
            engine: engine)
        return try await finish(token: token, uid: account.uid, engine: engine) {
            $0.factors.authenticatorVerified = true
        }
    }

    /// The SMS OTP (1277 when SMS OTP is not enabled and the user is not enrolling one).
    @Sendable
    static func verifySMS(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (token, account) = try await pendingLogin(request, engine)
        let enrolling = MFASupport.isEnrolling(account, engine: engine)
        guard let phone = account.factors.smsPhone ?? (enrolling ? account.factors.pendingSMSPhone : nil) else {
            throw LoginRadiusAPIError(FactorError.otpAuthenticatorNotEnabled)
        }
        try await engine.store.consumeOTP(
            try request.jsonBody().string("otp"), purpose: .multiFactorSMS, uid: account.uid, recipient: phone,
            now: engine.now)
        return try await finish(token: token, uid: account.uid, engine: engine) { account in
            account.factors.smsPhone = phone
            account.factors.pendingSMSPhone = nil
        }
    }

    /// A backup code (1128 unknown or used).
    @Sendable
    static func verifyBackupCode(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (token, account) = try await pendingLogin(request, engine)
        try await MFASupport.consumeBackupCode(
            try request.jsonBody().string("backupcode"), uid: account.uid, engine: engine)
        return try await finish(token: token, uid: account.uid, engine: engine)
    }

    @Sendable
    static func verifyEmailOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (token, account) = try await pendingLogin(request, engine)
        let body = try request.jsonBody()
        let email = try emailFactor(body.string("EmailId"), account: account, engine: engine)
        try await engine.store.consumeOTP(
            body.string("Otp"), purpose: .multiFactorEmail, uid: account.uid, recipient: email, now: engine.now)
        return try await finish(token: token, uid: account.uid, engine: engine) { $0.factors.emailOTPEnabled = true }
    }

    /// 1257 without the security-question factor, 1094 for a wrong answer.
    @Sendable
    static func verifySecurityAnswers(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (token, account) = try await pendingLogin(request, engine)
        guard account.factors.securityQuestionEnabled else {
            throw LoginRadiusAPIError(FactorError.securityQuestionNotEnabled)
        }
        let given = FactorSupport.securityAnswers(try request.jsonBody()[caseInsensitive: "securityquestionanswer"])
        guard FactorSupport.answersMatch(given, stored: account.factors.securityAnswers) else {
            throw LoginRadiusAPIError(FactorError.securityAnswerIncorrect)
        }
        return try await finish(token: token, uid: account.uid, engine: engine)
    }

    /// Enrolment with security answers (1258 when the user already has a second factor).
    @Sendable
    static func setSecurityAnswers(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (token, account) = try await pendingLogin(request, engine)
        guard MFASupport.isEnrolling(account, engine: engine) else {
            throw LoginRadiusAPIError(FactorError.multiFactorAlreadyEnabled)
        }
        let answers = try MFAAccountRoutes.validAnswers(try request.jsonBody())
        return try await finish(token: token, uid: account.uid, engine: engine) { $0.factors.securityAnswers = answers }
    }

    /// Enrolment with SMS OTP: sends an OTP to `phoneno2fa` (1250 when the user already has a
    /// second factor). `{"AccountSid", "Sid"}`.
    @Sendable
    static func setSMSPhone(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await pendingLogin(request, engine)
        guard MFASupport.isEnrolling(account, engine: engine) else {
            throw LoginRadiusAPIError(FactorError.multiFactorPhoneUpdateInvalid)
        }
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phoneno2fa"))
        try await engine.store.update(uid: account.uid) { $0.factors.pendingSMSPhone = phone }
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .multiFactorSMS, outboxPurpose: .multiFactor,
            template: request.query["smsTemplate2FA"], engine: engine)
        return EmulatorResponse(body: FactorSupport.smsData(message))
    }

    /// The SMS OTP again (1277 without a 2FA phone).
    @Sendable
    static func resendSMS(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await pendingLogin(request, engine)
        guard let phone = account.factors.smsPhone ?? account.factors.pendingSMSPhone else {
            throw LoginRadiusAPIError(FactorError.otpAuthenticatorNotEnabled)
        }
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .multiFactorSMS, outboxPurpose: .multiFactor,
            template: request.query["smsTemplate2FA"], engine: engine)
        return EmulatorResponse(body: FactorSupport.smsData(message))
    }

    @Sendable
    static func sendEmailOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await pendingLogin(request, engine)
        let email = try emailFactor(try request.jsonBody().string("EmailId"), account: account, engine: engine)
        await FactorSupport.sendEmailOTP(
            to: email, uid: account.uid, purpose: .multiFactorEmail, outboxPurpose: .multiFactor,
            subject: "Verification Code", template: request.query["emailTemplate2FA"], engine: engine)
        return ResponseBuilders.isPosted()
    }

    // MARK: Helpers

    /// The second-factor token of the query and its account.
    private static func pendingLogin(_ request: EmulatorRequest, _ engine: EmulatorEngine) async throws -> (
        String, Account
    ) {
        let token = request.query["secondfactorauthenticationtoken"]
        let (_, account) = try await engine.store.grant(.secondFactor, token: token, now: engine.now)
        return (token ?? "", account)
    }

    /// One of the account's addresses, usable when email OTP is enabled or being enrolled (1256).
    private static func emailFactor(_ email: String?, account: Account, engine: EmulatorEngine)
        throws(LoginRadiusAPIError) -> String
    {
        guard account.factors.emailOTPEnabled || MFASupport.isEnrolling(account, engine: engine) else {
            throw LoginRadiusAPIError(FactorError.emailOTPNotEnabled)
        }
        return try MFASupport.requireOwnEmail(email, of: account)
    }

    /// Uses up the second-factor token and logs in: `{"Profile", tokens}`.
    private static func finish(
        token: String, uid: String, engine: EmulatorEngine,
        change: @escaping @Sendable (inout Account) -> Void = { _ in }
    ) async throws -> EmulatorResponse {
        await engine.store.revokeGrant(.secondFactor, token: token)
        return try await FactorSupport.loginResponse(uid: uid, engine: engine, change: change)
    }
}
