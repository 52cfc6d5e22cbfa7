#if Vapor
    public import Vapor

    extension LoginRadiusUser: Authenticatable {}

    /// Authenticates requests carrying `Authorization: Bearer <LoginRadius access token>`: Vapor's
    /// `AsyncBearerAuthenticator` for LoginRadius.
    ///
    /// The token is validated through the SDK (``AccessTokenValidator``: cached by its SHA-256,
    /// bounded, a TTL never past the token's expiry, refusals kept briefly) and the user — profile
    /// and roles — is logged in: `req.auth.get(LoginRadiusUser.self)`. A request without a bearer
    /// token, or with one LoginRadius refuses, passes on unauthenticated: guard routes with
    /// `LoginRadiusUser.guardMiddleware()` or ``LoginRadiusRoleGuard``. When LoginRadius cannot be
    /// reached the request fails with 503.
    ///
    /// ```swift
    /// let protected = app.grouped(try app.loginRadius.authenticator(), LoginRadiusUser.guardMiddleware())
    /// protected.get("me") { req in try req.auth.require(LoginRadiusUser.self).uid }
    /// ```
    public struct LoginRadiusAuthenticator: AsyncBearerAuthenticator {
        /// The validator and its cache; call its `invalidate(_:)` on logout.
        public let validator: AccessTokenValidator
        /// Where the end user's IP address comes from.
        public let originIP: OriginIPSource

        /// Creates the authenticator.
        ///
        /// - Parameters:
        ///   - validator: Validates and caches tokens.
        ///   - originIP: Where the end user's address comes from; default the connection's peer.
        public init(validator: AccessTokenValidator, originIP: OriginIPSource = .peer) {
            self.validator = validator
            self.originIP = originIP
        }

        /// Logs in the user the bearer token belongs to, if LoginRadius accepts the token.
        ///
        /// - Throws: `Abort(.serviceUnavailable)` when LoginRadius could not answer.
        public func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
            guard !bearer.token.isEmpty else { return }
            let user: LoginRadiusUser?
            do {
                user = try await validator.user(for: bearer.token, originIP: originIP.address(for: request))
            } catch {
                request.logger.error(
                    "LoginRadius token validation failed",
                    metadata: ["lr.error": "\((error as? LoginRadiusError)?.code.description ?? "other")"])
                throw Abort(.serviceUnavailable)
            }
            if let user { request.auth.login(user) }
        }
    }
#endif
