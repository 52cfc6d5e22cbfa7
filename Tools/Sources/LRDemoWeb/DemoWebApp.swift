// The demo web app: builds the Hummingbird application from the features in Features/, and
// chooses the LoginRadius backend (the in-process emulator, or a real app from the environment).
import Crypto
import Foundation
import Hummingbird
import LREmulator
import LRHummingbird
import Logging
import LoginRadius

/// The demo web app: every LoginRadius flow as server-rendered pages, each calling the SDK
/// server-side through one shared `LoginRadiusClient`.
public struct DemoWebApp: Sendable {
    /// Where the SDK calls go.
    public enum Backend: Sendable {
        /// The in-process LoginRadius emulator (its inbox page stands in for the mailbox).
        case emulator(LoginRadiusEmulator)
        /// A real LoginRadius app.
        case loginRadius(apiKey: String, apiSecret: String, baseURL: String)
    }

    let services: DemoServices
    let cookie: SessionCookie
    /// Whether `publicURL` was given (else the origin follows the bound address).
    let hasPublicURL: Bool

    /// Creates the app: the shared client, the session store and the templates.
    ///
    /// - Parameters:
    ///   - backend: Where the SDK calls go.
    ///   - sessionKey: Signs the session cookie; default a random key (sessions end with the process).
    ///   - secureCookies: Mark the session cookie `Secure` (behind HTTPS).
    ///   - publicURL: The app's address as users reach it (`https://demo.example.com`), used in
    ///     the links LoginRadius emails; default `http://<host>:<bound port>`.
    /// - Throws: `LoginRadiusError.invalidConfiguration` for unusable credentials, or an error
    ///   when the templates cannot be loaded.
    public init(
        backend: Backend, sessionKey: SymmetricKey = SymmetricKey(size: .bits256), secureCookies: Bool = false,
        publicURL: String? = nil
    )
        async throws
    {
        var logger = Logger(label: "lr-demo-web.loginradius")
        logger.logLevel = .warning
        let configuration: LoginRadiusConfiguration
        let emulatorBaseURL: String?
        switch backend {
        case .emulator(let emulator):
            emulatorBaseURL = emulator.baseURL
            configuration = try LoginRadiusConfiguration(
                apiKey: emulator.configuration.apiKey, apiSecret: emulator.configuration.apiSecret,
                baseURL: emulator.baseURL)
        case .loginRadius(let apiKey, let apiSecret, let baseURL):
            emulatorBaseURL = nil
            configuration = try LoginRadiusConfiguration(apiKey: apiKey, apiSecret: apiSecret, baseURL: baseURL)
        }
        let pages = try await PageRenderer.load(inboxURL: emulatorBaseURL.map { "\($0)emulator/inbox" })
        let client = try LoginRadiusClient(configuration: configuration, logger: logger)
        services = DemoServices(
            client: client, validator: AccessTokenValidator(client: client), originIP: .peer,
            sessions: SessionStore(), pages: pages, emulatorBaseURL: emulatorBaseURL,
            publicOrigin: PublicOrigin(
                publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://127.0.0.1:8080"))
        hasPublicURL = publicURL != nil
        cookie = SessionCookie(key: sessionKey.withUnsafeBytes { Data($0) }, secure: secureCookies)
    }

    /// The validator behind the authenticator: its cache statistics, for tests.
    public var validator: AccessTokenValidator { services.validator }

    /// Shuts the LoginRadius client down (its connections closed). Call it once the application
    /// has stopped.
    public func shutdown() async throws {
        try await services.client.shutdown()
    }

    /// The router: static files, the session middleware, the origin IP, LRHummingbird's
    /// authenticator (the session's access token, validated and cached, gives `context.identity`),
    /// then one group of routes per feature.
    func makeRouter() -> Router<DemoContext> {
        let router = Router(context: DemoContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: StaticFilesMiddleware())
        router.add(middleware: SessionMiddleware(sessions: services.sessions, cookie: cookie, pages: services.pages))
        router.add(middleware: OriginIPMiddleware(source: services.originIP))
        router.add(
            middleware: LoginRadiusAuthenticator<DemoContext>(
                validator: services.validator, originIP: services.originIP,
                token: services.sessions.tokenSource(cookie: cookie, context: DemoContext.self)))
        let features: [any DemoFeature.Type] = [
            HomeFeature.self, RegisterFeature.self, VerifyEmailFeature.self, LoginFeature.self,
            MultiFactorFeature.self, PasswordlessFeature.self, SocialLoginFeature.self, PasswordFeature.self,
            ProfileFeature.self, AccountLinkingFeature.self, CustomObjectFeature.self, RolesFeature.self,
            AdminFeature.self, LogoutFeature.self,
        ]
        for feature in features {
            feature.addRoutes(to: router, services: services)
        }
        return router
    }

    /// The application on `host:port` (0 = any free port); `onListening` gets the real port.
    public func makeApplication(
        host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "lr-demo-web")
        logger.logLevel = logLevel
        return Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "lr-demo-web"),
            onServerRunning: { [services, hasPublicURL] channel in
                let bound = channel.localAddress?.port ?? port
                if !hasPublicURL { services.publicOrigin.set("http://\(host):\(bound)") }
                await onListening(bound)
            },
            logger: logger)
    }

    /// The backend the environment asks for: `LOGINRADIUS_API_KEY` and `LOGINRADIUS_API_SECRET`
    /// (and optionally `LOGINRADIUS_BASE_URL`) name a real app; otherwise an emulator is
    /// started in-process on a free loopback port. The emulator, when started, is returned too.
    public static func backend(environment: [String: String]) async throws -> (Backend, LoginRadiusEmulator?) {
        if let key = environment["LOGINRADIUS_API_KEY"], let secret = environment["LOGINRADIUS_API_SECRET"],
            !key.isEmpty, !secret.isEmpty
        {
            let baseURL = environment["LOGINRADIUS_BASE_URL"] ?? LoginRadiusConfiguration.defaultBaseURL
            return (.loginRadius(apiKey: key, apiSecret: secret, baseURL: baseURL), nil)
        }
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0))
        try await emulator.start()
        return (.emulator(emulator), emulator)
    }
}

/// One feature of the demo: a few routes in one small file under Features/.
protocol DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices)
}

/// Serves Resources/public (the stylesheet) under /static/.
struct StaticFilesMiddleware: RouterMiddleware {
    typealias Context = DemoContext

    func handle(_ request: Request, context: DemoContext, next: (Request, DemoContext) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .get, request.uri.path == "/static/style.css",
            let url = Bundle.module.url(forResource: "style", withExtension: "css", subdirectory: "public"),
            let data = try? Data(contentsOf: url)
        else { return try await next(request, context) }
        return Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
