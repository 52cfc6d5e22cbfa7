public import Logging

/// What may differ from one call to the next on one client: the end user's address, the time
/// limit, the logger, extra header fields and log metadata.
///
/// You rarely build one yourself: ``LoginRadiusClient/with(originIP:timeout:logger:headers:metadata:)``
/// returns a view of the client carrying them. Middleware reads them from
/// ``LoginRadiusRequestContext/callOptions``.
public struct LoginRadiusCallOptions: Sendable {
    /// The end user's IP address, sent as `X-Origin-IP`; `nil` falls back to
    /// ``LoginRadiusConfiguration/originIP``.
    public var originIP: String?
    /// The per-attempt time limit (``LoginRadiusRequest/timeout``); `nil` falls back to
    /// ``LoginRadiusConfiguration/requestTimeout``.
    public var timeout: Duration?
    /// Where the SDK logs for these calls; `nil` uses the task-local `Logger.current` at the time
    /// of the call.
    public var logger: Logger?
    /// Header fields added to every request of these calls (validated like every header: CR, LF
    /// or NUL fails the call before anything is sent).
    public var headers: LoginRadiusHeaders
    /// Metadata added to the logger of these calls (and readable by middleware, e.g. for spans).
    public var metadata: Logger.Metadata

    /// Creates options; every value defaults to "as the client is configured".
    public init(
        originIP: String? = nil, timeout: Duration? = nil, logger: Logger? = nil,
        headers: LoginRadiusHeaders = [:], metadata: Logger.Metadata = [:]
    ) {
        self.originIP = originIP
        self.timeout = timeout
        self.logger = logger
        self.headers = headers
        self.metadata = metadata
    }

    /// These options with `other`'s set values on top: later values win, headers and metadata add up.
    func merging(_ other: LoginRadiusCallOptions) -> LoginRadiusCallOptions {
        var merged = self
        if let originIP = other.originIP { merged.originIP = originIP }
        if let timeout = other.timeout { merged.timeout = timeout }
        if let logger = other.logger { merged.logger = logger }
        for field in other.headers { merged.headers.replaceOrAdd(name: field.name, value: field.value) }
        merged.metadata.merge(other.metadata) { _, new in new }
        return merged
    }
}
