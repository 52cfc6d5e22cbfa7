// Consent management:
// POST identity/v2/auth/consent?consentToken= {Data, Events} — submit with a consent token, login shape
// POST identity/v2/auth/consent/profile {Data, Events}       — submit (token), Identity
// PUT  identity/v2/auth/consent {Consents}                    — update (token), ConsentProfile
// GET  identity/v2/auth/consent/verify?event=&isCustom=       — (token) {"ConsentProfile", "IsValid"}
// GET  identity/v2/auth/consent/logs                          — (token) {"Uid", "ConsentLogs"}
// GET  identity/v2/manage/account/{uid}/consent/logs          — (API secret) same
// The consent profile also appears on the Identity as `ConsentProfile`.
import Foundation

enum ConsentRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/consent", submitByConsentToken),
        Route("POST", "identity/v2/auth/consent/profile", submitByAccessToken),
        Route("PUT", "identity/v2/auth/consent", update),
        Route("GET", "identity/v2/auth/consent/verify", verify),
        Route("GET", "identity/v2/auth/consent/logs", logsByAccessToken),
        Route("GET", "identity/v2/manage/account/{uid}/consent/logs", logsByUid),
    ]

    /// `Data: [{ConsentOptionId, IsAccepted}]`; 1225 for an entry without an id.
    private static func options(_ entries: [JSON]?) throws(LoginRadiusAPIError) -> [(id: String, accepted: Bool)] {
        try (entries ?? []).map { entry throws(LoginRadiusAPIError) -> (id: String, accepted: Bool) in
            guard let object = entry.objectValue, let id = object.string("ConsentOptionId") else {
                throw LoginRadiusAPIError(.consentFormValidationFailed)
            }
            return (id, object[caseInsensitive: "IsAccepted"]?.lenientBool ?? false)
        }
    }

    /// A consent form submission: `Events: [{Event, IsCustom}]` and `Data`; 1225 when both are
    /// empty or an entry is malformed.
    private static func submit(_ request: EmulatorRequest, uid: String, engine: EmulatorEngine) async throws -> Account
    {
        let body = try request.jsonBody()
        let events = try (body[caseInsensitive: "Events"]?.arrayValue ?? []).map {
            entry throws(LoginRadiusAPIError) -> ConsentVersionRecord in
            guard let object = entry.objectValue, let event = object.string("Event") else {
                throw LoginRadiusAPIError(.consentFormValidationFailed)
            }
            return ConsentVersionRecord(
                event: event, version: 1, isCustom: object[caseInsensitive: "IsCustom"]?.lenientBool ?? false)
        }
        let options = try options(body[caseInsensitive: "Data"]?.arrayValue)
        guard !events.isEmpty || !options.isEmpty else { throw LoginRadiusAPIError(.consentFormValidationFailed) }
        let profile = await engine.management.store.submitConsent(
            uid: uid, events: events, options: options, info: request.consentInfo, now: engine.now)
        return try await store(profile, uid: uid, engine: engine)
    }

    /// Puts the consent profile on the account's Identity.
    private static func store(_ profile: ConsentProfileRecord, uid: String, engine: EmulatorEngine) async throws
        -> Account
    {
        let now = engine.now
        return try await engine.store.update(uid: uid) { account in
            account.profile["ConsentProfile"] = profile.json
            account.touch(now)
        }
    }

    /// Uses up the consent token (1229 unknown or used, 1230 expired) and logs the user in.
    @Sendable
    static func submitByConsentToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let now = engine.now
        let uid = try await engine.management.store.consumeConsentToken(request.query["consentToken"], now: now)
        _ = try await engine.requireAccount(uid: uid)
        _ = try await submit(request, uid: uid, engine: engine)
        let account = try await engine.store.update(uid: uid) { account in
            account.noOfLogins += 1
            account.lastLoginDate = now
        }
        let session = try await engine.store.issueSession(uid: uid, now: now, lifetime: engine.accessTokenLifetime)
        return EmulatorResponse(body: ResponseBuilders.profileAndToken(account, session))
    }

    @Sendable
    static func submitByAccessToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let updated = try await submit(request, uid: account.uid, engine: engine)
        return EmulatorResponse(body: IdentitySerializer.json(updated))
    }

    /// `Consents: [{ConsentOptionId, IsAccepted}]` accepts or withdraws options (1225 when
    /// empty). Fires `ConsentProfileUpdate`.
    @Sendable
    static func update(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let options = try options(try request.jsonBody()[caseInsensitive: "Consents"]?.arrayValue)
        guard !options.isEmpty else { throw LoginRadiusAPIError(.consentFormValidationFailed) }
        let profile = await engine.management.store.updateConsent(
            uid: account.uid, options: options, info: request.consentInfo, now: engine.now)
        let updated = try await store(profile, uid: account.uid, engine: engine)
        await engine.management.notify("ConsentProfileUpdate", data: IdentitySerializer.json(updated), engine: engine)
        return EmulatorResponse(body: profile.json)
    }

    /// `IsValid` is whether the user accepted a form for the event (`event` required, 1134;
    /// `isCustom` must match, default false).
    @Sendable
    static func verify(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        guard let event = request.query["event"] else { throw LoginRadiusAPIError.required("Event") }
        let isCustom = request.query.bool("isCustom") ?? false
        let profile = await engine.management.store.consentProfile(of: account.uid) ?? ConsentProfileRecord()
        let valid = profile.acceptedVersions.contains {
            $0.event.lowercased() == event.lowercased() && $0.isCustom == isCustom
        }
        return .ok(("ConsentProfile", profile.json), ("IsValid", .bool(valid)))
    }

    @Sendable
    static func logsByAccessToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        return try await logs(of: account.uid, engine: engine)
    }

    @Sendable
    static func logsByUid(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        return try await logs(of: account.uid, engine: engine)
    }

    /// `{"Uid", "ConsentLogs": [...]}`, oldest first; 1228 when the user has none.
    private static func logs(of uid: String, engine: EmulatorEngine) async throws -> EmulatorResponse {
        let entries = await engine.management.store.consentLog(of: uid)
        guard !entries.isEmpty else { throw LoginRadiusAPIError(.consentLogsNotAvailable) }
        return .ok(("Uid", .string(uid)), ("ConsentLogs", .array(entries.map(\.json))))
    }
}
