// What every feature needs: the one shared LoginRadiusClient (viewed per request with the
// browser's origin IP), the access-token validator, the session store, the page renderer, and
// (against the emulator) the emulator's address for the fake social provider.
import Foundation
import Hummingbird
import LRHummingbird
import LoginRadius
import Synchronization

struct DemoServices: Sendable {
    /// One client for the whole app: it is Sendable and reuses its connections. Features call
    /// it through ``client(_:)``, which adds the request's origin IP.
    let client: LoginRadiusClient
    /// Validates the session's access token on each request (LRHummingbird's authenticator) and
    /// caches the answers; told on logout and after changes to the profile or roles.
    let validator: AccessTokenValidator
    /// Where the browser's address comes from: the connection's peer (the demo is reached directly).
    let originIP: OriginIPSource
    let sessions: SessionStore
    let pages: PageRenderer
    /// The emulator's base URL (`http://127.0.0.1:port/`), nil against a real LoginRadius app.
    let emulatorBaseURL: String?

    /// This app's public origin, for the links LoginRadius emails (`verificationUrl`,
    /// `resetPasswordUrl`, …). Configured, never taken from the request's `Host` header: a forged
    /// `Host` would otherwise send a victim's reset link to another site.
    let publicOrigin: PublicOrigin

    /// The shared client, sending this request's origin IP (`X-Origin-IP`) to LoginRadius.
    func client(_ context: DemoContext) -> LoginRadiusClient {
        client.with(originIP: context.originIP)
    }

    /// Remembers the signed-in user's access token in the session (server-side only); the next
    /// request's authenticator validates it and gives the pages the user.
    func signIn(_ context: DemoContext, accessToken: String) async {
        await sessions.update(context.session.id) { session in
            session.accessToken = accessToken
            session.secondFactorToken = nil
            session.needsNewID = true
        }
    }

    /// Forgets the session's access token (and what the validator cached for it).
    func signOut(_ context: DemoContext, flash: String? = nil) async {
        if let accessToken = context.session.accessToken { validator.invalidate(accessToken) }
        await sessions.update(context.session.id) { session in
            session.accessToken = nil
            session.secondFactorToken = nil
            session.flash = flash
            session.needsNewID = true
        }
    }

    /// A redirect that shows `flash` on the next page.
    func redirect(_ context: DemoContext, to location: String, flash: String? = nil) async -> Response {
        if let flash {
            await sessions.update(context.session.id) { $0.flash = flash }
        }
        return Response.redirect(to: location, type: .normal)
    }

    /// For pages that need a signed-in user: back to the login page. A session whose token
    /// LoginRadius no longer accepts is signed out first.
    func loginRequired(_ context: DemoContext) async -> Response {
        guard context.session.accessToken != nil else {
            return await redirect(context, to: "/login", flash: "Please log in first.")
        }
        return await sessionExpired(context)
    }

    /// Signs the session out and sends the user to the login page.
    func sessionExpired(_ context: DemoContext) async -> Response {
        await signOut(context, flash: "Your session has expired. Please log in again.")
        return Response.redirect(to: "/login", type: .normal)
    }

    /// Re-renders `page` with the error's message and status. An expired LoginRadius session
    /// signs the user out and sends them to the login page.
    func failure(_ error: any Error, page: String, context: DemoContext, values: [String: Any] = [:]) async -> Response
    {
        let failure = UserFacingError(error, logger: context.logger)
        if failure.sessionExpired { return await sessionExpired(context) }
        var values = values
        values["error"] = failure.message
        return pages.render(page, status: failure.status, context: context, values: values)
    }
}

/// The app's public origin (`http://127.0.0.1:8080`): given at start, or set once the port is
/// bound.
final class PublicOrigin: Sendable {
    private let stored: Mutex<String>

    init(_ value: String) {
        stored = Mutex(value)
    }

    var value: String {
        stored.withLock { $0 }
    }

    func set(_ value: String) {
        stored.withLock { $0 = value }
    }
}
