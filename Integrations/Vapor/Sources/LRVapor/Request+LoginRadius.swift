#if Vapor
    public import Vapor

    extension Request {
        /// The app's LoginRadius client for this request: calls carry the end user's address
        /// (`X-Origin-IP`, from `app.loginRadius.originIP`) and log to the request's logger.
        ///
        /// ```swift
        /// app.post("login") { req async throws -> String in
        ///     let credentials = try req.content.decode(Credentials.self)
        ///     let session = try await req.loginRadius.authentication.loginByEmail(
        ///         EmailAuthenticationModel(email: credentials.email, password: credentials.password))
        ///     return session.accessToken ?? ""
        /// }
        /// ```
        ///
        /// A view costs no thread or connection: every request's view shares the app's client.
        ///
        /// - Throws: `Abort(.internalServerError)` when `app.loginRadius.client` is not set.
        public var loginRadius: LoginRadiusClient {
            get throws {
                let settings = application.loginRadius
                guard let client = settings.client else { throw Application.LoginRadius.notConfigured }
                return client.with(originIP: settings.originIP.address(for: self), logger: logger)
            }
        }
    }
#endif
