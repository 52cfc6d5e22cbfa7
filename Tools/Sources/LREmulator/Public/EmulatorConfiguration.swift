// How an emulator instance behaves: the credentials it accepts, where it listens, token
// lifetimes and which optional LoginRadius behaviours are on.
import Foundation
import Logging

/// How an emulator instance behaves: the credentials it accepts, where it listens, token
/// lifetimes, and which optional LoginRadius behaviours are on.
public struct EmulatorConfiguration: Sendable {
    /// The API key every request must carry (`apikey` query parameter).
    public var apiKey: String
    /// The API secret `/manage` requests must carry (`X-LoginRadius-ApiSecret`) or sign with.
    public var apiSecret: String
    /// The interface to listen on, e.g. `127.0.0.1` (the default) or `0.0.0.0`.
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
    /// LoginRadius's "required" multi-factor authentication: every `login/2fa` login needs a
    /// second factor, and users without one enrol during login. When false (the default,
    /// "optional"), only users who enabled a second factor need one.
    public var multiFactorRequired: Bool = false
    /// LoginRadius's mandatory PIN: a password login of an account without a PIN fails with
    /// 1243, its body carrying `Data.PINAuthToken` for "Set PIN by PinAuthToken".
    public var pinRequired: Bool = false
    /// A rate limit on API requests (429 with `Retry-After` beyond it); nil, the default, is off.
    public var rateLimit: RateLimit? = nil
    /// A JSON file the emulator's state is saved to (after changes and on stop) and restored
    /// from at start, so that users survive a restart; nil, the default, keeps state in memory.
    public var dataFile: URL? = nil
    /// A state file (from `GET /emulator/v1/state` or ``LoginRadiusEmulator/exportState()``) to
    /// load when the emulator starts, after `dataFile` (`--import`).
    public var importFile: URL? = nil
    /// Where to write the state when the emulator stops (`--export-on-exit`).
    public var exportOnExitFile: URL? = nil
    /// The app's consent settings demand consent at login: a password login of an account that
    /// has not submitted consent fails with 1226, its body carrying `Data.ConsentToken` for
    /// "Submit Consent by Consent Token" (`--consent-required`). Off by default.
    public var consentRequiredAtLogin: Bool = false

    /// A configuration with LoginRadius's defaults; the properties not listed here
    /// (``multiFactorRequired``, ``pinRequired``, ``rateLimit``, ``dataFile``) start off.
    ///
    /// - Parameters:
    ///   - apiKey: The API key every request must carry.
    ///   - apiSecret: The API secret `/manage` requests must carry or sign with.
    ///   - host: The interface to listen on.
    ///   - port: The TCP port to listen on; 0 picks any free port.
    ///   - accessTokenLifetime: How long an access token lives; one hour by default.
    ///   - emailTokenLifetime: How long emailed tokens stay valid; 24 hours by default.
    ///   - verificationRequired: Whether registration requires email verification before login.
    ///   - sottClockSkew: How far a SOTT's start time may lie in the future; five minutes by default.
    ///   - passwordLength: Allowed password lengths, in characters.
    ///   - passwordHashRounds: PBKDF2-SHA256 rounds for stored passwords (at least 10,000).
    ///   - now: The emulator's clock.
    ///   - logLevel: Log level of the HTTP server.
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
