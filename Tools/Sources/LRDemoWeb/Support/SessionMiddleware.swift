// Loads the browser's session from the signed cookie (or starts one), and checks the CSRF token
// of every POST before any handler runs.
import Foundation
import Hummingbird

struct SessionMiddleware: RouterMiddleware {
    typealias Context = DemoContext

    let sessions: SessionStore
    let cookie: SessionCookie
    let pages: PageRenderer
    /// Form bodies larger than this are refused.
    static let maximumFormSize = 64 * 1024

    func handle(_ request: Request, context: DemoContext, next: (Request, DemoContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        var request = request
        var isNew = false
        if let value = request.cookies[SessionCookie.name]?.value, let id = cookie.sessionID(from: value),
            let session = await sessions.session(id: id)
        {
            context.session = session
        } else {
            context.session = await sessions.create()
            isNew = true
        }

        var response: Response
        if request.method == .post {
            let body = try await request.collectBody(upTo: Self.maximumFormSize)
            context.form = FormData(urlEncoded: String(buffer: body))
            // CSRF: the form must carry this session's token. A new session has no forms yet.
            if isNew || !constantTimeEquals(context.form["csrf"], context.session.csrfToken) {
                context.logger.notice("POST \(request.uri.path) refused: missing or wrong CSRF token")
                response = pages.render(
                    "message", status: .forbidden, context: context,
                    values: [
                        "title": "Form expired",
                        "error": "This form has expired or did not come from this site. Please try again.",
                    ])
            } else {
                response = try await next(request, context)
            }
        } else {
            context.flash = await sessions.takeFlash(context.session.id)
            response = try await next(request, context)
        }
        if let renewed = await sessions.renewIfRequested(context.session.id) {
            response.setCookie(sessionCookie(for: renewed.id))
        } else if isNew {
            response.setCookie(sessionCookie(for: context.session.id))
        }
        return response
    }

    private func sessionCookie(for sessionID: String) -> Cookie {
        Cookie(
            name: SessionCookie.name, value: cookie.value(for: sessionID), path: "/", secure: cookie.secure,
            httpOnly: true, sameSite: .lax)
    }
}
