// How an emulator instance behaves: the credentials it accepts, where it listens, token
// lifetimes and which optional LoginRadius behaviours are on.
import Foundation
import Logging

public struct EmulatorConfiguration: Sendable {
    /// The API key every request must carry (`apikey` query parameter).
    public var apiKey: String
    /// The API secret `/manage` requests must carry (`X-LoginRadius-ApiSecret`) or sign with.
    public var apiSecret: String
    public var host: String
    /// 0 picks any free port; `LoginRadiusEmulator.start()` returns the real address.
    public var port: Int
    /// How long an access token lives (LoginRadius's default is one hour).
    public var accessTokenLifetime: Duration
    /// How long emailed tokens (verification, reset, delete) stay valid.
    public var emailTokenLifetime: Duration
    /// When true (LoginRadius's "required email verification" flow), registration sends a
    /// verification email and login is refused (970) until the email is verified. When false,
    /// registration logs the user in straight away.
    public var verificationRequired: Bool
    /// How far a SOTT's start time may lie in the future (clock skew between client and server).
    public var sottClockSkew: Duration
    /// Allowed password lengths (LoginRadius's default policy is 6 to 32 characters).
    public var passwordLength: ClosedRange<Int>
    /// PBKDF2-SHA256 rounds for stored passwords (never fewer than 10,000).
    public var passwordHashRounds: Int
    /// The emulator's clock; replace it in tests to move time.
    public var now: @Sendable () -> Date
    /// Log level of the HTTP server.
    public var logLevel: Logger.Level

    public init(
        apiKey: String = LoginRadiusEmulator.defaultAPIKey,
        apiSecret: String = LoginRadiusEmulator.defaultAPISecret,
        host: String = "127.0.0.1",
        port: Int = 8787,
        accessTokenLifetime: Duration = .seconds(3600),
        emailTokenLifetime: Duration = .seconds(24 * 3600),
        verificationRequired: Bool = true,
        sottClockSkew: Duration = .seconds(300),
        passwordLength: ClosedRange<Int> = 6...32,
        passwordHashRounds: Int = 10_000,
        now: @escaping @Sendable () -> Date = { Date() },
        logLevel: Logger.Level = .warning
    ) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.host = host
        self.port = port
        self.accessTokenLifetime = accessTokenLifetime
        self.emailTokenLifetime = emailTokenLifetime
        self.verificationRequired = verificationRequired
        self.sottClockSkew = sottClockSkew
        self.passwordLength = passwordLength
        self.passwordHashRounds = passwordHashRounds
        self.now = now
        self.logLevel = logLevel
    }
}

extension Duration {
    /// The duration in seconds, as Foundation measures intervals.
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
