// Passwordless login (LRAuth `passwordlessLogin`): a link and an OTP by email, or an OTP by SMS.
// GET  identity/v2/auth/login/passwordlesslogin/email?email= | username=   — link + OTP by email
// GET  identity/v2/auth/login/passwordlesslogin/email/verify?verificationToken=
// POST identity/v2/auth/login/passwordlesslogin/email/verifyotp {email, otp}
// POST identity/v2/auth/login/passwordlesslogin/username/verifyotp {username, otp}
// GET  identity/v2/auth/login/passwordlesslogin/otp?phone=                 — OTP by SMS
// PUT  identity/v2/auth/login/passwordlesslogin/otp/verify {phone, otp}
import Foundation

enum PasswordlessRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/login/passwordlesslogin/email", sendEmail),
        Route("GET", "identity/v2/auth/login/passwordlesslogin/email/verify", verifyLink),
        Route("POST", "identity/v2/auth/login/passwordlesslogin/email/verifyotp", verifyEmailOTP),
        Route("POST", "identity/v2/auth/login/passwordlesslogin/username/verifyotp", verifyEmailOTP),
        Route("GET", "identity/v2/auth/login/passwordlesslogin/otp", sendSMS),
        Route("PUT", "identity/v2/auth/login/passwordlesslogin/otp/verify", verifySMS),
    ]

    /// Emails a link (`verificationUrl?vtype=passwordlesslogin&vtoken=…`) and an OTP (938 for
    /// an unknown user).
    @Sendable
    static func sendEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await FactorCredentials.account(
            email: request.query.email("email"), username: request.query["username"], phone: nil, engine: engine)
        guard
            let email = request.query.email("email").flatMap({ account.email(matching: $0)?.value })
                ?? account.primaryEmail
        else {
            throw LoginRadiusAPIError(.validEmailRequired)
        }
        let token = await engine.store.issueLinkToken(
            kind: .passwordless, uid: account.uid, email: email, expiresAt: engine.emailTokenExpiry)
        let otp = await engine.store.issueOTP(
            purpose: .passwordless, uid: account.uid, recipient: email,
            expiresAt: engine.now.addingTimeInterval(FactorLifetimes.otp))
        await engine.outbox.append(
            engine.messages.factorEmail(
                to: email, purpose: .passwordlessLogin, subject: "Passwordless Login", token: token, otp: otp,
                link: engine.messages.factorLink(
                    request.query["verificationUrl"], vtype: "passwordlesslogin", token: token),
                template: request.query["passwordLessLoginTemplate"], now: engine.now))
        return ResponseBuilders.isPosted()
    }

    /// The link's token logs in (and verifies the address): 1063 unknown, 1062 used, 975 expired.
    @Sendable
    static func verifyLink(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let record = try await engine.store.consumeLinkToken(
            request.query["verificationToken"], kinds: [.passwordless], now: engine.now)
        await welcome(record.email, template: request.query["welcomeEmailTemplate"], engine: engine)
        return try await FactorSupport.loginResponse(uid: record.uid, engine: engine, change: verifying(record.email))
    }

    /// `{email | username, otp}`: the OTP of the passwordless email (1067/1068/1069).
    @Sendable
    static func verifyEmailOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account = try await FactorCredentials.account(
            email: body.string("email"), username: body.string("username"), phone: nil, engine: engine)
        let record = try await engine.store.consumeOTP(
            body.string("otp"), purpose: .passwordless, uid: account.uid, now: engine.now)
        await welcome(record.recipient, template: body.string("welcomeemailtemplate"), engine: engine)
        return try await FactorSupport.loginResponse(
            uid: account.uid, engine: engine, change: verifying(record.recipient))
    }

    @Sendable
    static func sendSMS(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(FactorSupport.queryPhone(request))
        let account = try await FactorCredentials.account(email: nil, username: nil, phone: phone, engine: engine)
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: account.uid, purpose: .passwordless, outboxPurpose: .passwordlessLogin,
            template: request.query["smsTemplate"], engine: engine)
        return FactorSupport.postedSMS(message)
    }

    /// `{phone, otp}` logs in and verifies the phone.
    @Sendable
    static func verifySMS(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let phone = try FactorSupport.requirePhone(body.string("phone"))
        let account = try await FactorCredentials.account(email: nil, username: nil, phone: phone, engine: engine)
        try await engine.store.consumeOTP(
            body.string("otp"), purpose: .passwordless, uid: account.uid, recipient: phone, now: engine.now)
        return try await FactorSupport.loginResponse(uid: account.uid, engine: engine) {
            $0.factors.phoneVerified = true
        }
    }

    /// A change marking `email` verified (following an emailed link or OTP proves the address).
    static func verifying(_ email: String) -> @Sendable (inout Account) -> Void {
        { account in
            guard let index = account.emails.firstIndex(where: { $0.value.lowercased() == email.lowercased() }) else {
                return
            }
            account.emails[index].verified = true
            account.emailVerified = true
        }
    }

    /// A welcome email when the request names a welcome template.
    static func welcome(_ email: String, template: String?, engine: EmulatorEngine) async {
        guard let template else { return }
        await engine.outbox.append(engine.messages.welcome(to: email, template: template, now: engine.now))
    }
}
