public import Foundation

/// An HTTP response as the transport received it, before any decoding.
public struct LoginRadiusResponse: Sendable, Hashable {
    /// The HTTP status code, e.g. `200`.
    public var status: Int
    /// The response header fields.
    public var headers: LoginRadiusHeaders
    /// The body bytes, already decompressed when the transport or a middleware decoded them.
    public var body: Data
    /// What the transport measured for this exchange, when it reports it.
    public var metrics: TransportMetrics?

    /// Creates a response.
    public init(status: Int, headers: LoginRadiusHeaders = [:], body: Data = Data(), metrics: TransportMetrics? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.metrics = metrics
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Measurements a transport reports for one exchange.
public struct TransportMetrics: Sendable, Hashable {
    /// New connections opened for this exchange: `0` when an idle kept-alive connection was reused.
    public var newConnections: Int
    /// Total time of the exchange, from start to the last body byte.
    public var totalTime: Duration

    /// Creates metrics.
    public init(newConnections: Int, totalTime: Duration) {
        self.newConnections = newConnections
        self.totalTime = totalTime
    }
}
