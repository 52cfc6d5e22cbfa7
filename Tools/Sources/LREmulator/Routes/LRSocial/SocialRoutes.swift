// Social login (LRSocial `social`) against the emulator's fake provider. A test (or `lr demo`)
// mints a provider token with `POST emulator/v1/social/token`; the token stands for a user at
// that provider and is good for one login, as the request token of the hosted social login
// page or as the provider access token of a native login (NativeSocialRoutes).
// GET  api/v2/access_token?token=&secret=                         — request token → access token
// GET  api/v2/access_token/refresh?access_token=&secret=[&expiresIn= minutes]
// GET  api/v2/access_token/validate?key=&secret=&access_token=
// GET  api/v2/access_token/invalidate?key=&secret=&access_token=
// GET  api/v2/access_token/activesession?key=&secret=&token= | accountid= | profileid=
// POST emulator/v1/social/token {provider, id, email, firstName, lastName} — mint (no API key)
import Foundation

enum SocialRoutes {
    static let routes = [
        Route("GET", "api/v2/access_token", exchange),
        Route("GET", "api/v2/access_token/refresh", refresh),
        Route("GET", "api/v2/access_token/validate", validate),
        Route("GET", "api/v2/access_token/invalidate", invalidate),
        Route("GET", "api/v2/access_token/activesession", activeSessions),
        Route("POST", "emulator/v1/social/token", mint),
    ]

    /// `{"access_token", "expires_in"}`: 903 unknown or used request token, 904 expired.
    @Sendable
    static func exchange(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try requireSecret(request, engine)
        switch await engine.store.takeSocialToken(request.query["token"], provider: nil, now: engine.now) {
        case .valid(let profile):
            let session = try await login(profile, engine: engine)
            return .ok(
                ("access_token", .string(session.accessToken)),
                ("expires_in", .string(LoginRadiusDates.iso8601(session.expiresAt))))
        case .expired:
            throw LoginRadiusAPIError(FactorError.requestTokenExpired)
        case .unknown, .used:
            throw LoginRadiusAPIError(FactorError.requestTokenInvalid)
        }
    }

    /// Extends a live access token by `expiresIn` minutes (0 or none: the access token lifetime).
    @Sendable
    static func refresh(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try requireSecret(request, engine)
        let session = try await engine.store.session(for: request.query["access_token"], now: engine.now)
        let minutes = request.query["expiresIn"].flatMap(Double.init) ?? 0
        let lifetime = minutes > 0 ? minutes * 60 : engine.accessTokenLifetime
        guard
            let extended = await engine.store.extend(
                accessToken: session.accessToken, until: engine.now.addingTimeInterval(lifetime))
        else {
            throw LoginRadiusAPIError(.accessTokenInvalid)
        }
        return EmulatorResponse(body: ResponseBuilders.token(extended))
    }

    /// `{"access_token", "expires_in"}` (905/906).
    @Sendable
    static func validate(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try requireKey(request, engine)
        try requireSecret(request, engine)
        let session = try await engine.store.session(for: request.query["access_token"], now: engine.now)
        return .ok(
            ("access_token", .string(session.accessToken)),
            ("expires_in", .string(LoginRadiusDates.iso8601(session.expiresAt))))
    }

    /// `{"isPosted": true}` (lower-case, as LoginRadius's social API writes it).
    @Sendable
    static func invalidate(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try requireKey(request, engine)
        try requireSecret(request, engine)
        let session = try await engine.store.session(for: request.query["access_token"], now: engine.now)
        await engine.store.invalidate(
            accessToken: session.accessToken, preventRefresh: request.query.bool("preventRefresh") ?? false)
        return .ok(("isPosted", .bool(true)))
    }

    /// The live sessions of the account of `token`, `accountid` (uid) or `profileid` (ID):
    /// `{"data": [{"AccessToken", …, "LoginDate"}], "nextcursor": 0}`.
    @Sendable
    static func activeSessions(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try requireKey(request, engine)
        try requireSecret(request, engine)
        let now = engine.now
        let uid: String
        if let token = request.query["token"] {
            uid = try await engine.store.session(for: token, now: now).uid
        } else if let accountID = request.query["accountid"], await engine.store.account(uid: accountID) != nil {
            uid = accountID
        } else if let profileID = request.query["profileid"],
            let account = await engine.store.account(profileID: profileID)
        {
            uid = account.uid
        } else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        let sessions = await engine.store.sessions(uid: uid, now: now).map { session in
            JSON.object(
                JSONObject([
                    ("AccessToken", .string(session.accessToken)),
                    ("Browser", .string("Emulator")), ("Device", .string("Emulator")), ("Os", .string("Emulator")),
                    ("DeviceType", .string("Unknown")), ("City", .null), ("Country", .null),
                    ("Ip", .string("127.0.0.1")),
                    (
                        "LoginDate",
                        .string(
                            LoginRadiusDates.iso8601(session.expiresAt.addingTimeInterval(-engine.accessTokenLifetime)))
                    ),
                ]))
        }
        return .ok(("data", .array(sessions)), ("nextcursor", .int(0)))
    }

    /// Mints a provider token: `{"token", "provider", "id"}`. Defaults: provider `emulator`, a
    /// random ID, no email.
    @Sendable
    static func mint(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        if let email = body.string("email") { _ = try Validation.requireEmail(email) }
        let profile = SocialProfile(
            provider: body.string("provider")?.lowercased() ?? "emulator",
            id: body.string("id") ?? TokenGenerator.hex32(),
            email: body.string("email"), firstName: body.string("firstName"), lastName: body.string("lastName"))
        let token = await engine.store.mintSocialToken(
            profile, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.socialToken))
        return .ok(("token", .string(token)), ("provider", .string(profile.provider)), ("id", .string(profile.id)))
    }

    // MARK: Shared with NativeSocialRoutes and SocialLinkingRoutes

    /// Signs the profile's user in (creating or linking the account) and starts a session.
    static func login(_ profile: SocialProfile, engine: EmulatorEngine) async throws -> AccessSession {
        let uid = try await engine.store.socialAccount(for: profile, now: engine.now)
        return try await FactorSupport.startSession(uid: uid, engine: engine).1
    }

    /// The social API's `key` (or `apikey`): 922 missing, 920 wrong.
    static func requireKey(_ request: EmulatorRequest, _ engine: EmulatorEngine) throws(LoginRadiusAPIError) {
        guard let key = request.query["key"] ?? request.query["apikey"] else {
            throw LoginRadiusAPIError(.apiKeyMissing)
        }
        guard key.lowercased() == engine.configuration.apiKey.lowercased() else {
            throw LoginRadiusAPIError(.apiKeyInvalid)
        }
    }

    /// The social API's `secret`: 923 missing, 902 wrong.
    static func requireSecret(_ request: EmulatorRequest, _ engine: EmulatorEngine) throws(LoginRadiusAPIError) {
        guard let secret = request.query["secret"] else { throw LoginRadiusAPIError(.apiSecretMissing) }
        guard secret == engine.configuration.apiSecret else { throw LoginRadiusAPIError(.apiSecretUnauthorized) }
    }
}

extension EmulatorStore {
    /// The account whose profile `ID` (or a linked social identity's ID) is `profileID`.
    func account(profileID: String) -> Account? {
        accounts.values.first { account in
            account.id == profileID || account.factors.socialIdentities.contains { $0.id == profileID }
        }
    }
}
