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

    init(configuration: EmulatorConfiguration) {
        self.configuration = configuration
        self.sott = SOTTCodec(apiKey: configuration.apiKey, apiSecret: configuration.apiSecret)
        self.passwords = PasswordHasher(rounds: configuration.passwordHashRounds)
        self.signatures = RequestSignatureVerifier(apiSecret: configuration.apiSecret)
        let baseURL = LockedValue(EmulatorEngine.baseURL(host: configuration.host, port: configuration.port))
        self.baseURL = baseURL
        self.messages = MessageComposer(baseURL: { baseURL.get() })
        self.management = ManagementServices(configuration: configuration)
    }

    var now: Date { configuration.now() }
    var accessTokenLifetime: TimeInterval { configuration.accessTokenLifetime.timeInterval }
    var emailTokenExpiry: Date { now.addingTimeInterval(configuration.emailTokenLifetime.timeInterval) }

    /// Clears accounts, sessions, tokens and the outbox.
    func reset() async {
        await store.reset()
        await outbox.clear()
        await management.reset()
    }

    static func baseURL(host: String, port: Int) -> String {
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(hostPart):\(port)/"
    }
}
