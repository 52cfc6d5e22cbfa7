// GET /admin — a page for users with the LoginRadius role `admin`, behind LRHummingbird's role
// guard (the roles come from the authenticator's validated identity). Without a user the guard
// answers 401, without the role 403; AccessDeniedPages turns those into the login redirect and a
// page.
import Hummingbird
import LRHummingbird

enum AdminFeature: DemoFeature {
    /// The LoginRadius role the page needs.
    static let role = "admin"

    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.group("admin")
            .add(middleware: AccessDeniedPages(services: services))
            .add(middleware: LoginRadiusRoleGuard<DemoContext>(role))
            .get { _, context in
                services.pages.render(
                    "message", context: context,
                    values: [
                        "title": "Admin",
                        "info": "Welcome to the admin area: your LoginRadius roles include \(role).",
                    ])
            }
    }
}

/// Renders the role guard's refusals: 401 (nobody signed in) goes to the login page, 403 (no
/// such role) gets a page saying which role is missing.
struct AccessDeniedPages: RouterMiddleware {
    typealias Context = DemoContext

    let services: DemoServices

    func handle(_ request: Request, context: DemoContext, next: (Request, DemoContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .unauthorized {
            return await services.loginRequired(context)
        } catch let error as HTTPError where error.status == .forbidden {
            return services.pages.render(
                "message", status: .forbidden, context: context,
                values: [
                    "title": "Admin",
                    "error": "This page is for users with the LoginRadius role \(AdminFeature.role).",
                ])
        }
    }
}
