public import Foundation

/// One HTTP request on its way to LoginRadius, as middleware and transports see it.
///
/// The URL is kept in parts (base URL, decoded path segments, decoded query items) and rendered
/// with RFC 3986 percent-encoding by ``url``, so no caller ever pastes raw values into a URL:
/// a `+`, `&`, `#`, `/` or non-ASCII character in a value reaches the server as that character.
public struct LoginRadiusRequest: Sendable, Hashable {
    /// The HTTP methods LoginRadius's API uses.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// `GET`: reads; sends no body.
        case get = "GET"
        /// `POST`: creates or triggers; not idempotent.
        case post = "POST"
        /// `PUT`: updates; idempotent.
        case put = "PUT"
        /// `DELETE`: removes; idempotent, and may carry a JSON body on LoginRadius's API.
        case delete = "DELETE"
        /// `PATCH`: partial update; not idempotent.
        case patch = "PATCH"
        /// `HEAD`: like `GET` without a response body.
        case head = "HEAD"

        /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2).
        public var isIdempotent: Bool {
            switch self {
            case .get, .put, .delete, .head: true
            case .post, .patch: false
            }
        }
    }

    /// The HTTP method.
    public var method: Method
    /// Scheme, host, optional port and optional base path, e.g. `https://api.loginradius.com/`.
    /// A trailing slash is optional.
    public var baseURL: String
    /// Decoded path segments below ``baseURL``, e.g. `["identity", "v2", "auth", "login"]`.
    public var pathSegments: [String]
    /// Decoded query items, in the order they are sent.
    public var queryItems: [QueryItem]
    /// Header fields, in the order they are sent.
    public var headers: LoginRadiusHeaders
    /// The exact body bytes to send; `nil` sends no body.
    public var body: Data?
    /// Overrides the transport's total timeout for this attempt, when set.
    public var timeout: Duration?

    /// Creates a request from its parts.
    public init(
        method: Method,
        baseURL: String,
        pathSegments: [String],
        queryItems: [QueryItem] = [],
        headers: LoginRadiusHeaders = [:],
        body: Data? = nil,
        timeout: Duration? = nil
    ) {
        self.method = method
        self.baseURL = baseURL
        self.pathSegments = pathSegments
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The encoded path and query, e.g. `/identity/v2/auth/login?apiKey=…`, appended to ``baseURL``.
    public var encodedPathAndQuery: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(estimatedPathAndQueryLength)
        appendPathAndQuery(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The full URL as sent: ``baseURL`` without its trailing slashes, then ``encodedPathAndQuery``.
    public var url: String {
        // Built in one buffer: the transport asks for it on every attempt, and the piecewise
        // version (a string per segment, per item and per join) showed up in its profile.
        var base = baseURL.utf8[...]
        while base.last == UInt8(ascii: "/") { base = base.dropLast() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(base.count + estimatedPathAndQueryLength)
        bytes.append(contentsOf: base)
        appendPathAndQuery(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Enough for the usual case, where little needs encoding.
    private var estimatedPathAndQueryLength: Int {
        var length = 1
        for segment in pathSegments { length += 1 + segment.utf8.count }
        for item in queryItems { length += 2 + item.name.utf8.count + item.value.utf8.count }
        return length + 16
    }

    private func appendPathAndQuery(to bytes: inout [UInt8]) {
        if pathSegments.isEmpty { bytes.append(UInt8(ascii: "/")) }
        for segment in pathSegments {
            bytes.append(UInt8(ascii: "/"))
            PercentEncoding.append(segment, to: &bytes)
        }
        for (index, item) in queryItems.enumerated() {
            bytes.append(index == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            PercentEncoding.append(item.name, to: &bytes)
            bytes.append(UInt8(ascii: "="))
            PercentEncoding.append(item.value, to: &bytes)
        }
    }
}

/// One query parameter: a decoded name and value.
public struct QueryItem: Sendable, Hashable {
    /// The decoded name, e.g. `apiKey`.
    public var name: String
    /// The decoded value, sent percent-encoded.
    public var value: String

    /// Creates a query item.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == QueryItem {
    /// The value of the first item named `name`.
    public func first(named name: String) -> String? {
        first { $0.name == name }?.value
    }
}
