public import Logging

/// What ``LoggingMiddleware`` writes to the client's logger.
///
/// One line per call at ``callLevel`` (operation, method, path without query, status or error,
/// attempts, duration in milliseconds), and the request and response, redacted, at ``bodyLevel``.
/// The logger's own level decides what is emitted: with the default levels, set it to `.trace` to
/// see bodies.
///
/// Redaction is by construction: the URL's query is never logged (only its parameter names),
/// header values only for an allow-list of harmless headers, JSON bodies with the value of every
/// sensitive member replaced (see ``LogRedaction``) and any other body by its length only.
public struct LoggingPolicy: Sendable, Hashable {
    /// One debug line per call, bodies at trace.
    public static let `default` = LoggingPolicy()

    /// The level of the one line per call. Default `.debug`: a library logs successful work at
    /// debug or trace (swift-log's "Choosing log levels"); raise it only if your app wants every
    /// LoginRadius call in its info logs.
    public var callLevel: Logger.Level
    /// The level of the redacted request and response (headers and bodies). Default `.trace`.
    public var bodyLevel: Logger.Level
    /// More JSON member names whose values are redacted, besides the built-in list; compared
    /// case-insensitively, ignoring `_` and `-`.
    public var additionalRedactedKeys: Set<String>
    /// The most bytes of a redacted body that are logged; the rest is cut. Default 64 KiB.
    public var maxLoggedBodySize: Int

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - callLevel: The level of the per-call line; default `.debug`.
    ///   - bodyLevel: The level of redacted headers and bodies; default `.trace`.
    ///   - additionalRedactedKeys: Extra JSON member names to redact; default none.
    ///   - maxLoggedBodySize: The most bytes of a body logged; default 65,536.
    public init(
        callLevel: Logger.Level = .debug,
        bodyLevel: Logger.Level = .trace,
        additionalRedactedKeys: Set<String> = [],
        maxLoggedBodySize: Int = 64 * 1024
    ) {
        self.callLevel = callLevel
        self.bodyLevel = bodyLevel
        self.additionalRedactedKeys = additionalRedactedKeys
        self.maxLoggedBodySize = maxLoggedBodySize
    }
}
