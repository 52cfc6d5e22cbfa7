#if Hummingbird
    public import Hummingbird
    public import HummingbirdAuth

    /// Authenticates requests carrying `Authorization: Bearer <LoginRadius access token>` (or
    /// the token another ``TokenSource`` finds, such as a server-side session's).
    ///
    /// The token is validated through the SDK (``AccessTokenValidator``: cached by its SHA-256,
    /// bounded, a TTL never past the token's expiry, refusals kept briefly) and the user — profile
    /// and roles — is put in the context's `identity`. A request without a bearer token, or
    /// with one LoginRadius refuses, passes on unauthenticated: guard routes with
    /// `IsAuthenticatedMiddleware` or a role policy. When LoginRadius cannot be reached the
    /// request fails with 503.
    ///
    /// ```swift
    /// typealias AppContext = BasicAuthRequestContext<LoginRadiusUser>
    /// let validator = AccessTokenValidator(client: client)
    /// let router = Router(context: AppContext.self)
    /// router.group("api")
    ///     .add(middleware: LoginRadiusAuthenticator(validator: validator))
    ///     .add(middleware: IsAuthenticatedMiddleware())
    ///     .get("me") { _, context in try context.requireIdentity().uid }
    /// ```
    public struct LoginRadiusAuthenticator<Context: AuthRequestContext<LoginRadiusUser>>: AuthenticatorMiddleware {
        /// The authenticated identity.
        public typealias Identity = LoginRadiusUser

        /// The validator and its cache; call its `invalidate(_:)` on logout.
        public let validator: AccessTokenValidator
        /// Where the end user's IP address comes from.
        public let originIP: OriginIPSource
        /// Where the request's access token comes from.
        public let token: TokenSource

        /// Creates the authenticator.
        ///
        /// - Parameters:
        ///   - validator: Validates and caches tokens.
        ///   - originIP: Where the end user's address comes from; default the connection's peer.
        ///   - token: Where the access token comes from; default `Authorization: Bearer`.
        ///   - context: The request context type (for type inference).
        public init(
            validator: AccessTokenValidator, originIP: OriginIPSource = .peer, token: TokenSource = .bearer,
            context: Context.Type = Context.self
        ) {
            self.validator = validator
            self.originIP = originIP
            self.token = token
        }

        /// The user the request's access token belongs to, or `nil`.
        ///
        /// - Throws: `HTTPError(.serviceUnavailable)` when LoginRadius could not answer; what the
        ///   token source throws.
        public func authenticate(request: Request, context: Context) async throws -> LoginRadiusUser? {
            guard let accessToken = try await token.token(for: request, context: context), !accessToken.isEmpty
            else { return nil }
            do {
                return try await validator.user(
                    for: accessToken, originIP: originIP.address(for: request, context: context))
            } catch {
                context.logger.error(
                    "LoginRadius token validation failed",
                    metadata: ["lr.error": "\((error as? LoginRadiusError)?.code.description ?? "other")"])
                throw HTTPError(.serviceUnavailable)
            }
        }
    }

    extension LoginRadiusUser: RoleProviding {}

    /// Lets only users with a LoginRadius role through (401 without a user, 403 without the role).
    ///
    /// ```swift
    /// router.group("admin").add(middleware: LoginRadiusRoleGuard<AppContext>("admin"))
    /// ```
    public typealias LoginRadiusRoleGuard<Context: AuthRequestContext<LoginRadiusUser>> =
        AuthorizationPolicyMiddleware<RolePolicy<LoginRadiusUser>, Context, HTTPError>

    extension AuthorizationPolicyMiddleware where Policy == RolePolicy<LoginRadiusUser>, DeniedError == HTTPError {
        /// A guard requiring the LoginRadius role `role`.
        public init(_ role: String) {
            self.init(RolePolicy(role))
        }
    }
#endif
