#if Vapor
    public import Vapor

    /// Lets only users with a LoginRadius role through: 401 without a user (put a
    /// ``LoginRadiusAuthenticator`` before it), 403 without the role.
    ///
    /// ```swift
    /// let admin = app.grouped(try app.loginRadius.authenticator(), LoginRadiusRoleGuard("admin"))
    /// admin.get("report") { _ in "…" }
    /// ```
    public struct LoginRadiusRoleGuard: AsyncMiddleware {
        /// The role a user needs.
        public let role: String

        /// A guard requiring the LoginRadius role `role`.
        public init(_ role: String) {
            self.role = role
        }

        /// Passes the request on when its user has the role.
        ///
        /// - Throws: `Abort(.unauthorized)` without a user, `Abort(.forbidden)` without the role.
        public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            guard let user = request.auth.get(LoginRadiusUser.self) else { throw Abort(.unauthorized) }
            guard user.roles.contains(role) else { throw Abort(.forbidden) }
            return try await next.respond(to: request)
        }
    }
#endif
