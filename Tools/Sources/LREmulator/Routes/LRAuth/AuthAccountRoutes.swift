// GET    identity/v2/auth/account                   — read profile by token
// PUT    identity/v2/auth/account                   — update profile by token
// DELETE identity/v2/auth/account?deleteUrl=        — delete with email confirmation
// GET    identity/v2/auth/account/delete?deletetoken= — confirm the deletion
import Foundation

enum AuthAccountRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/account", readProfile),
        Route("PUT", "identity/v2/auth/account", updateProfile),
        Route("DELETE", "identity/v2/auth/account", requestDeletion),
        Route("GET", "identity/v2/auth/account/delete", confirmDeletion),
    ]

    @Sendable
    static func readProfile(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        return EmulatorResponse(body: IdentitySerializer.json(account))
    }

    /// `{"IsPosted": true, "Data": Identity}`. Profile fields merge into the stored profile;
    /// `UserName` must stay unique (1017); `nullSupport=true` lets nulls clear fields.
    @Sendable
    static func updateProfile(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        let fields = ProfileInput.writableFields(of: body)
        let nullSupport = request.query.bool("nullSupport") ?? false
        let username = try body.string("UserName").map { name throws(LoginRadiusAPIError) in
            try Validation.requireUsername(name)
        }
        let phoneId = body.string("PhoneId")
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            ProfileInput.merge(fields, into: &account.profile, nullSupport: nullSupport)
            if let username { account.username = username }
            if let phoneId { account.phoneId = phoneId }
            account.profileModifiedDate = now
            account.touch(now)
        }
        let identity = IdentitySerializer.json(updated)
        await engine.management.notify("UpdateProfile", data: identity, engine: engine)
        return .ok(("IsPosted", .bool(true)), ("Data", identity))
    }

    /// Emails a delete token to the primary address: `{"IsDeleteRequestAccepted": true}`.
    @Sendable
    static func requestDeletion(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        guard let email = account.primaryEmail else { throw LoginRadiusAPIError(.validEmailRequired) }
        let token = await engine.store.issueOneTimeToken(
            kind: .deleteAccount, uid: account.uid, email: email, expiresAt: engine.emailTokenExpiry)
        await engine.outbox.append(
            engine.messages.deleteAccount(
                to: email, token: token, url: request.query["deleteUrl"],
                template: request.query["emailTemplate"], now: engine.now))
        return .ok(("IsDeleteRequestAccepted", .bool(true)))
    }

    /// Deletes the account of a delete token (1119 if unknown): `{"IsPosted": true}`.
    @Sendable
    static func confirmDeletion(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let record = try await engine.store.consumeOneTimeToken(
            request.query["deletetoken"], kind: .deleteAccount, now: engine.now)
        await engine.store.deleteAccount(uid: record.uid)
        return ResponseBuilders.isPosted()
    }
}
