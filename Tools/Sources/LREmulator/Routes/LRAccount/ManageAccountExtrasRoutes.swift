// Account management beyond profile, email and security (API secret required):
// GET  identity/v2/manage/account/{uid}/privacypolicy/history — `{"Uid", "Current", "History"}`
// PUT  identity/v2/manage/account/{uid}/phoneid {phone}       — sets the phone ID, Identity
// POST identity/v2/manage/account/emailtoken/{tokentype}      — a token as the matching email would carry
// POST identity/v2/manage/account/smsotp/{smsotptype}         — an OTP as the matching SMS would carry
// Generated tokens and OTPs work with the endpoints that consume them; nothing is sent.
import Foundation

enum ManageAccountExtrasRoutes {
    static let routes = [
        Route("GET", "identity/v2/manage/account/{uid}/privacypolicy/history", privacyPolicyHistory),
        Route("PUT", "identity/v2/manage/account/{uid}/phoneid", updatePhoneId),
        Route("POST", "identity/v2/manage/account/emailtoken/{tokentype}", emailToken),
        Route("POST", "identity/v2/manage/account/smsotp/{smsotptype}", smsOTP),
    ]

    @Sendable
    static func privacyPolicyHistory(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        PrivacyPolicies.history(try await engine.requireAccount(uid: parameters["uid"]))
    }

    /// The new phone ID counts as verified. 1058 when another account has it.
    @Sendable
    static func updatePhoneId(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let phone = try FactorSupport.requirePhone(try request.jsonBody().string("phone"))
        guard await !engine.store.isPhoneTaken(phone, except: account.uid) else {
            throw LoginRadiusAPIError(FactorError.phoneAlreadyRegistered)
        }
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.phoneId = phone
            account.factors.phoneVerified = true
            account.factors.pendingPhone = nil
            account.touch(now)
        }
        return EmulatorResponse(body: IdentitySerializer.json(updated))
    }

    /// `{"Token", "ExpiresIn", "IdentityProviders": null}`. Token types: `emailverification`,
    /// `addemail`, `forgotpassword`, `deleteuser`, `passwordlesslogin`, `forgotpin`,
    /// `onetouchlogin`, `smartlogin`, `autologin` (908 otherwise). The account comes from `uid`,
    /// `email` or `username`; the email is `email` or the account's primary address.
    @Sendable
    static func emailToken(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account: Account
        if let uid = body.string("uid") {
            account = try await engine.requireAccount(uid: uid)
        } else {
            account = try await FactorCredentials.account(
                email: body.string("email"), username: body.string("userName", "username"), phone: nil, engine: engine)
        }
        guard let email = try body.string("email").map(Validation.requireEmail) ?? account.primaryEmail else {
            throw LoginRadiusAPIError(.validEmailRequired)
        }
        let expiresAt = engine.emailTokenExpiry
        let uid = account.uid
        let store = engine.store
        let token: String
        switch (parameters["tokentype"] ?? "").lowercased() {
        case "emailverification", "addemail":
            token = await store.issueOneTimeToken(
                kind: .emailVerification, uid: uid, email: email, expiresAt: expiresAt)
        case "forgotpassword":
            token = await store.issueOneTimeToken(kind: .passwordReset, uid: uid, email: email, expiresAt: expiresAt)
        case "deleteuser":
            token = await store.issueOneTimeToken(kind: .deleteAccount, uid: uid, email: email, expiresAt: expiresAt)
        case "passwordlesslogin":
            token = await store.issueLinkToken(kind: .passwordless, uid: uid, email: email, expiresAt: expiresAt)
        case "forgotpin":
            token = await store.issueLinkToken(kind: .pinReset, uid: uid, email: email, expiresAt: expiresAt)
        case let type where ["onetouchlogin", "smartlogin", "autologin"].contains(type):
            guard let guid = body.string("clientguid"), !guid.isEmpty else {
                throw LoginRadiusAPIError(FactorError.clientGuidInvalid)
            }
            try await store.registerClientGuid(
                guid, uid: uid, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.clientGuid))
            token = await store.issueLinkToken(
                kind: type == "onetouchlogin" ? .oneTouch : .smartLogin, uid: uid, email: email, clientGuid: guid,
                expiresAt: expiresAt)
        default:
            throw LoginRadiusAPIError(.parameterNotFormatted)
        }
        return .ok(
            ("Token", .string(token)), ("ExpiresIn", .string(LoginRadiusDates.iso8601(expiresAt))),
            ("IdentityProviders", .null))
    }

    /// `{"Token": otp, "ExpiresIn"}`. OTP types: `addphone`, `phoneverification`,
    /// `forgotpassword`, `forgotpin`, `onetouchlogin`, `smartlogin`, `passwordlesslogin` (908
    /// otherwise). The account comes from `uid` or `phone`; the OTP is for `phone` or the
    /// account's phone ID.
    @Sendable
    static func smsOTP(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account: Account
        if let uid = body.string("uid") {
            account = try await engine.requireAccount(uid: uid)
        } else {
            account = try await FactorCredentials.account(
                email: nil, username: nil, phone: body.string("phone"), engine: engine)
        }
        let phone = try FactorSupport.requirePhone(body.string("phone") ?? account.phoneId)
        let purpose: OTPPurpose
        switch (parameters["smsotptype"] ?? "").lowercased() {
        case "addphone", "phoneverification", "phoneidverification": purpose = .phoneVerification
        case "forgotpassword": purpose = .passwordReset
        case "forgotpin": purpose = .pinReset
        case "onetouchlogin", "smartlogin": purpose = .oneTouch
        case "passwordlesslogin": purpose = .passwordless
        default: throw LoginRadiusAPIError(.parameterNotFormatted)
        }
        let expiresAt = engine.now.addingTimeInterval(FactorLifetimes.otp)
        if purpose == .phoneVerification, account.phoneId != phone {
            try await engine.store.update(uid: account.uid) { $0.factors.pendingPhone = phone }
        }
        let otp = await engine.store.issueOTP(
            purpose: purpose, uid: account.uid, recipient: phone, expiresAt: expiresAt)
        return .ok(("Token", .string(otp)), ("ExpiresIn", .string(LoginRadiusDates.iso8601(expiresAt))))
    }
}
