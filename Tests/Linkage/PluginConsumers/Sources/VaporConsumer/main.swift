import LRVapor
import Vapor

// The README's minimal Vapor app, configured but not served: it compiles only if LRVapor was
// built with Vapor, and running it checks that the app shuts the LoginRadius client down.
func configure(_ app: Application) throws {
    let apiSecret = Environment.get("LOGINRADIUS_API_SECRET") ?? "secret"
    app.loginRadius.client = try LoginRadiusClient(
        configuration: .init(apiKey: Environment.get("LOGINRADIUS_API_KEY") ?? "key", apiSecret: apiSecret))

    let api = app.grouped("api").grouped(try app.loginRadius.authenticator())
    api.grouped(LoginRadiusUser.guardMiddleware()).get("me") { req in
        try req.auth.require(LoginRadiusUser.self).uid
    }
    api.grouped(LoginRadiusRoleGuard("admin")).get("admin", "report") { _ in "for admins" }
    api.post("logout") { req async throws -> HTTPStatus in
        guard let token = req.headers.bearerAuthorization?.token else { throw Abort(.unauthorized) }
        _ = try await req.loginRadius.authentication.invalidateAccessToken(accessToken: token)
        req.application.loginRadius.validator?.invalidate(token) // the next request asks LoginRadius again
        return .noContent
    }
    app.loginRadiusWebhook("webhooks", "loginradius", verifier: try WebhookVerifier(secret: apiSecret)) { event, req in
        req.logger.info("LoginRadius event \(event.name)")
    }
}

let app = try await Application.make(.testing)
try configure(app)
let routes = app.routes.all.count
guard let client = app.loginRadius.client else {
    print("FAIL: app.loginRadius.client is not set")
    exit(1)
}
try await app.asyncShutdown()
do {
    _ = try await client.authentication.validateAccessToken(accessToken: "token")
    print("FAIL: the app's shutdown left the LoginRadius client running")
    exit(1)
} catch let error as LoginRadiusError where error.code == .shutDown {
    print("LRVapor: \(routes) routes; the app's shutdown shut the LoginRadius client down")
}
