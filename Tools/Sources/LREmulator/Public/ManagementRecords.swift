// Records the emulator keeps for tests to inspect: webhook deliveries, risk-based logins, and
// the rate limit setting.
import Foundation

/// A fixed-window rate limit: at most `requests` API requests per `window`. Beyond it the
/// emulator answers 429 with `Retry-After` (whole seconds until the window ends) and
/// LoginRadius's error body. Requests to `/emulator/...` are never limited.
public struct RateLimit: Sendable, Equatable {
    /// The most API requests allowed in one window.
    public var requests: Int
    /// The window's length.
    public var window: Duration

    /// A limit of `requests` API requests per `window`.
    ///
    /// - Parameters:
    ///   - requests: The most API requests allowed in one window.
    ///   - window: The window's length; one minute by default.
    public init(requests: Int, per window: Duration = .seconds(60)) {
        self.requests = requests
        self.window = window
    }
}

/// One webhook event the emulator sent (or chose not to send) to a subscription.
public struct WebhookDelivery: Sendable, Equatable, Codable {
    /// The payload's `HookId`.
    public let id: String
    /// The subscription's `Id`.
    public let subscriptionId: String
    /// The event name as subscribed, e.g. `Login`.
    public let event: String
    /// The URL called (target URL with the subscription's query parameters).
    public let url: String
    /// The JSON body that was (or would have been) POSTed.
    public let payload: String
    /// The `signature` header sent with it: HMAC-SHA256 of `payload` keyed with the API
    /// secret, in upper-case hex, as LoginRadius signs its webhooks.
    public let signature: String
    /// The receiver's HTTP status, when it answered.
    public let status: Int?
    /// Why the delivery failed (connection refused, timeout, …), if it did.
    public let error: String?
    /// True when the URL is not a loopback address: stored, but never called.
    public let skipped: Bool
    /// When the event was raised, by the emulator's clock (the payload's `Time`).
    public let createdAt: Date
}

/// A login that carried risk-based authentication parameters (`rba…Template`, `loginUrl`,
/// `passwordDelegation`, …). The emulator logs the user in as usual and records them.
public struct RiskBasedLogin: Sendable, Equatable {
    /// The `Uid` of the user who logged in.
    public let uid: String
    /// The parameters as sent, by query parameter name.
    public let parameters: [String: String]
    /// When the login happened, by the emulator's clock.
    public let date: Date
}
