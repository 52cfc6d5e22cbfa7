/// Everything a ``LoginRadiusClient`` needs to reach a LoginRadius app.
///
/// ```swift
/// let configuration = try LoginRadiusConfiguration(
///     apiKey: environment["LOGINRADIUS_API_KEY"] ?? "",
///     apiSecret: environment["LOGINRADIUS_API_SECRET"] ?? ""
/// )
/// ```
///
/// Values are checked when the configuration is created: a blank key or secret, a base URL
/// that is not `http(s)://host[:port][/path]`, or CR/LF in a header value throw
/// ``LoginRadiusError/invalidConfiguration(_:)``. The secret never appears in ``description``.
public struct LoginRadiusConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// LoginRadius's API host.
    public static let defaultBaseURL = "https://api.loginradius.com/"
    /// LoginRadius's host for app configuration (`ciam/appinfo`).
    public static let defaultConfigURL = "https://config.lrcontent.com/"

    /// The app's API key (a UUID), sent as the `apiKey` query parameter.
    public var apiKey: String
    /// The app's API secret: sent only to the operations that need it, as
    /// `X-LoginRadius-ApiSecret`, or replaced by a request signature when ``requestSigning`` is on.
    public var apiSecret: String
    /// The API base URL: LoginRadius's host, or your custom domain (with or without a trailing slash).
    public var baseURL: String
    /// The configuration host for `ciam/appinfo`.
    public var configURL: String
    /// The data-center region (e.g. `eu`), sent as `region` on every request when set.
    public var serverRegion: String?
    /// The default end-user IP address, sent as `X-Origin-IP` when a call carries none. A server
    /// handling many users sets it per call instead:
    /// `client.with(originIP: request.remoteAddress)` (see ``LoginRadiusClient/with(originIP:timeout:logger:headers:metadata:)``).
    public var originIP: String?
    /// Sign `/manage` requests (`X-Request-Expires` + `digest`) instead of sending the secret.
    public var requestSigning: Bool
    /// An HTTP(S) or SOCKS proxy for every request. A setting of the default transport: the
    /// ``CurlTransport`` the client builds when you pass none (``CurlTransport/Options/proxy``).
    /// A transport you pass is configured on its own; the client then logs a one-time warning
    /// if this is set.
    public var proxy: ProxyConfiguration?
    /// Longest wait for a connection (TCP + TLS), per attempt. Default 10 s. A setting of the
    /// default transport (``CurlTransport/Options/connectTimeout``), like ``proxy``.
    public var connectTimeout: Duration
    /// Longest time for **one attempt**, from start to the last byte of the reply. Default 30 s.
    ///
    /// This is not a bound on the call: with retries on, a call that keeps timing out makes up to
    /// ``RetryPolicy/maxAttempts`` attempts of this length plus the waits between them. The whole
    /// call is bounded by ``RetryPolicy/totalTimeout`` (``retry``'s, default 60 s), which also
    /// shortens the last attempt to what is left. For a call bounded by 2 s in all, set
    /// `retry.totalTimeout = .seconds(2)`, or `retry = .disabled` to make one attempt of
    /// `requestTimeout`.
    ///
    /// Sent with each request (``LoginRadiusRequest/timeout``), so every transport honours it;
    /// a call may set its own with ``LoginRadiusClient/with(originIP:timeout:logger:headers:metadata:)``.
    public var requestTimeout: Duration
    /// The `User-Agent` header value, sent as a header on every request (so every transport sends it).
    public var userAgent: String
    /// When and how failed attempts are retried (``RetryMiddleware``). Default ``RetryPolicy/default``:
    /// 3 attempts, exponential backoff with full jitter from 100 ms to 20 s, 60 s per call.
    public var retry: RetryPolicy
    /// Response decoding and request compression (``CompressionMiddleware``). Default
    /// ``CompressionPolicy/default``: gzip/deflate responses decoded (8 MiB cap), requests uncompressed.
    public var compression: CompressionPolicy
    /// What ``LoggingMiddleware`` logs and at which levels. Default ``LoggingPolicy/default``:
    /// one line per call at debug, redacted bodies at trace.
    public var logging: LoggingPolicy

    /// Creates and checks a configuration.
    ///
    /// - Parameters:
    ///   - apiKey: The app's API key. Must not be blank.
    ///   - apiSecret: The app's API secret. Must not be blank.
    ///   - baseURL: The API host or your custom domain; default ``defaultBaseURL``.
    ///   - configURL: The configuration host; default ``defaultConfigURL``.
    ///   - serverRegion: The region, e.g. `eu`, or `nil`.
    ///   - originIP: The end user's IP address for `X-Origin-IP`, or `nil`.
    ///   - requestSigning: Sign `/manage` requests instead of sending the secret; default `false`.
    ///   - proxy: A proxy for every request, or `nil`.
    ///   - connectTimeout: Connect timeout per attempt; default 10 seconds.
    ///   - requestTimeout: Timeout of one attempt (not of the call: see ``retry`` and
    ///     ``RetryPolicy/totalTimeout``); default 30 seconds.
    ///   - userAgent: The `User-Agent` value; default `swift-loginradius/<version>`.
    ///   - retry: The retry policy; default ``RetryPolicy/default``.
    ///   - compression: The compression policy; default ``CompressionPolicy/default``.
    ///   - logging: The logging policy; default ``LoggingPolicy/default``.
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when a value is unusable.
    public init(
        apiKey: String,
        apiSecret: String,
        baseURL: String = LoginRadiusConfiguration.defaultBaseURL,
        configURL: String = LoginRadiusConfiguration.defaultConfigURL,
        serverRegion: String? = nil,
        originIP: String? = nil,
        requestSigning: Bool = false,
        proxy: ProxyConfiguration? = nil,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(30),
        userAgent: String = "swift-loginradius/\(LoginRadiusSDK.version)",
        retry: RetryPolicy = .default,
        compression: CompressionPolicy = .default,
        logging: LoggingPolicy = .default
    ) throws {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.baseURL = baseURL
        self.configURL = configURL
        self.serverRegion = serverRegion
        self.originIP = originIP
        self.requestSigning = requestSigning
        self.proxy = proxy
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
        self.retry = retry
        self.compression = compression
        self.logging = logging
        try validate()
    }

    /// Checks every value; called by the initializer and by ``LoginRadiusClient``.
    ///
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)``.
    public func validate() throws {
        func fail(_ reason: String) -> LoginRadiusError { .invalidConfiguration(reason) }
        if apiKey.isBlank { throw fail("the API key is blank") }
        if apiSecret.isBlank { throw fail("the API secret is blank") }
        for (name, value) in [
            ("apiKey", apiKey), ("apiSecret", apiSecret), ("userAgent", userAgent), ("originIP", originIP ?? ""),
        ]
        where value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
            throw fail("\(name) contains CR, LF or NUL")
        }
        if let originIP, originIP.isBlank { throw fail("originIP is blank; pass nil to send none") }
        try Self.checkURL(baseURL, name: "baseURL")
        try Self.checkURL(configURL, name: "configURL")
        if connectTimeout <= .zero || requestTimeout <= .zero { throw fail("timeouts must be positive") }
        if let proxy { try Self.checkProxy(proxy.url) }
        try retry.validate()
        try compression.validate()
    }

    private static func checkURL(_ url: String, name: String) throws {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            url.split(separator: "/", omittingEmptySubsequences: true).count >= 2,
            !url.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" })
        else {
            throw LoginRadiusError.invalidConfiguration(
                "\(name) must look like https://host[:port][/path], got '\(url)'")
        }
    }

    private static func checkProxy(_ url: String) throws {
        guard url.contains("://"), !url.contains(where: { $0.isWhitespace }) else {
            throw LoginRadiusError.invalidConfiguration("proxy URL must look like scheme://host:port")
        }
    }

    /// A description with the secret and proxy credentials redacted.
    public var description: String {
        "LoginRadiusConfiguration(apiKey: \(apiKey), apiSecret: <redacted>, baseURL: \(baseURL)"
            + (serverRegion.map { ", region: \($0)" } ?? "") + (originIP.map { ", originIP: \($0)" } ?? "")
            + (requestSigning ? ", requestSigning: on" : "") + (proxy.map { ", proxy: \($0)" } ?? "") + ")"
    }
}

/// A proxy for every request: any scheme libcurl supports (`http`, `https`, `socks4`, `socks5`,
/// `socks5h`), with optional credentials.
public struct ProxyConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// The proxy URL without credentials, e.g. `http://proxy.internal:3128`.
    public var url: String
    /// The proxy user name, when the proxy needs one.
    public var username: String?
    /// The proxy password, when the proxy needs one. Never logged.
    public var password: String?

    /// Creates a proxy configuration.
    public init(url: String, username: String? = nil, password: String? = nil) {
        self.url = url
        self.username = username
        self.password = password
    }

    /// The URL and user name, never the password.
    public var description: String {
        url + (username.map { " (user \($0))" } ?? "")
    }
}

/// Facts about this SDK.
public enum LoginRadiusSDK {
    /// The SDK's version.
    public static let version = "0.1.0"
}
