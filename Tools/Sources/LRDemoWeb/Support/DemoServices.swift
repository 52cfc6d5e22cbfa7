// What every feature needs: the one shared LoginRadiusClient, the session store, the page
// renderer, and (against the emulator) the emulator's address for the fake social provider.
import Foundation
import Hummingbird
import LoginRadius
import Synchronization

struct DemoServices: Sendable {
    /// One client for the whole app: it is Sendable and reuses its connections.
    let client: LoginRadiusClient
    let sessions: SessionStore
    let pages: PageRenderer
    /// The emulator's base URL (`http://127.0.0.1:port/`), nil against a real LoginRadius app.
    let emulatorBaseURL: String?

    /// This app's public origin, for the links LoginRadius emails (`verificationUrl`,
    /// `resetPasswordUrl`, …). Configured, never taken from the request's `Host` header: a forged
    /// `Host` would otherwise send a victim's reset link to another site.
    let publicOrigin: PublicOrigin

    /// Remembers the signed-in user in the session (server-side only).
    func signIn(_ context: DemoContext, accessToken: String, profile: Identity?) async {
        let uid = profile?.uid
        let email = profile?.email?.first?.value
        await sessions.update(context.session.id) { session in
            session.accessToken = accessToken
            session.uid = uid
            session.email = email
            session.secondFactorToken = nil
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

    /// For pages that need a signed-in user: back to the login page.
    func loginRequired(_ context: DemoContext) async -> Response {
        await redirect(context, to: "/login", flash: "Please log in first.")
    }

    /// Re-renders `page` with the error's message and status. An expired LoginRadius session
    /// signs the user out and sends them to the login page.
    func failure(_ error: any Error, page: String, context: DemoContext, values: [String: Any] = [:]) async -> Response
    {
        let failure = UserFacingError(error, logger: context.logger)
        if failure.sessionExpired {
            await sessions.update(context.session.id) { $0.accessToken = nil }
            return await redirect(context, to: "/login", flash: "Your session has expired. Please log in again.")
        }
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
