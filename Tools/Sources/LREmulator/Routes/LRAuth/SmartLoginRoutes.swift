// Smart login and one-touch login (LRAuth `smartLogin`, `oneTouchLogin`): the app sends a
// login email for a client GUID, the user clicks the link, the app pings with the GUID and gets
// a session. One-touch login creates the account when the email or phone is new.
// GET  identity/v2/auth/login/smartlogin?email= | username= &clientGuid=
// POST identity/v2/auth/onetouchlogin/email {clientguid, email, name}
// GET  identity/v2/auth/email/smartlogin?verificationToken=     — the link (both kinds)
// GET  identity/v2/auth/email/onetouchlogin?verificationToken=  — the same (the SDK's path)
// GET  identity/v2/auth/login/smartlogin/ping?clientGuid=       — 1139 until the link is clicked
// POST identity/v2/auth/onetouchlogin/phone {phone, name}       — OTP by SMS
// PUT  identity/v2/auth/onetouchlogin/phone/verify?otp= {phone}
import Foundation

enum SmartLoginRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/login/smartlogin", smartLogin),
        Route("POST", "identity/v2/auth/onetouchlogin/email", oneTouchEmail),
        Route("GET", "identity/v2/auth/email/smartlogin", verifyLink),
        Route("GET", "identity/v2/auth/email/onetouchlogin", verifyLink),
        Route("GET", "identity/v2/auth/login/smartlogin/ping", ping),
        Route("POST", "identity/v2/auth/onetouchlogin/phone", oneTouchPhone),
        Route("PUT", "identity/v2/auth/onetouchlogin/phone/verify", oneTouchVerify),
    ]

    /// 938 unknown user, 1140 no client GUID, 1136 GUID used before.
    @Sendable
    static func smartLogin(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
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
        try await sendLink(
            .smartLogin, uid: account.uid, email: email, clientGuid: request.query["clientGuid"],
            url: request.query["redirectUrl"], template: request.query["smartLoginEmailTemplate"], engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// Creates a password-less account for a new email (`name` becomes `FirstName`).
    @Sendable
    static func oneTouchEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let email = try Validation.requireEmail(body.string("email"))
        let uid: String
        if let existing = await engine.store.account(email: email) {
            uid = existing.uid
        } else {
            uid = try await create(email: email, phone: nil, name: body.string("name"), engine: engine)
        }
        try await sendLink(
            .oneTouch, uid: uid, email: email, clientGuid: body.string("clientguid"),
            url: request.query["redirecturl"], template: request.query["oneTouchLoginEmailTemplate"], engine: engine)
        return ResponseBuilders.isPosted()
    }

    /// Approves the link's client GUID: `{"IsPosted": true, "IsVerified": true}`. 1063 unknown,
    /// 1137 (smart) / 1145 (one-touch) used, 975 expired. One-touch links verify the email.
    @Sendable
    static func verifyLink(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let now = engine.now
        let record = try await engine.store.consumeLinkToken(
            request.query["verificationToken"], kinds: [.smartLogin, .oneTouch], now: now)
        try await engine.store.approveClientGuid(record.clientGuid ?? "", now: now)
        try await engine.store.update(uid: record.uid, PasswordlessRoutes.verifying(record.email))
        await PasswordlessRoutes.welcome(record.email, template: request.query["welcomeEmailTemplate"], engine: engine)
        return .ok(("IsPosted", .bool(true)), ("IsVerified", .bool(true)))
    }

    /// `{"Profile", tokens}` once the link was clicked; 1139 before, 1140 unknown GUID or
    /// already answered.
    @Sendable
    static func ping(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let uid = try await engine.store.takeApprovedClientGuid(request.query["clientGuid"], now: engine.now)
        return try await FactorSupport.loginResponse(uid: uid, engine: engine)
    }

    /// Creates a phone account for a new phone. `{"IsPosted": true, "Data": {"AccountSid", "Sid"}}`.
    @Sendable
    static func oneTouchPhone(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let phone = try FactorSupport.requirePhone(body.string("phone"))
        let uid: String
        if let existing = await engine.store.account(phone: phone) {
            uid = existing.uid
        } else {
            uid = try await create(email: nil, phone: phone, name: body.string("name"), engine: engine)
        }
        let message = await FactorSupport.sendSMSOTP(
            to: phone, uid: uid, purpose: .oneTouch, outboxPurpose: .oneTouchLogin,
            template: request.query["smsTemplate"], engine: engine)
        return FactorSupport.postedSMS(message)
    }

    /// The OTP logs in and verifies the phone.
    @Sendable
    static func oneTouchVerify(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phone"))
        guard let account = await engine.store.account(phone: phone) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        try await engine.store.consumeOTP(
            request.query["otp"], purpose: .oneTouch, uid: account.uid, recipient: phone, now: engine.now)
        return try await FactorSupport.loginResponse(uid: account.uid, engine: engine) {
            $0.factors.phoneVerified = true
        }
    }

    // MARK: Helpers

    private static func sendLink(
        _ kind: LinkKind, uid: String, email: String, clientGuid: String?, url: String?, template: String?,
        engine: EmulatorEngine
    ) async throws {
        guard let clientGuid, !clientGuid.isEmpty else { throw LoginRadiusAPIError(FactorError.clientGuidInvalid) }
        try await engine.store.registerClientGuid(
            clientGuid, uid: uid, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.clientGuid))
        let token = await engine.store.issueLinkToken(
            kind: kind, uid: uid, email: email, clientGuid: clientGuid, expiresAt: engine.emailTokenExpiry)
        let smart = kind == .smartLogin
        await engine.outbox.append(
            engine.messages.factorEmail(
                to: email, purpose: smart ? .smartLogin : .oneTouchLogin,
                subject: smart ? "Smart Login" : "One Touch Login",
                token: token,
                link: engine.messages.factorLink(url, vtype: smart ? "smartlogin" : "onetouchlogin", token: token),
                template: template, now: engine.now))
    }

    private static func create(email: String?, phone: String?, name: String?, engine: EmulatorEngine) async throws
        -> String
    {
        let now = engine.now
        let account = Account(
            uid: TokenGenerator.hex32(), id: TokenGenerator.hex32(),
            emails: email.map { [EmailAddress(type: "Primary", value: $0, verified: false)] } ?? [],
            username: nil, phoneId: phone, passwordHash: nil,
            profile: name.map { JSONObject([("FirstName", .string($0))]) } ?? JSONObject(),
            emailVerified: false, createdDate: now, modifiedDate: now, profileModifiedDate: now,
            lastPasswordChangeDate: nil)
        try await engine.store.insert(account)
        return account.uid
    }
}
