// Account management (API secret required):
// POST   identity/v2/manage/account                    — Account Create, Identity
// PUT    identity/v2/manage/account/{uid}              — Account Update, Identity
// PUT    identity/v2/manage/account/uid?uid= {NewUid}  — Account Update UID, {"IsPosted"}
// GET    identity/v2/manage/account/identities?email=  — {"Data": [Identity]}
// DELETE identity/v2/manage/account?email=             — {"IsDeleted", "RecordsDeleted"}
import Foundation

enum ManageAccountProfileRoutes {
    static let routes = [
        Route("POST", "identity/v2/manage/account", create),
        Route("PUT", "identity/v2/manage/account/{uid}", update),
        Route("PUT", "identity/v2/manage/account/uid", updateUid),
        Route("GET", "identity/v2/manage/account/identities", identitiesByEmail),
        Route("DELETE", "identity/v2/manage/account", deleteByEmail),
    ]

    /// Creates an account without the verification email. `Email` (1134 if missing, 1038, 1201)
    /// and `Password` (1134) are required; `UserName` must be free (1017, 1204), `PhoneId` too
    /// (1058), emails too (936). `EmailVerified` (default false), `IsActive` and
    /// `PhoneIdVerified` are taken from the body. Fires `Register`.
    @Sendable
    static func create(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let emailVerified = body[caseInsensitive: "EmailVerified"]?.lenientBool ?? false
        let emails = try ProfileInput.emails(of: body).map { email in
            EmailAddress(type: email.type, value: email.value, verified: emailVerified)
        }
        guard !emails.isEmpty else { throw LoginRadiusAPIError.required("Email") }
        for email in emails { _ = try Validation.requireEmail(email.value) }
        let password = try Validation.requirePassword(
            body.string("Password"), property: "Password", policy: engine.configuration.passwordLength)
        let username = try body.string("UserName").map { name throws(LoginRadiusAPIError) in
            try Validation.requireUsername(name)
        }
        let phoneId = body.string("PhoneId")
        if let phoneId, await engine.store.isPhoneTaken(phoneId) { throw LoginRadiusAPIError(.phoneAlreadyRegistered) }
        let now = engine.now
        var account = Account(
            uid: TokenGenerator.hex32(), id: TokenGenerator.hex32(), emails: emails,
            username: username, phoneId: phoneId, passwordHash: try engine.passwords.hash(password),
            profile: ProfileInput.writableFields(of: body), emailVerified: emailVerified,
            createdDate: now, modifiedDate: now, profileModifiedDate: now, lastPasswordChangeDate: now)
        account.isActive = body[caseInsensitive: "IsActive"]?.lenientBool ?? true
        if phoneId != nil, body[caseInsensitive: "PhoneIdVerified"]?.lenientBool == true {
            account.factors.phoneVerified = true
        }
        try await engine.store.insert(account)
        await engine.management.notify("Register", uid: account.uid, engine: engine)
        return EmulatorResponse(body: IdentitySerializer.json(account))
    }

    /// Merges profile fields like the auth update (`nullSupport=true` lets nulls clear them),
    /// plus `UserName` (1017, 1204), `PhoneId` (1058), `EmailVerified`, `PhoneIdVerified` and
    /// `IsActive` (false blocks the account). Fires `UpdateProfile` (and `BlockAccount`).
    @Sendable
    static func update(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let body = try request.jsonBody()
        let fields = ProfileInput.writableFields(of: body)
        let nullSupport = request.query.bool("nullSupport") ?? false
        let username = try body.string("UserName").map { name throws(LoginRadiusAPIError) in
            try Validation.requireUsername(name)
        }
        let phoneId = body.string("PhoneId")
        if let phoneId, await engine.store.isPhoneTaken(phoneId, except: account.uid) {
            throw LoginRadiusAPIError(.phoneAlreadyRegistered)
        }
        let emailVerified = body[caseInsensitive: "EmailVerified"]?.lenientBool
        let phoneVerified = body[caseInsensitive: "PhoneIdVerified"]?.lenientBool
        let isActive = body[caseInsensitive: "IsActive"]?.lenientBool
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            ProfileInput.merge(fields, into: &account.profile, nullSupport: nullSupport)
            if let username { account.username = username }
            if let phoneId { account.phoneId = phoneId }
            if let emailVerified {
                account.emailVerified = emailVerified
                for index in account.emails.indices { account.emails[index].verified = emailVerified }
            }
            if let phoneVerified { account.factors.phoneVerified = phoneVerified }
            if let isActive { account.isActive = isActive }
            account.profileModifiedDate = now
            account.touch(now)
        }
        let identity = IdentitySerializer.json(updated)
        await engine.management.notify("UpdateProfile", data: identity, engine: engine)
        if isActive == false, account.isActive {
            await engine.management.notify("BlockAccount", data: identity, engine: engine)
        }
        return EmulatorResponse(body: identity)
    }

    /// Gives the account `?uid=` the uid `NewUid` (letters, digits, `_`, `-`, 1–50 characters,
    /// not taken: 1200 otherwise). The old uid joins `PreviousUids`, `IsCustomUid` becomes true;
    /// roles, custom objects and consent follow. Fires `UpdateUid`.
    @Sendable
    static func updateUid(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: request.query["uid"])
        guard let newUid = try request.jsonBody().string("NewUid") else { throw LoginRadiusAPIError.required("NewUid") }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
        guard (1...50).contains(newUid.count), newUid.allSatisfy(allowed.contains) else {
            throw LoginRadiusAPIError(.uidInvalid)
        }
        if newUid != account.uid {
            _ = try await engine.store.changeUid(from: account.uid, to: newUid)
            await engine.management.store.moveUser(from: account.uid, to: newUid)
            let previous = account.profile["PreviousUids"]?.stringArray ?? []
            try await engine.store.update(uid: newUid) { [oldUid = account.uid] account in
                account.profile["PreviousUids"] = .strings(previous + [oldUid])
                account.profile["IsCustomUid"] = .bool(true)
            }
            await engine.management.notify("UpdateUid", uid: newUid, engine: engine)
        }
        return ResponseBuilders.isPosted()
    }

    /// Every profile holding the email (the emulator keeps emails unique, so at most one); 938
    /// when there is none.
    @Sendable
    static func identitiesByEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let email = try Validation.requireEmail(request.query.email("email"))
        guard let account = await engine.store.account(email: email) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        return .ok(("Data", .array([IdentitySerializer.json(account)])))
    }

    /// Deletes the account holding the email (938 if none). Fires `DeleteAccount`.
    @Sendable
    static func deleteByEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let email = try Validation.requireEmail(request.query.email("email"))
        guard let account = await engine.store.account(email: email) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        await engine.store.deleteAccount(uid: account.uid)
        await engine.management.store.forgetUser(account.uid)
        await engine.management.notify("DeleteAccount", data: IdentitySerializer.json(account), engine: engine)
        return .ok(("IsDeleted", .bool(true)), ("RecordsDeleted", .int(1)))
    }
}
