#if Hummingbird
    import Foundation
    public import Hummingbird

    extension RouterMethods {
        /// Adds a POST route receiving LoginRadius webhook deliveries: the raw body is verified
        /// against the `signature` header before anything is decoded.
        ///
        /// Answers 204 once `handler` returns, 401 for a missing or wrong signature, 400 for a signed
        /// body that is not a webhook payload, 413 for a body over `maxSize`.
        ///
        /// ```swift
        /// router.loginRadiusWebhook("webhooks/loginradius", verifier: try WebhookVerifier(secret: secret)) {
        ///     event, context in
        ///     context.logger.info("LoginRadius event", metadata: ["event": "\(event.name)"])
        /// }
        /// ```
        ///
        /// - Parameters:
        ///   - path: The route's path.
        ///   - verifier: Checks the signature with your API secret(s).
        ///   - maxSize: The largest body accepted, in bytes; default 1 MiB.
        ///   - handler: What to do with a verified event.
        /// - Returns: The router, for chaining.
        @discardableResult
        public func loginRadiusWebhook(
            _ path: RouterPath,
            verifier: WebhookVerifier,
            maxSize: Int = 1 << 20,
            handler: @escaping @Sendable (WebhookEvent, Context) async throws -> Void
        ) -> Self {
            post(path) { request, context -> Response in
                let body = try await request.body.collect(upTo: maxSize)
                let event: WebhookEvent
                do {
                    event = try verifier.verify(
                        body: Data(body.readableBytesView),
                        signature: request.headers.first(where: {
                            $0.name.canonicalName == WebhookVerifier.signatureHeader
                        })?.value)
                } catch let error as WebhookVerificationError {
                    context.logger.info("LoginRadius webhook refused", metadata: ["lr.reason": "\(error.code)"])
                    throw HTTPError(error.code == .malformedPayload ? .badRequest : .unauthorized)
                }
                try await handler(event, context)
                return Response(status: .noContent)
            }
        }
    }
#endif
