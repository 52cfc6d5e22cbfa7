#if Vapor
    public import Vapor

    extension Application {
        /// The app's LoginRadius client, token validator and origin-IP policy.
        ///
        /// ```swift
        /// app.loginRadius.client = try LoginRadiusClient(configuration: configuration)
        /// app.loginRadius.originIP = .trustedForwardedFor  // only behind your own proxy
        /// ```
        ///
        /// The client set here is shut down with the app (its awaitable `shutdown()`, from
        /// `asyncShutdown()`); requests reach it as `req.loginRadius`.
        public var loginRadius: LoginRadius { LoginRadius(application: self) }

        /// The LoginRadius settings of an ``Vapor/Application``; see ``Vapor/Application/loginRadius``.
        public struct LoginRadius: Sendable {
            let application: Application

            struct Settings: Sendable {
                var client: LoginRadiusClient?
                var validator: AccessTokenValidator?
                var originIP: OriginIPSource = .peer
                var shutdownRegistered = false
            }

            struct Key: StorageKey, LockKey {
                typealias Value = Settings
            }

            /// The client requests use (`req.loginRadius`). Setting it also makes a fresh
            /// ``validator`` for it, and has the app shut it down when the app shuts down (the client
            /// set at that time; one you replace is yours to shut down).
            public var client: LoginRadiusClient? {
                get { settings.client }
                nonmutating set {
                    let register = update { settings in
                        settings.client = newValue
                        settings.validator = newValue.map { AccessTokenValidator(client: $0) }
                        let register = newValue != nil && !settings.shutdownRegistered
                        if register { settings.shutdownRegistered = true }
                        return register
                    }
                    if register { application.lifecycle.use(ShutdownHandler()) }
                }
            }

            /// The access-token validator (and its cache) of ``authenticator()``: made for
            /// ``client`` with default options; set your own for other cache sizes and lifetimes.
            /// Call its `invalidate(_:)` on logout.
            public var validator: AccessTokenValidator? {
                get { settings.validator }
                nonmutating set { update { $0.validator = newValue } }
            }

            /// Where the end user's IP address comes from, for `req.loginRadius` and
            /// ``authenticator()``; default the connection's peer address.
            public var originIP: OriginIPSource {
                get { settings.originIP }
                nonmutating set { update { $0.originIP = newValue } }
            }

            /// A bearer authenticator using ``validator`` and ``originIP``.
            ///
            /// - Throws: `Abort(.internalServerError)` when no client (or validator) is set.
            public func authenticator() throws -> LoginRadiusAuthenticator {
                let settings = settings
                guard let validator = settings.validator else { throw Self.notConfigured }
                return LoginRadiusAuthenticator(validator: validator, originIP: settings.originIP)
            }

            static let notConfigured = Abort(
                .internalServerError, reason: "LoginRadius is not configured: set app.loginRadius.client")

            private var settings: Settings {
                application.storage[Key.self] ?? Settings()
            }

            @discardableResult
            private func update<Result>(_ change: (inout Settings) -> Result) -> Result {
                application.locks.lock(for: Key.self).withLock {
                    var settings = application.storage[Key.self] ?? Settings()
                    let result = change(&settings)
                    application.storage[Key.self] = settings
                    return result
                }
            }
        }
    }

    /// Shuts the app's LoginRadius client down with the app, awaiting its `shutdown()`.
    struct ShutdownHandler: LifecycleHandler {
        func shutdownAsync(_ application: Application) async {
            guard let client = application.loginRadius.client else { return }
            do {
                try await client.shutdown()
            } catch {
                application.logger.debug("LoginRadius client shutdown failed", metadata: ["error": "\(error)"])
            }
        }

        /// The blocking `Application.shutdown()` cannot await: the client's shutdown is started
        /// without blocking this thread, and finishes on its own. Prefer `asyncShutdown()`.
        func shutdown(_ application: Application) {
            guard let client = application.loginRadius.client else { return }
            Task { try? await client.shutdown() }
        }
    }
#endif
