// POST identity/v2/auth/register  — registration by email (SOTT in `X-LoginRadius-Sott`)
// PUT  identity/v2/auth/register  — resend the verification email
import Foundation

enum AuthRegistrationRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/register", register),
        Route("PUT", "identity/v2/auth/register", resendVerification),
    ]

    @Sendable
    static func register(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        // LoginRadius's SDKs send the SOTT as a header; the older query form is accepted too.
        try engine.sott.validate(
            request.header("X-LoginRadius-Sott") ?? request.query["sott"],
            now: engine.now, skew: engine.configuration.sottClockSkew.timeInterval)
        let response = try await registerChecked(request, body: try request.jsonBody(), engine: engine)
        await AuthEvents.registered(request, response, engine: engine)
        return response
    }

    /// A registration whose SOTT (or captcha) has been checked.
    static func registerChecked(_ request: EmulatorRequest, body: JSONObject, engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        if body.string("PhoneId") != nil {
            return try await PhoneRoutes.register(request, body: body, engine: engine) // LRPhone/PhoneRoutes.swift
        }
        let account = try await makeAccount(from: body, engine: engine)
        try await engine.store.insert(account)
        try await PINRoutes.applyRegistrationPIN(body, uid: account.uid, engine: engine)

        // Required verification always emails a link. In the optional flow the user is logged
        // in at once and `options=PreventVerificationEmail` skips the email.
        let required = engine.configuration.verificationRequired
        let prevent = (request.query["options"] ?? "").lowercased().contains("preventverificationemail")
        if let email = account.primaryEmail, required || !prevent {
            await sendVerification(to: email, uid: account.uid, request: request, engine: engine)
        }
        guard !required else { return .ok(("IsPosted", .bool(true)), ("Data", .null)) }
        let session = try await engine.store.issueSession(
            uid: account.uid, now: engine.now, lifetime: engine.accessTokenLifetime)
        let loggedIn = try await engine.store.update(uid: account.uid) { [now = engine.now] account in
            account.noOfLogins += 1
            account.lastLoginDate = now
        }
        return .ok(("IsPosted", .bool(true)), ("Data", ResponseBuilders.profileAndToken(loggedIn, session)))
    }

    @Sendable
    static func resendVerification(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let email = try Validation.requireEmail(body.string("email"))
        guard let account = await engine.store.account(email: email) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        guard account.email(matching: email)?.verified == false else {
            throw LoginRadiusAPIError(.emailAlreadyVerified)
        }
        await sendVerification(to: email, uid: account.uid, request: request, engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// Issues a verification token for `email` and puts the email in the outbox, honouring
    /// the `verificationUrl` and `emailTemplate` query parameters.
    @discardableResult
    static func sendVerification(to email: String, uid: String, request: EmulatorRequest, engine: EmulatorEngine) async
        -> String
    {
        let token = await engine.store.issueOneTimeToken(
            kind: .emailVerification, uid: uid, email: email, expiresAt: engine.emailTokenExpiry)
        await engine.outbox.append(
            engine.messages.verification(
                to: email, token: token, url: request.query["verificationUrl"],
                template: request.query["emailTemplate"], now: engine.now))
        return token
    }

    /// Builds the account a registration body describes (1134, 1038, 1201, 1204 on bad input).
    private static func makeAccount(from body: JSONObject, engine: EmulatorEngine) async throws -> Account {
        let emails = try ProfileInput.emails(of: body)
        guard !emails.isEmpty else { throw LoginRadiusAPIError.required("Email") }
        for email in emails { _ = try Validation.requireEmail(email.value) }
        let password = try Validation.requirePassword(
            body.string("Password"), property: "Password", policy: engine.configuration.passwordLength)
        let username = try body.string("UserName").map { name throws(LoginRadiusAPIError) in
            try Validation.requireUsername(name)
        }
        let now = engine.now
        return Account(
            uid: TokenGenerator.hex32(), id: TokenGenerator.hex32(), emails: emails,
            username: username, phoneId: body.string("PhoneId"),
            passwordHash: try engine.passwords.hash(password),
            profile: ProfileInput.writableFields(of: body), emailVerified: false,
            createdDate: now, modifiedDate: now, profileModifiedDate: now,
            lastPasswordChangeDate: nil)
    }
}
