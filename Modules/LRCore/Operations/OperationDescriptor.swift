/// What the SDK knows about one LoginRadius operation: where it goes and how credentials travel.
///
/// Generated from the operation catalogue, one per operation; middleware reads it from
/// ``LoginRadiusRequestContext/operation``.
public struct OperationDescriptor: Sendable, Hashable {
    /// Which configured host an operation goes to.
    public enum Host: String, Sendable, Hashable {
        /// ``LoginRadiusConfiguration/baseURL``.
        case api
        /// ``LoginRadiusConfiguration/configURL``.
        case config
    }

    /// Where a credential is sent.
    public enum Placement: Sendable, Hashable {
        /// As a query parameter with this name.
        case query(String)
        /// As a header with this name.
        case header(String)
        /// As `Authorization: Bearer <value>`.
        case bearer
    }

    /// The operation's Swift name, the method you call, e.g. `loginByEmail`.
    public var name: String
    /// LoginRadius's name for the operation: the Python SDK's method name, e.g. `login_by_email`.
    ///
    /// Stable across the SDK's own renames, so it is the name to key on in logs, spans, metrics
    /// and tables; LoginRadius's documentation and other SDKs use it too.
    public var loginRadiusName: String
    /// The API group, e.g. `authentication`.
    public var group: String
    /// The HTTP method.
    public var method: LoginRadiusRequest.Method
    /// The host.
    public var host: Host
    /// The path below the host, with `{name}` placeholders, e.g. `identity/v2/manage/account/{uid}`.
    public var pathTemplate: String {
        didSet { pathTemplateSegments = PathTemplate(pathTemplate) }
    }
    /// ``pathTemplate`` split once, so a call only fills in its placeholders.
    package private(set) var pathTemplateSegments: PathTemplate
    /// Where the API key goes, or `nil` when it is not sent.
    public var apiKey: Placement?
    /// Where the API secret goes, or `nil` when it is not sent.
    public var apiSecret: Placement?
    /// Where an access token goes, for operations that take one.
    public var accessToken: Placement?
    /// Whether the operation may be repeated safely (retries may resend it after it reached the server).
    public var isIdempotent: Bool
    /// LoginRadius's documentation page for the operation.
    public var documentation: String

    /// Creates a descriptor: generated code makes one per operation, a raw call one per call.
    /// `loginRadiusName` defaults to `name`.
    package init(
        name: String, loginRadiusName: String? = nil, group: String, method: LoginRadiusRequest.Method,
        host: Host = .api, pathTemplate: String,
        apiKey: Placement? = .query("apiKey"), apiSecret: Placement? = nil, accessToken: Placement? = nil,
        isIdempotent: Bool? = nil, documentation: String
    ) {
        self.name = name
        self.loginRadiusName = loginRadiusName ?? name
        self.group = group
        self.method = method
        self.host = host
        self.pathTemplate = pathTemplate
        self.pathTemplateSegments = PathTemplate(pathTemplate)
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.accessToken = accessToken
        self.isIdempotent = isIdempotent ?? method.isIdempotent
        self.documentation = documentation
    }

    /// Whether the API secret travels as `X-LoginRadius-ApiSecret`: the requests request signing replaces.
    public var sendsSecretHeader: Bool {
        apiSecret == .header(LoginRadiusHeaderName.apiSecret)
    }
}

/// A path template split into segments, with the positions of its `{name}` placeholders.
package struct PathTemplate: Sendable, Hashable {
    /// The segments; a placeholder's segment holds its name until a call fills it in.
    package let segments: [String]
    /// Each placeholder: its segment's index and its name.
    package let placeholders: [Placeholder]

    /// One `{name}` segment.
    package struct Placeholder: Sendable, Hashable {
        /// The segment's index in ``PathTemplate/segments``.
        package let index: Int
        /// The name between the braces.
        package let name: String
    }

    init(_ template: String) {
        var segments: [String] = []
        var placeholders: [Placeholder] = []
        for segment in template.split(separator: "/") {
            if segment.hasPrefix("{"), segment.hasSuffix("}") {
                let name = String(segment.dropFirst().dropLast())
                placeholders.append(Placeholder(index: segments.count, name: name))
                segments.append(name)
            } else {
                segments.append(String(segment))
            }
        }
        self.segments = segments
        self.placeholders = placeholders
    }
}

/// Header names LoginRadius uses.
public enum LoginRadiusHeaderName {
    /// The API secret on `/manage` operations.
    public static let apiSecret = "X-LoginRadius-ApiSecret"
    /// The secure one-time token on registration.
    public static let sott = "X-LoginRadius-Sott"
    /// The end user's IP address.
    public static let originIP = "X-Origin-IP"
    /// The expiry of a signed request.
    public static let requestExpires = "X-Request-Expires"
    /// The signature of a signed request.
    public static let digest = "digest"
}
