// POST /logout — invalidates the LoginRadius access token and forgets the session.
import Hummingbird
import LoginRadius

enum LogoutFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.post("logout") { _, context in
            if let accessToken = context.session.accessToken {
                do {
                    // GET identity/v2/auth/access_token/invalidate
                    _ = try await services.client.authentication.invalidateAccessToken(accessToken: accessToken)
                } catch {
                    // Signing out locally still works; the token expires on its own.
                    context.logger.warning("could not invalidate the access token", metadata: ["error": "\(error)"])
                }
            }
            await services.sessions.update(context.session.id) { session in
                session.accessToken = nil
                session.uid = nil
                session.email = nil
                session.secondFactorToken = nil
                session.flash = "You are logged out."
                session.needsNewID = true
            }
            return Response.redirect(to: "/", type: .normal)
        }
    }
}
