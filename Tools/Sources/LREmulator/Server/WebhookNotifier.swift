// Webhook delivery. When a subscribed event happens the emulator POSTs LoginRadius's payload,
// `{"HookName": "login", "Time", "HookId", "Data": …}`, to the subscription's URL with its query
// parameters, headers and authentication, plus a `signature` header: HMAC-SHA256 of the body
// keyed with the API secret, in upper-case hex (LoginRadius's webhook documentation). Only
// loopback URLs (127.0.0.0/8, localhost, [::1]) are called; other subscriptions are stored but
// never called, and the skipped delivery is recorded. Deliveries run in the background.
import Crypto
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

struct WebhookNotifier: Sendable {
    let apiSecret: String
    /// How long a receiver may take to answer.
    static let timeout: TimeInterval = 5

    func notify(event: String, data: JSON, store: ManagementStore, now: Date) async {
        for subscription in await store.webhooks(for: event) {
            let hookId = TokenGenerator.uuid()
            let payload = JSON.object(
                JSONObject([
                    ("HookName", .string(event.lowercased())),
                    ("Time", .string(String(LoginRadiusDates.iso8601(now).prefix(19)) + "Z")),
                    ("HookId", .string(hookId)),
                    ("Data", data),
                ])
            ).serialized
            let url = Self.url(for: subscription)
            guard let url, Self.isLoopback(url) else {
                await store.recordDelivery(
                    WebhookDelivery(
                        id: hookId, subscriptionId: subscription.id, event: subscription.event,
                        url: url?.absoluteString ?? subscription.targetUrl, payload: payload,
                        signature: Self.signature(Data(payload.utf8), secret: apiSecret),
                        status: nil, error: nil, skipped: true, createdAt: now))
                continue
            }
            let request = makeRequest(url: url, payload: payload, subscription: subscription)
            Task {
                var status: Int?
                var failure: String?
                do {
                    let (_, response) = try await URLSession.shared.data(for: request)
                    status = (response as? HTTPURLResponse)?.statusCode
                } catch {
                    failure = String(describing: error)
                }
                await store.recordDelivery(
                    WebhookDelivery(
                        id: hookId, subscriptionId: subscription.id, event: subscription.event,
                        url: url.absoluteString, payload: payload,
                        signature: Self.signature(Data(payload.utf8), secret: apiSecret), status: status,
                        error: failure,
                        skipped: false, createdAt: now))
            }
        }
    }

    private func makeRequest(url: URL, payload: String, subscription: WebhookSubscriptionRecord) -> URLRequest {
        var request = URLRequest(url: url, timeoutInterval: Self.timeout)
        request.httpMethod = "POST"
        let body = Data(payload.utf8)
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("lr-emulator", forHTTPHeaderField: "User-Agent")
        request.setValue(Self.signature(body, secret: apiSecret), forHTTPHeaderField: "signature")
        for entry in subscription.headers?.entries ?? [] {
            if let value = entry.value.lenientString { request.setValue(value, forHTTPHeaderField: entry.key) }
        }
        if let authorization = Self.authorization(subscription.authentication) {
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
        }
        return request
    }

    /// Upper-case hex HMAC-SHA256 of the body, keyed with the API secret.
    static func signature(_ body: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02X", $0) }.joined()
    }

    /// `Basic base64(user:password)` or `Bearer token` from the subscription's `Authentication`.
    static func authorization(_ authentication: JSONObject?) -> String? {
        guard let authentication else { return nil }
        let type = authentication.string("AuthType")?.lowercased()
        if type == "basic", let basic = authentication[caseInsensitive: "BasicAuth"]?.objectValue {
            let credentials = (basic.string("Username") ?? "") + ":" + (basic.string("Password") ?? "")
            return "Basic " + Data(credentials.utf8).base64EncodedString()
        }
        if type == "bearer" || type == "bearertoken",
            let token = authentication[caseInsensitive: "BearerToken"]?.objectValue?.string("Token")
        {
            return "Bearer " + token
        }
        return nil
    }

    /// The target URL with the subscription's query parameters appended.
    static func url(for subscription: WebhookSubscriptionRecord) -> URL? {
        guard var components = URLComponents(string: subscription.targetUrl) else { return nil }
        let extra = (subscription.queryParams?.entries ?? []).compactMap { entry in
            entry.value.lenientString.map { URLQueryItem(name: entry.key, value: $0) }
        }
        if !extra.isEmpty { components.queryItems = (components.queryItems ?? []) + extra }
        return components.url
    }

    /// Whether the URL is http(s) to 127.0.0.0/8, `localhost` or `[::1]`.
    static func isLoopback(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var host = url.host?.lowercased()
        else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ Int($0).map { (0...255).contains($0) } ?? false }) else {
            return false
        }
        return octets[0] == "127"
    }

    /// Whether `text` is an absolute http(s) URL with a host.
    static func isValidTarget(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
