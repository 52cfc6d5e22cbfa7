// GET    identity/v2/auth/email?verificationtoken=  — verify an email (token from the outbox)
// GET    identity/v2/auth/email?email=              — email availability, {"IsExist"}
// POST   identity/v2/auth/email {email, type}       — add an email (access token)
// DELETE identity/v2/auth/email {email}             — remove an email (access token)
import Foundation

enum AuthEmailRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/email", verifyOrCheckAvailability),
        Route("POST", "identity/v2/auth/email", addEmail),
        Route("DELETE", "identity/v2/auth/email", removeEmail),
    ]

    /// The two GETs share a path and differ by query parameter, as in LoginRadius.
    @Sendable
    static func verifyOrCheckAvailability(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        if request.query.contains("verificationtoken") {
            return try await verifyEmail(request, engine)
        }
        let email = try Validation.requireEmail(request.query.email("email"))
        return .ok(("IsExist", .bool(await engine.store.isEmailRegistered(email))))
    }

    /// Marks the token's email verified and logs the user in:
    /// `{"IsPosted": true, "Data": {"Profile", "access_token", "refresh_token", "expires_in"}}`.
    private static func verifyEmail(_ request: EmulatorRequest, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let record = try await engine.store.consumeOneTimeToken(
            request.query["verificationtoken"], kind: .emailVerification, now: engine.now)
        return try await completeVerification(record, request, engine)
    }

    /// Marks the token's email verified and logs the user in (the link and the OTP form).
    static func completeVerification(_ record: OneTimeToken, _ request: EmulatorRequest, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let now = engine.now
        let account = try await engine.store.update(uid: record.uid) { account in
            for index in account.emails.indices
            where account.emails[index].value.lowercased() == record.email.lowercased() {
                account.emails[index].verified = true
            }
            account.emailVerified = true
            account.noOfLogins += 1
            account.lastLoginDate = now
            account.touch(now)
        }
        if let template = request.query["welcomeEmailTemplate"] {
            await engine.outbox.append(engine.messages.welcome(to: record.email, template: template, now: now))
        }
        let session = try await engine.store.issueSession(
            uid: account.uid, now: now, lifetime: engine.accessTokenLifetime)
        let response = EmulatorResponse.ok(
            ("IsPosted", .bool(true)), ("Data", ResponseBuilders.profileAndToken(account, session)))
        await AuthEvents.emailVerified(response, engine: engine)
        return response
    }

    @Sendable
    static func addEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        let email = try Validation.requireEmail(body.string("email"))
        guard let type = body.string("type") else { throw LoginRadiusAPIError(.emailTypeRequired) }
        let now = engine.now
        try await engine.store.update(uid: account.uid) { account in
            guard account.email(matching: email) == nil else { throw LoginRadiusAPIError(.emailAlreadyRegistered) }
            account.emails.append(EmailAddress(type: type, value: email, verified: false))
            account.touch(now)
        }
        await AuthRegistrationRoutes.sendVerification(to: email, uid: account.uid, request: request, engine: engine)
        await AuthEvents.user("AddEmail", uid: account.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }

    @Sendable
    static func removeEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        let email = try Validation.requireEmail(body.string("email"))
        let now = engine.now
        try await engine.store.update(uid: account.uid) { account in
            guard account.email(matching: email) != nil else { throw LoginRadiusAPIError(.emailNotInProfile) }
            guard account.emails.count > 1 else { throw LoginRadiusAPIError(.lastEmailCannotBeRemoved) }
            account.emails.removeAll { $0.value.lowercased() == email.lowercased() }
            account.touch(now)
        }
        await AuthEvents.user("RemoveEmail", uid: account.uid, engine: engine)
        return .ok(("IsDeleted", .bool(true)))
    }
}
