extension CurlTransport {
    /// What a ``CurlTransport`` does for every request: timeouts, proxy, response size cap.
    ///
    /// TLS peer and host-name verification are always on and cannot be turned off here; to trust a
    /// private certificate authority, point ``caBundlePath`` at its PEM bundle.
    public struct Options: Sendable, Hashable {
        /// The default cap on a response body: 16 MiB.
        public static let defaultMaxResponseSize = 16 * 1024 * 1024

        /// Longest wait for a connection (TCP, plus TLS for HTTPS), per attempt. Default 10 s.
        public var connectTimeout: Duration
        /// Longest time for one attempt, from start to the last byte of the reply, when the
        /// request sets no ``LoginRadiusRequest/timeout``. Default 30 s.
        public var requestTimeout: Duration
        /// An HTTP(S) or SOCKS proxy for every request, or `nil` for direct connections. The
        /// `http_proxy`/`HTTPS_PROXY`/`ALL_PROXY` environment variables are never consulted.
        public var proxy: ProxyConfiguration?
        /// Longest response body accepted, in bytes; a longer one fails the call with
        /// ``TransportFailure/Kind/responseTooLarge``. Default ``defaultMaxResponseSize``.
        public var maxResponseSize: Int
        /// The `User-Agent` sent when a request carries none; `nil` sends none.
        public var userAgent: String?
        /// A PEM file of certificate authorities to trust instead of the system's, or `nil`.
        public var caBundlePath: String?

        /// Creates options.
        ///
        /// - Parameters:
        ///   - connectTimeout: Connect timeout per attempt; default 10 seconds.
        ///   - requestTimeout: Total timeout per attempt; default 30 seconds.
        ///   - proxy: A proxy for every request, or `nil`.
        ///   - maxResponseSize: The body size cap in bytes; default 16 MiB.
        ///   - userAgent: The `User-Agent` for requests without one, or `nil`.
        ///   - caBundlePath: A PEM CA bundle to trust instead of the system's, or `nil`.
        public init(
            connectTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(30),
            proxy: ProxyConfiguration? = nil,
            maxResponseSize: Int = Options.defaultMaxResponseSize,
            userAgent: String? = nil,
            caBundlePath: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.proxy = proxy
            self.maxResponseSize = maxResponseSize
            self.userAgent = userAgent
            self.caBundlePath = caBundlePath
        }

        /// The options a configuration implies: its timeouts, proxy and `User-Agent`, and the
        /// default size cap.
        public init(configuration: LoginRadiusConfiguration) {
            self.init(
                connectTimeout: configuration.connectTimeout,
                requestTimeout: configuration.requestTimeout,
                proxy: configuration.proxy,
                userAgent: configuration.userAgent
            )
        }

        /// Checks the values.
        ///
        /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` for a timeout or size cap that
        ///   is not positive, or CR/LF/NUL in a string libcurl would send.
        func validate() throws {
            func fail(_ reason: String) -> LoginRadiusError { .invalidConfiguration("CurlTransport: " + reason) }
            if connectTimeout <= .zero || requestTimeout <= .zero { throw fail("timeouts must be positive") }
            if maxResponseSize <= 0 { throw fail("maxResponseSize must be positive") }
            let strings = [userAgent, proxy?.url, proxy?.username, proxy?.password, caBundlePath]
            if strings.contains(where: { $0?.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) ?? false }
            ) {
                throw fail("userAgent, proxy and caBundlePath must not contain CR, LF or NUL")
            }
        }
    }
}

/// ``CurlTransport/Options`` converted once into what each transfer sets.
struct CurlTransferSettings: Sendable {
    var connectTimeoutMilliseconds: Int
    var requestTimeoutMilliseconds: Int
    var proxy: ProxyConfiguration?
    var maxResponseSize: Int
    var userAgent: String?
    var caBundlePath: String?

    init(_ options: CurlTransport.Options) {
        connectTimeoutMilliseconds = Self.milliseconds(options.connectTimeout)
        requestTimeoutMilliseconds = Self.milliseconds(options.requestTimeout)
        proxy = options.proxy
        maxResponseSize = options.maxResponseSize
        userAgent = options.userAgent
        caBundlePath = options.caBundlePath
    }

    /// `duration` in whole milliseconds, rounded up, between 1 and `Int32.max` (24 days): libcurl
    /// reads `0` as "no timeout", so a tiny or non-positive duration must never become one.
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let limit = Int(Int32.max)
        guard seconds >= 0 else { return 1 }
        guard seconds < Int64(limit / 1000) else { return limit }
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let roundedUp = attoseconds / perMillisecond + (attoseconds % perMillisecond > 0 ? 1 : 0)
        return min(limit, max(1, Int(seconds) * 1000 + Int(roundedUp)))
    }
}
