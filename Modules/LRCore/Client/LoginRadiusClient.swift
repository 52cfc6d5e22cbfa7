public import Logging

/// The entry point: owns the configuration, the transport and the middleware pipeline.
///
/// Create one client per LoginRadius app and share it: it is `Sendable`, and its transport reuses
/// connections across calls. Each API module adds its API object as a property
/// (`client.authentication` from LRAuth, `client.account` from LRAccount, …).
///
/// ```swift
/// let client = try LoginRadiusClient(configuration: .init(apiKey: key, apiSecret: secret))
/// let token = try await client.authentication.loginByEmail(.init(email: email, password: password))
/// ```
///
/// ## Pipeline order
/// Outermost first: your middleware (in the order given) → ``OriginIPMiddleware`` (when
/// ``LoginRadiusConfiguration/originIP`` is set) → ``RequestSigningMiddleware`` (when
/// ``LoginRadiusConfiguration/requestSigning`` is on) → header validation → the transport. Your
/// middleware therefore sees each call once, with the request as the SDK built it, and signing
/// covers exactly the bytes that are sent.
public struct LoginRadiusClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: LoginRadiusConfiguration
    /// The logger middleware and the client write to.
    public let logger: Logger
    let pipeline: MiddlewarePipeline

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: The app's credentials and settings.
    ///   - transport: The transport; default a ``CurlTransport`` built from `configuration`.
    ///   - middleware: Your middleware, outermost first (see "Pipeline order").
    ///   - logger: Where the SDK logs; default a logger labelled `loginradius`.
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when the configuration is unusable
    ///   or the transport cannot start.
    public init(
        configuration: LoginRadiusConfiguration,
        transport: (any LoginRadiusTransport)? = nil,
        middleware: [any LoginRadiusMiddleware] = [],
        logger: Logger = Logger(label: "loginradius")
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        var stack = middleware
        if let originIP = configuration.originIP {
            stack.append(try OriginIPMiddleware(originIP: originIP))
        }
        if configuration.requestSigning {
            stack.append(RequestSigningMiddleware(secret: configuration.apiSecret))
        }
        self.pipeline = MiddlewarePipeline(
            middleware: stack,
            transport: try transport ?? CurlTransport(configuration: configuration)
        )
    }
}
