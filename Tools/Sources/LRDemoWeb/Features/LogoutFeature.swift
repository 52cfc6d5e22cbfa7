// POST /logout — revokes the LoginRadius access token, drops it from the validator's cache and
// signs the session out.
import Hummingbird
import LoginRadius

enum LogoutFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.post("logout") { _, context in
            // The session's token, even one LoginRadius no longer accepts: it is revoked either way.
            if let accessToken = context.session.accessToken {
                do {
                    // GET identity/v2/auth/access_token/invalidate
                    _ = try await services.client(context).authentication.invalidateAccessToken(
                        accessToken: accessToken)
                } catch {
                    // Signing out locally still works; the token expires on its own.
                    context.logger.warning("could not invalidate the access token", metadata: ["error": "\(error)"])
                }
            }
            // Forgets the token and what the validator cached for it (`validator.invalidate`).
            await services.signOut(context, flash: "You are logged out.")
            return Response.redirect(to: "/", type: .normal)
        }
    }
}
