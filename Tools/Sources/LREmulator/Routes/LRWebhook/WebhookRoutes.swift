// Webhook subscriptions (`apikey` and `apisecret` query parameters, or the secret header):
// GET    v2/manage/webhooks              — {"Data": [subscription]}
// POST   v2/manage/webhooks {Event, TargetUrl, Name, Headers, QueryParams, Authentication} — subscription
// GET    v2/manage/webhooks/events       — {"Data": [event names]}
// GET    v2/manage/webhooks/{id}         — subscription
// PUT    v2/manage/webhooks/{id} {Headers, QueryParams, Authentication} — subscription
// DELETE v2/manage/webhooks/{id}         — {"IsDeleted": true}
// LoginRadius's API descriptors write `v2/manage/webhook`, its SDKs `v2/manage/webhooks`: both
// are served. Events are delivered by WebhookNotifier.
import Foundation

enum WebhookRoutes {
    static let routes = ["webhooks", "webhook"].flatMap { collection in
        [
            Route("GET", "v2/manage/\(collection)", list),
            Route("POST", "v2/manage/\(collection)", create),
            Route("GET", "v2/manage/\(collection)/events", events),
            Route("GET", "v2/manage/\(collection)/{id}", read),
            Route("PUT", "v2/manage/\(collection)/{id}", update),
            Route("DELETE", "v2/manage/\(collection)/{id}", delete),
        ]
    }

    /// The events LoginRadius lists ("List All Events").
    static let eventNames = [
        "Login", "Register", "UpdateProfile", "ResetPassword", "ChangePassword", "EmailVerification",
        "AddEmail", "RemoveEmail", "BlockAccount", "DeleteAccount", "SetUsername", "CreateTraditionalAccount",
        "AssignRoles", "UnassignRoles", "SetPassword", "LinkAccount", "UnlinkAccount", "UpdatePhoneId",
        "VerifyPhoneNumber", "InvalidateEmailVerification", "RemoveRoleContext", "CreateCustomObject",
        "UpdateCustomObject", "DeleteCustomObject", "InvalidatePhoneVerification", "RemovePhoneId",
        "ConsentProfileUpdate", "SetPIN", "ResetPIN", "ChangePIN", "UpdateUid",
    ]

    @Sendable
    static func list(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try engine.checkManagementCredentials(request)
        return .ok(("Data", .array(await engine.management.store.webhooks.map(\.json))))
    }

    /// `Event` must be one of the listed events (any letter case; 1134 otherwise), `TargetUrl`
    /// an http(s) URL (1087). 1110 when the URL is already subscribed to the event, 1085 past
    /// five subscriptions per event. Any URL is stored; only loopback ones are ever called.
    @Sendable
    static func create(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try engine.checkManagementCredentials(request)
        let body = try request.jsonBody()
        guard let eventName = body.string("Event") else { throw LoginRadiusAPIError.required("Event") }
        guard let event = eventNames.first(where: { $0.lowercased() == eventName.lowercased() }) else {
            throw LoginRadiusAPIError.validation(
                FieldError(
                    propertyName: "Event", errorMessage: "The event '\(eventName)' is not a webhook event."))
        }
        guard let target = body.string("TargetUrl"), WebhookNotifier.isValidTarget(target) else {
            throw LoginRadiusAPIError(.webhookTargetURLInvalid)
        }
        let now = engine.now
        let record = WebhookSubscriptionRecord(
            id: String(TokenGenerator.hex32().prefix(24)), targetUrl: target, event: event,
            name: body.string("Name") ?? "", createdDate: now, lastModifiedDate: now,
            headers: body.object("Headers"), queryParams: body.object("QueryParams"),
            authentication: body.object("Authentication"))
        try await engine.management.store.addWebhook(record)
        return EmulatorResponse(body: record.json)
    }

    @Sendable
    static func events(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try engine.checkManagementCredentials(request)
        return .ok(("Data", .strings(eventNames)))
    }

    /// 1112 for an unknown id *(choice)*.
    @Sendable
    static func read(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try engine.checkManagementCredentials(request)
        return EmulatorResponse(body: try await engine.management.store.webhook(id: parameters["id"] ?? "").json)
    }

    /// Replaces `Headers`, `QueryParams` and `Authentication` when given.
    @Sendable
    static func update(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try engine.checkManagementCredentials(request)
        let body = try request.jsonBody()
        let record = try await engine.management.store.updateWebhook(
            id: parameters["id"] ?? "", headers: body.object("Headers"), queryParams: body.object("QueryParams"),
            authentication: body.object("Authentication"), now: engine.now)
        return EmulatorResponse(body: record.json)
    }

    @Sendable
    static func delete(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try engine.checkManagementCredentials(request)
        try await engine.management.store.deleteWebhook(id: parameters["id"] ?? "")
        return .ok(("IsDeleted", .bool(true)))
    }
}
