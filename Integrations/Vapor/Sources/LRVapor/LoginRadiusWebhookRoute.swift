#if Vapor
    public import Vapor

    extension RoutesBuilder {
        /// Adds a POST route receiving LoginRadius webhook deliveries: the raw body is verified
        /// against the `signature` header before anything is decoded.
        ///
        /// Answers 204 once `handler` returns, 401 for a missing or wrong signature, 400 for a signed
        /// body that is not a webhook payload, 413 for a body over `maxSize`.
        ///
        /// ```swift
        /// let verifier = try WebhookVerifier(secrets: [apiSecret, previousAPISecret])
        /// app.loginRadiusWebhook("webhooks", "loginradius", verifier: verifier) { event, req in
        ///     req.logger.info("LoginRadius event", metadata: ["event": "\(event.name)"])
        /// }
        /// ```
        ///
        /// - Parameters:
        ///   - path: The route's path components.
        ///   - verifier: Checks the signature with your API secret(s).
        ///   - maxSize: The largest body accepted; default 1 MiB.
        ///   - handler: What to do with a verified event.
        /// - Returns: The route.
        @discardableResult
        public func loginRadiusWebhook(
            _ path: PathComponent...,
            verifier: WebhookVerifier,
            maxSize: ByteCount = "1mb",
            handler: @escaping @Sendable (WebhookEvent, Request) async throws -> Void
        ) -> Route {
            on(.POST, path, body: .collect(maxSize: maxSize)) { request async throws -> HTTPStatus in
                let body = request.body.data.map { Data($0.readableBytesView) } ?? Data()
                let event: WebhookEvent
                do {
                    event = try verifier.verify(
                        body: body, signature: request.headers.first(name: WebhookVerifier.signatureHeader))
                } catch let error as WebhookVerificationError {
                    request.logger.info("LoginRadius webhook refused", metadata: ["lr.reason": "\(error.code)"])
                    throw Abort(error.code == .malformedPayload ? .badRequest : .unauthorized)
                }
                try await handler(event, request)
                return .noContent
            }
        }
    }
#endif
