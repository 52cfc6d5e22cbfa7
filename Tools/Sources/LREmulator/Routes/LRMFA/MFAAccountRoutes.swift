// Multi-factor settings of a logged-in user (LRMFA), and their management by UID.
// GET    identity/v2/auth/account/2fa                               — settings; authenticator secret/QR
// PUT    identity/v2/auth/account/2fa/verification/authenticatorcode — enable the authenticator
// PUT    identity/v2/auth/account/2fa {phoneno2fa}                   — SMS OTP to a phone for 2FA
// PUT    identity/v2/auth/account/2fa/verification/otp {otp}         — enable SMS OTP
// GET    identity/v2/auth/account/2fa/otp/email?emailid=             — email OTP
// PUT    identity/v2/auth/account/2fa/verification/otp/email         — enable email OTP
// PUT    identity/v2/auth/account/2fa/securityquestionanswer         — set security answers
// DELETE identity/v2/auth/account/2fa/authenticator {authenticator | otpauthenticator}
// DELETE identity/v2/auth/account/2fa/authenticator/otp/email | …/securityquestionanswer
// GET    identity/v2/auth/account/2fa/backupcode[/reset]
// and the `identity/v2/manage/account/2fa/…?uid=` twins of the resets and backup codes.
import Foundation

enum MFAAccountRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/account/2fa", settings),
        Route("PUT", "identity/v2/auth/account/2fa/verification/authenticatorcode", verifyAuthenticator),
        Route("PUT", "identity/v2/auth/account/2fa/verification/googleauthenticatorcode", verifyAuthenticator),
        Route("PUT", "identity/v2/auth/account/2fa", setSMSPhone),
        Route("PUT", "identity/v2/auth/account/2fa/verification/otp", verifySMS),
        Route("GET", "identity/v2/auth/account/2fa/otp/email", sendEmailOTP),
        Route("PUT", "identity/v2/auth/account/2fa/verification/otp/email", verifyEmailOTP),
        Route("PUT", "identity/v2/auth/account/2fa/securityquestionanswer", setSecurityAnswers),
        Route(
            "DELETE", "identity/v2/auth/account/2fa/authenticator",
            { request, _, engine in
                try await reset(
                    .appOrSMS(try request.jsonBody()), uid: try await engine.authenticatedUser(request).1.uid,
                    engine: engine)
            }),
        Route(
            "DELETE", "identity/v2/auth/account/2fa/authenticator/otp/email",
            { request, _, engine in
                try await reset(.emailOTP, uid: try await engine.authenticatedUser(request).1.uid, engine: engine)
            }),
        Route(
            "DELETE", "identity/v2/auth/account/2fa/authenticator/securityquestionanswer",
            { request, _, engine in
                try await reset(
                    .securityQuestions, uid: try await engine.authenticatedUser(request).1.uid, engine: engine)
            }),
        Route(
            "GET", "identity/v2/auth/account/2fa/backupcode",
            { request, _, engine in
                try await backupCodes(
                    uid: try await engine.authenticatedUser(request).1.uid, regenerate: false, engine: engine)
            }),
        Route(
            "GET", "identity/v2/auth/account/2fa/backupcode/reset",
            { request, _, engine in
                try await backupCodes(
                    uid: try await engine.authenticatedUser(request).1.uid, regenerate: true, engine: engine)
            }),
        Route(
            "DELETE", "identity/v2/manage/account/2fa/authenticator",
            { request, _, engine in
                try await reset(
                    .appOrSMS(try request.jsonBody()), uid: try await managedUID(request, engine), engine: engine)
            }),
        Route(
            "DELETE", "identity/v2/manage/account/2fa/authenticator/otp/email",
            { request, _, engine in
                try await reset(.emailOTP, uid: try await managedUID(request, engine), engine: engine)
            }),
        Route(
            "DELETE", "identity/v2/manage/account/2fa/authenticator/securityquestionanswer",
            { request, _, engine in
                try await reset(.securityQuestions, uid: try await managedUID(request, engine), engine: engine)
            }),
        Route(
            "GET", "identity/v2/manage/account/2fa/backupcode",
            { request, _, engine in
                try await backupCodes(uid: try await managedUID(request, engine), regenerate: false, engine: engine)
            }),
        Route(
            "GET", "identity/v2/manage/account/2fa/backupcode/reset",
            { request, _, engine in
                try await backupCodes(uid: try await managedUID(request, engine), regenerate: true, engine: engine)
            }),
    ]

    /// Settings; an account without a verified authenticator gets a (pending) secret, shown as
    /// `QRCode` and `ManualEntryCode`.
    @Sendable
    static func settings(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await MFASupport.withSecret(try await engine.authenticatedUser(request).1, engine: engine)
        return FactorSupport.object(
            MFASupport.settingsFields(
                account, masked: false, showSecret: true, questions: MFASupport.questions(account)))
    }

    /// 1105 no code, 1099 no secret yet (read the settings first), 1102 wrong code → Identity.
    @Sendable
    static func verifyAuthenticator(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let code = MFASupport.authenticatorCode(try request.jsonBody())
        guard account.factors.authenticatorSecret != nil else {
            throw LoginRadiusAPIError(FactorError.authenticatorNotConfigured)
        }
        try MFASupport.checkAuthenticatorCode(code, account: account, allowPending: true, engine: engine)
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.factors.authenticatorVerified = true
            account.touch(now)
        }
        return EmulatorResponse(body: IdentitySerializer.json(updated))
    }

    /// Sends an OTP to `phoneno2fa`; verifying it enables SMS OTP. `{"AccountSid", "Sid"}`.
    @Sendable
    static func setSMSPhone(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phoneno2fa"))
        try await engine.store.update(uid: account.uid) { $0.factors.pendingSMSPhone = phone }
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .multiFactorSMS, outboxPurpose: .multiFactor,
            template: request.query["smsTemplate2FA"], engine: engine)
        return EmulatorResponse(body: FactorSupport.smsData(message))
    }

    /// The OTP sent to the pending 2FA phone (1067/1068/1069) → Identity.
    @Sendable
    static func verifySMS(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let phone = account.factors.pendingSMSPhone ?? account.factors.smsPhone
        let now = engine.now
        let record = try await engine.store.consumeOTP(
            try request.jsonBody().string("otp"), purpose: .multiFactorSMS, uid: account.uid, recipient: phone, now: now
        )
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.factors.smsPhone = record.recipient
            account.factors.pendingSMSPhone = nil
            account.touch(now)
        }
        return EmulatorResponse(body: IdentitySerializer.json(updated))
    }

    @Sendable
    static func sendEmailOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let email = try MFASupport.requireOwnEmail(request.query.email("emailid"), of: account)
        await FactorSupport.sendEmailOTP(
            to: email, uid: account.uid, purpose: .multiFactorEmail, outboxPurpose: .multiFactor,
            subject: "Verification Code", template: request.query["emailTemplate2FA"], engine: engine)
        return ResponseBuilders.isPosted()
    }

    @Sendable
    static func verifyEmailOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        let email = try MFASupport.requireOwnEmail(body.string("EmailId"), of: account)
        let now = engine.now
        try await engine.store.consumeOTP(
            body.string("Otp"), purpose: .multiFactorEmail, uid: account.uid, recipient: email, now: now)
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.factors.emailOTPEnabled = true
            account.touch(now)
        }
        return EmulatorResponse(body: IdentitySerializer.json(updated))
    }

    /// `{"securityquestionanswer": [{"QuestionId", "Answer"}], "ReplaceSecurityQuestionAnswer"}`:
    /// 1134 without answers, 1091 for an unknown question. Answers add to the stored ones
    /// unless `ReplaceSecurityQuestionAnswer` is true.
    @Sendable
    static func setSecurityAnswers(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        let answers = try validAnswers(body)
        let replace = body[caseInsensitive: "ReplaceSecurityQuestionAnswer"]?.lenientBool ?? false
        let now = engine.now
        try await engine.store.update(uid: account.uid) { account in
            if replace { account.factors.securityAnswers = [:] }
            account.factors.securityAnswers.merge(answers) { _, new in new }
            account.touch(now)
        }
        return ResponseBuilders.isPosted()
    }

    /// The `securityquestionanswer` of a body (1134 when empty, 1091 for an unknown question).
    static func validAnswers(_ body: JSONObject) throws(LoginRadiusAPIError) -> [String: String] {
        let answers = FactorSupport.securityAnswers(body[caseInsensitive: "securityquestionanswer"])
        guard !answers.isEmpty else { throw LoginRadiusAPIError.required("securityquestionanswer") }
        guard answers.keys.allSatisfy({ SecurityQuestions.question(id: $0) != nil }) else {
            throw LoginRadiusAPIError(FactorError.securityQuestionInvalid)
        }
        return answers
    }

    enum Factor {
        case appOrSMS(JSONObject)
        case emailOTP
        case securityQuestions
    }

    /// Turns a second factor off: 1121 when the body names none, 1279/1277/1256/1257 when it
    /// is not enabled. `{"IsDeleted": true}`.
    static func reset(_ factor: Factor, uid: String, engine: EmulatorEngine) async throws -> EmulatorResponse {
        let now = engine.now
        try await engine.store.update(uid: uid) { account in
            switch factor {
            case .appOrSMS(let body):
                let app = body[caseInsensitive: "authenticator"]?.lenientBool == true
                let sms = body[caseInsensitive: "otpauthenticator"]?.lenientBool == true
                guard app || sms else { throw LoginRadiusAPIError(FactorError.multiFactorRemovalInvalid) }
                if app {
                    guard account.factors.authenticatorVerified else {
                        throw LoginRadiusAPIError(FactorError.authenticatorNotEnabled)
                    }
                    account.factors.authenticatorVerified = false
                    account.factors.authenticatorSecret = nil
                }
                if sms {
                    guard account.factors.smsPhone != nil else {
                        throw LoginRadiusAPIError(FactorError.otpAuthenticatorNotEnabled)
                    }
                    account.factors.smsPhone = nil
                    account.factors.pendingSMSPhone = nil
                }
            case .emailOTP:
                guard account.factors.emailOTPEnabled else { throw LoginRadiusAPIError(FactorError.emailOTPNotEnabled) }
                account.factors.emailOTPEnabled = false
            case .securityQuestions:
                guard account.factors.securityQuestionEnabled else {
                    throw LoginRadiusAPIError(FactorError.securityQuestionNotEnabled)
                }
                account.factors.securityAnswers = [:]
            }
            account.touch(now)
        }
        return .ok(("IsDeleted", .bool(true)))
    }

    /// `{"BackUpCodes": [10 codes]}`: 1101 without a second factor; without `regenerate`, 1127
    /// when codes were already generated.
    static func backupCodes(uid: String, regenerate: Bool, engine: EmulatorEngine) async throws -> EmulatorResponse {
        let codes = MFASupport.newBackupCodes()
        try await engine.store.update(uid: uid) { account in
            guard account.factors.isMultiFactorConfigured else {
                throw LoginRadiusAPIError(FactorError.multiFactorNotConfigured)
            }
            guard regenerate || account.factors.backupCodes == nil else {
                throw LoginRadiusAPIError(FactorError.backupCodesAlreadyGenerated)
            }
            account.factors.backupCodes = codes
        }
        return .ok(("BackUpCodes", .array(codes.map(JSON.string))))
    }

    /// The account of a management request's `uid` query parameter (938).
    static func managedUID(_ request: EmulatorRequest, _ engine: EmulatorEngine) async throws -> String {
        guard let uid = request.query["uid"], await engine.store.account(uid: uid) != nil else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        return uid
    }
}
