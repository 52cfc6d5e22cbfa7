// Compiled only with the package trait `ServiceLifecycle`, so consumers who do not enable it
// resolve and build no swift-service-lifecycle.
#if ServiceLifecycle
    public import ServiceLifecycle

    /// A client is a swift-service-lifecycle `Service`: add it to your `ServiceGroup` and graceful
    /// shutdown ends in ``LoginRadiusClient/shutdown()``.
    ///
    /// ```swift
    /// let client = try LoginRadiusClient(configuration: configuration)
    /// let group = ServiceGroup(
    ///     configuration: .init(services: [.init(service: app), .init(service: client)], logger: logger))
    /// try await group.run()
    /// ```
    ///
    /// Put the client after the services that use it: a `ServiceGroup` shuts services down in
    /// reverse order, so your server stops taking requests before the client stops.
    extension LoginRadiusClient: Service {
        /// Waits for graceful shutdown (or cancellation), then shuts the client down.
        ///
        /// - Throws: What ``shutdown()`` throws.
        public func run() async throws {
            // Cancellation ends the wait too; either way the client is shut down.
            try? await gracefulShutdown()
            try await shutdown()
        }
    }
#endif
