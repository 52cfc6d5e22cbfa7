#if Hummingbird
    public import Hummingbird
    import HummingbirdAuth

    extension LoginRadiusAuthenticator {
        /// Where a request's LoginRadius access token comes from.
        ///
        /// An API reads it from `Authorization: Bearer` (``bearer``, the default). A browser app
        /// keeps the token server-side and gives the browser only a session cookie: read the
        /// cookie and look the token up in your session store with ``init(_:)``.
        ///
        /// ```swift
        /// let authenticator = LoginRadiusAuthenticator(
        ///     validator: validator,
        ///     token: .init { request, _ in
        ///         guard let id = request.cookies["session"]?.value else { return nil }
        ///         return await sessions.accessToken(forSession: id)
        ///     })
        /// ```
        public struct TokenSource: Sendable {
            private let read: @Sendable (Request, Context) async throws -> String?

            /// A source that reads the token with `read`; `nil` (or an empty string) means the
            /// request carries none and passes on unauthenticated.
            public init(_ read: @escaping @Sendable (Request, Context) async throws -> String?) {
                self.read = read
            }

            /// The token of `Authorization: Bearer <token>`.
            public static var bearer: TokenSource {
                TokenSource { request, _ in request.headers.bearer?.token }
            }

            /// The access token `request` carries, or `nil`.
            public func token(for request: Request, context: Context) async throws -> String? {
                try await read(request, context)
            }
        }
    }
#endif
