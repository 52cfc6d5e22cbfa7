// Builds the Hummingbird application that serves the emulator.
// Only with the `Emulator` trait (the root package builds the engine without a server).
#if Emulator
    import Hummingbird
    import Logging

    enum ServerFactory {
        static func makeApplication(
            engine: EmulatorEngine,
            onListening:
                @escaping @Sendable (_ port: Int, _ closeListener: @escaping @Sendable () async -> Void) async -> Void
        ) -> some ApplicationProtocol {
            var logger = Logger(label: "lr-emulator")
            logger.logLevel = engine.configuration.logLevel
            let dispatcher = RequestDispatcher(engine: engine, logger: logger)
            let configuration = engine.configuration
            return Application(
                responder: HummingbirdAdapter.responder(for: dispatcher),
                configuration: ApplicationConfiguration(
                    address: .hostname(configuration.host, port: configuration.port),
                    serverName: "lr-emulator"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? configuration.port
                    engine.baseURL.set(EmulatorEngine.baseURL(host: configuration.host, port: port))
                    await onListening(port, { try? await channel.close().get() })
                },
                logger: logger)
        }
    }
#endif
