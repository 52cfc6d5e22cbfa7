// Webhook subscriptions and the log of deliveries, plus the risk-based login log.
import Foundation

struct WebhookSubscriptionRecord: Codable, Sendable, Equatable {
    /// 24 hex digits, like LoginRadius's subscription ids.
    let id: String
    var targetUrl: String
    /// The event name as LoginRadius lists it (`Login`, `Register`, …).
    var event: String
    var name: String
    let createdDate: Date
    var lastModifiedDate: Date
    var headers: JSONObject?
    var queryParams: JSONObject?
    var authentication: JSONObject?

    /// The subscription as LoginRadius returns it; a basic-auth password is never echoed.
    var json: JSON {
        var authenticationJSON = JSON.null
        if var authentication {
            if var basic = authentication[caseInsensitive: "BasicAuth"]?.objectValue,
                basic[caseInsensitive: "Password"] != nil
            {
                for key in basic.keys where key.lowercased() == "password" { basic[key] = .string("") }
                for key in authentication.keys where key.lowercased() == "basicauth" {
                    authentication[key] = .object(basic)
                }
            }
            authenticationJSON = .object(authentication)
        }
        return .object(
            JSONObject([
                ("Id", .string(id)),
                ("TargetUrl", .string(targetUrl)),
                ("Event", .string(event)),
                ("CreatedDate", .string(LoginRadiusDates.iso8601(createdDate))),
                ("LastModifiedDate", .string(LoginRadiusDates.iso8601(lastModifiedDate))),
                ("SecretName", .string("")),
                ("Name", .string(name)),
                ("IsIntegrationWebhook", .bool(false)),
                ("Headers", headers.map(JSON.object) ?? .null),
                ("QueryParams", queryParams.map(JSON.object) ?? .null),
                ("Authentication", authenticationJSON),
            ]))
    }
}

extension ManagementStore {
    /// LoginRadius allows at most five subscriptions per event.
    static let webhookLimitPerEvent = 5

    /// Adds a subscription: 1110 if the URL is already subscribed to the event, 1085 past the limit.
    func addWebhook(_ record: WebhookSubscriptionRecord) throws(LoginRadiusAPIError) {
        let sameEvent = webhooks.filter { $0.event.lowercased() == record.event.lowercased() }
        guard !sameEvent.contains(where: { $0.targetUrl == record.targetUrl }) else {
            throw LoginRadiusAPIError(.webhookAlreadySubscribed)
        }
        guard sameEvent.count < Self.webhookLimitPerEvent else { throw LoginRadiusAPIError(.webhookLimitExceeded) }
        webhooks.append(record)
    }

    /// A subscription by id (1112 if unknown).
    func webhook(id: String) throws(LoginRadiusAPIError) -> WebhookSubscriptionRecord {
        guard let record = webhooks.first(where: { $0.id == id }) else {
            throw LoginRadiusAPIError(.webhookNotSubscribed)
        }
        return record
    }

    /// Replaces the headers, query parameters and authentication that the update names.
    func updateWebhook(
        id: String, headers: JSONObject?, queryParams: JSONObject?, authentication: JSONObject?, now: Date
    ) throws(LoginRadiusAPIError) -> WebhookSubscriptionRecord {
        guard let index = webhooks.firstIndex(where: { $0.id == id }) else {
            throw LoginRadiusAPIError(.webhookNotSubscribed)
        }
        if let headers { webhooks[index].headers = headers }
        if let queryParams { webhooks[index].queryParams = queryParams }
        if let authentication { webhooks[index].authentication = authentication }
        webhooks[index].lastModifiedDate = now
        return webhooks[index]
    }

    func deleteWebhook(id: String) throws(LoginRadiusAPIError) {
        guard webhooks.contains(where: { $0.id == id }) else { throw LoginRadiusAPIError(.webhookNotSubscribed) }
        webhooks.removeAll { $0.id == id }
    }

    /// The subscriptions to an event (names compared without letter case).
    func webhooks(for event: String) -> [WebhookSubscriptionRecord] {
        webhooks.filter { $0.event.lowercased() == event.lowercased() }
    }

    func recordDelivery(_ delivery: WebhookDelivery) {
        webhookDeliveries.append(delivery)
    }

    func recordRiskBasedLogin(_ login: RiskBasedLogin) {
        riskBasedLogins.append(login)
    }
}
