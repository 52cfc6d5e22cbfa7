// Everything a route needs: configuration, state, outbox and crypto helpers.
import Foundation

final class EmulatorEngine: Sendable {
    let configuration: EmulatorConfiguration
    let store = EmulatorStore()
    let outbox = Outbox()
    let sott: SOTTCodec
    let passwords: PasswordHasher
    let signatures: RequestSignatureVerifier
    let messages: MessageComposer
    /// Roles, custom objects, consent, webhooks, rate limit and state file (ManagementServices.swift).
    let management: ManagementServices
    /// The address the server answers on, e.g. `http://127.0.0.1:8787/`.
    let baseURL: LockedValue<String>
    /// The configured clock, moved by `POST /emulator/v1/clock`.
    let clock: EmulatorClock
    /// Faults injected by `POST /emulator/v1/faults`.
    let faults = FaultInjector()

    init(configuration: EmulatorConfiguration) {
        self.configuration = configuration
        self.sott = SOTTCodec(apiKey: configuration.apiKey, apiSecret: configuration.apiSecret)
        self.passwords = PasswordHasher(rounds: configuration.passwordHashRounds)
        self.signatures = RequestSignatureVerifier(apiSecret: configuration.apiSecret)
        let baseURL = LockedValue(EmulatorEngine.baseURL(host: configuration.host, port: configuration.port))
        self.baseURL = baseURL
        self.messages = MessageComposer(baseURL: { baseURL.get() })
        self.management = ManagementServices(configuration: configuration)
        self.clock = EmulatorClock(base: configuration.now)
    }

    var now: Date { clock.now }
    var accessTokenLifetime: TimeInterval { configuration.accessTokenLifetime.timeInterval }
    var emailTokenExpiry: Date { now.addingTimeInterval(configuration.emailTokenLifetime.timeInterval) }

    /// Clears accounts, sessions, tokens, the outbox, webhook deliveries, fault rules and the
    /// clock offset.
    func reset() async {
        await store.reset()
        await outbox.clear()
        await management.reset()
        await faults.clear()
        clock.reset()
    }

    /// At start: the `--data` file, then the `--import` file.
    func prepareState() async throws {
        try await management.restoreState(into: self)
        if let file = configuration.importFile {
            do {
                try await importState(Data(contentsOf: file))
            } catch {
                throw StateFileError(description: "cannot import \(file.path): \(error)")
            }
        }
    }

    /// At stop: the `--data` file, then the `--export-on-exit` file.
    func finishState() async {
        await management.saveState(from: self)
        guard let file = configuration.exportOnExitFile else { return }
        do {
            try await exportState().write(to: file, options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("lr-emulator: cannot export to \(file.path): \(error)\n".utf8))
        }
    }

    static func baseURL(host: String, port: Int) -> String {
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(hostPart):\(port)/"
    }
}
