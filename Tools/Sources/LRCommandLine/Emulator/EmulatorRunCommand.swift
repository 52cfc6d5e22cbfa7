import ArgumentParser
import Foundation
import LREmulator
import Logging

/// `lr emulator [run]`: runs the LoginRadius emulator in the foreground until SIGINT or SIGTERM.
struct EmulatorRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the LoginRadius emulator: LoginRadius's V2 identity API with an in-memory store.",
        discussion: """
            Serves identity/v2/auth/... and identity/v2/manage/... on the given address, plus the control \
            API under /emulator/v1/ (outbox, state, faults, clock, accounts, webhook deliveries). Point lr at \
            it with --base-url http://127.0.0.1:PORT/ and the emulator's key and secret. See Docs/Emulator.md.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free port).")
    var port = 8787

    @Option(name: .customLong("api-key"), help: "The API key to accept (the emulator's test key by default).")
    var apiKey = LoginRadiusEmulator.defaultAPIKey

    @Option(
        name: .customLong("api-secret"),
        help: ArgumentHelp("The API secret to accept (the emulator's test secret by default).", valueName: "secret")
    )
    var apiSecret: String?

    @Flag(name: .customLong("optional-verification"), help: "Let users log in before verifying their email.")
    var optionalVerification = false

    @Option(name: .customLong("token-lifetime"), help: "Access token lifetime in seconds.")
    var tokenLifetime = 3600

    @Option(name: .customLong("log-level"), help: "Server log level (trace, debug, info, notice, warning, error).")
    var logLevel = "info"

    @Option(
        name: .customLong("data"),
        help: "A JSON file to save the state to (on change and on stop) and restore it from at start."
    )
    var dataFile: String?

    @Option(
        name: .customLong("rate-limit"),
        help: "At most this many API requests per window; beyond it, 429 (off by default)."
    )
    var rateLimit: Int?

    @Option(name: .customLong("rate-limit-window"), help: "The rate limit window in seconds.")
    var rateLimitWindow = 60

    @Option(name: .customLong("import"), help: "A state file (from `lr emulator state export`) to load at start.")
    var importFile: String?

    @Flag(name: .customLong("consent-required"), help: "Demand consent at login (1226 until the user submits it).")
    var consentRequired = false

    @Option(name: .customLong("export-on-exit"), help: "Write the state to this file when the emulator stops.")
    var exportFile: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be positive.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("Unknown --log-level \(logLevel).") }
        if let rateLimit, rateLimit < 0 { throw ValidationError("--rate-limit must not be negative.") }
        guard rateLimitWindow > 0 else { throw ValidationError("--rate-limit-window must be positive.") }
    }

    func run() async throws {
        let secret = apiSecret ?? LoginRadiusEmulator.defaultAPISecret
        var configuration = EmulatorConfiguration(
            apiKey: apiKey, apiSecret: secret, host: host, port: port,
            accessTokenLifetime: .seconds(tokenLifetime),
            verificationRequired: !optionalVerification,
            logLevel: Logger.Level(rawValue: logLevel) ?? .info
        )
        configuration.dataFile = dataFile.map { URL(fileURLWithPath: $0) }
        configuration.rateLimit = rateLimit.map { RateLimit(requests: $0, per: .seconds(rateLimitWindow)) }
        configuration.consentRequiredAtLogin = consentRequired
        configuration.importFile = importFile.map { URL(fileURLWithPath: $0) }
        configuration.exportOnExitFile = exportFile.map { URL(fileURLWithPath: $0) }
        let emulator = LoginRadiusEmulator(configuration: configuration)
        let apiKey = self.apiKey
        let secretLine = apiSecret == nil ? "  API secret: \(secret)\n" : "  API secret: (as given)\n"
        let context = CLIContext.current
        try await emulator.run { baseURL in
            context.print(
                "LoginRadius emulator listening on \(baseURL)\n  API key:    \(apiKey)\n\(secretLine)"
                    + "  Outbox:     \(baseURL)emulator/v1/outbox\nPress Ctrl-C to stop.\n"
            )
        }
    }
}
