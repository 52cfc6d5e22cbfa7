#if ServiceLifecycle
    import LRCore
    import Logging
    import ServiceLifecycle
    import Synchronization
    import Testing

    @Suite("LoginRadiusClient in a ServiceGroup")
    struct ClientServiceTests {
        let configuration: LoginRadiusConfiguration
        let logger = Logger(label: "lr-tests", factory: { _ in SwiftLogNoOpLogHandler() })

        init() throws {
            configuration = try LoginRadiusConfiguration(
                apiKey: "00000000-aaaa-bbbb-cccc-000000000001", apiSecret: "11111111-dddd-eeee-ffff-000000000002",
                baseURL: "http://127.0.0.1:9/")
        }

        /// A call the client refuses once it is shut down (nothing is sent: port 9 is never dialled).
        private func probe(_ client: LoginRadiusClient) async -> LoginRadiusError? {
            let operation = OperationDescriptor(
                name: "getServerTime", group: "configuration", method: .get, pathTemplate: "identity/v2/serverinfo",
                documentation: "x")
            do {
                _ = try await client.with(timeout: .milliseconds(200)).send(APICall(operation))
                return nil
            } catch {
                return error as? LoginRadiusError
            }
        }

        @Test("graceful shutdown of the group ends in the client's shutdown()")
        func gracefulShutdownShutsTheClientDown() async throws {
            let client = try LoginRadiusClient(configuration: configuration)
            let group = ServiceGroup(services: [client], logger: logger)
            let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    startedContinuation.finish()
                    try await group.run()
                }
                for await _ in started {}
                // Before shutdown the client works (the call fails on the transport, not on shutdown).
                #expect(await probe(client)?.code != .shutDown)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            // group.run() returned, so the client's run() returned: it has shut down.
            #expect(await probe(client)?.code == .shutDown)
            #expect(await probe(client.with(originIP: "203.0.113.7"))?.code == .shutDown)
        }

        @Test("cancelling the group shuts the client down too")
        func cancellationShutsTheClientDown() async throws {
            let client = try LoginRadiusClient(configuration: configuration)
            let task = Task { try await client.run() }
            task.cancel()
            try await task.value
            #expect(await probe(client)?.code == .shutDown)
        }
    }
#endif
