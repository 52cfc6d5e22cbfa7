// The LoginRadius emulator: a LoginRadius-compatible HTTP server with an in-memory store, for
// tests and demos. Start it in-process (`start()`/`stop()`) or in the foreground (`run()`).
import Foundation

#if Emulator
    import Hummingbird
#endif

/// A LoginRadius-compatible HTTP server with an in-memory store, for tests and demos. Start it
/// in-process with ``start()`` and ``stop()``, or in the foreground with ``run(onListening:)``.
public final class LoginRadiusEmulator: Sendable {
    /// The API key `lr-emulator` serves when none is given. Test credentials, not secrets.
    public static let defaultAPIKey = "00000000-aaaa-bbbb-cccc-000000000001"
    /// The API secret `lr-emulator` serves when none is given.
    public static let defaultAPISecret = "11111111-dddd-eeee-ffff-000000000002"

    /// The settings the emulator was created with.
    public let configuration: EmulatorConfiguration
    let engine: EmulatorEngine
    private let serverTask = LockedValue<Task<Void, Never>?>(nil)
    /// Closes the listening socket of a server started with `start()`.
    private let closeListener = LockedValue<(@Sendable () async -> Void)?>(nil)

    /// An emulator that is not yet serving; call ``start()`` or ``run(onListening:)``.
    ///
    /// - Parameter configuration: Credentials, address, lifetimes and optional behaviours.
    public init(configuration: EmulatorConfiguration = EmulatorConfiguration()) {
        self.configuration = configuration
        self.engine = EmulatorEngine(configuration: configuration)
    }

    /// The address the emulator serves, e.g. `http://127.0.0.1:8787/`. After `start()` it
    /// carries the real port, also when the configured port was 0.
    public var baseURL: String { engine.baseURL.get() }

    /// Starts serving in the background and returns the base URL once the port is bound.
    /// Throws if the server cannot listen (e.g. the port is taken). Calling it while the
    /// emulator runs returns the current address.
    @discardableResult
    public func start() async throws -> URL {
        #if Emulator
            if serverTask.get() != nil, let url = URL(string: baseURL) { return url }
            try await engine.prepareState()
            let signal = StartupSignal()
            let closeListener = self.closeListener
            let application = ServerFactory.makeApplication(engine: engine) { port, close in
                closeListener.set(close)
                await signal.listening(on: port)
            }
            let task = Task {
                do {
                    try await application.run()
                } catch {
                    await signal.failed(error)
                }
                await signal.failed(CancellationError())
            }
            serverTask.set(task)
            do {
                _ = try await signal.wait()
            } catch {
                await stop()
                throw error
            }
            guard let url = URL(string: baseURL) else { throw URLError(.badURL) }
            return url
        #else
            throw EmulatorError.withoutServer
        #endif
    }

    /// Stops a server started with `start()` and waits until it has shut down.
    public func stop() async {
        guard let task = serverTask.get() else { return }
        serverTask.set(nil)
        // Stop accepting connections first, so that the server ends quietly; then cancel what
        // is left (idle keep-alive connections) if it has not finished shortly after.
        if let close = closeListener.get() {
            closeListener.set(nil)
            await close()
        }
        let watchdog = Task {
            try? await Task.sleep(for: .milliseconds(200))
            task.cancel()
        }
        await task.value
        watchdog.cancel()
        await engine.finishState()
    }

    /// Serves in the foreground until SIGINT or SIGTERM; `onListening` gets the base URL once
    /// the port is bound. Used by the `lr-emulator` command.
    public func run(onListening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        #if Emulator
            let engine = self.engine
            try await engine.prepareState()
            let application = ServerFactory.makeApplication(engine: engine) { _, _ in
                onListening(engine.baseURL.get())
            }
            try await application.runService()
            await engine.finishState()
        #else
            throw EmulatorError.withoutServer
        #endif
    }

    /// Every email and SMS the emulator has "sent", oldest first (also `GET /emulator/v1/outbox`).
    public func outbox() async -> [OutboxMessage] {
        await engine.outbox.all()
    }

    /// Empties the outbox (also `DELETE /emulator/v1/outbox`).
    public func clearOutbox() async {
        await engine.outbox.clear()
    }

    /// Forgets all accounts, sessions, tokens and messages (also `POST /emulator/v1/reset`).
    public func reset() async {
        await engine.reset()
    }

    /// A SOTT for this emulator's credentials, valid from now for `validity`.
    public func makeSOTT(validFor validity: Duration = .seconds(600)) throws -> String {
        let start = engine.now
        return try engine.sott.make(start: start, end: start.addingTimeInterval(validity.timeInterval))
    }
}
