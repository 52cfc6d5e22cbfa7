import ArgumentParser
import Foundation
import Logging
import LoginRadius

/// The options every operation command takes: credentials, hosts, request options and output.
///
/// Credentials and the base URL fall back to `LOGINRADIUS_API_KEY`, `LOGINRADIUS_API_SECRET` and
/// `LOGINRADIUS_BASE_URL`. The secret is never printed.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("api-key"),
        help: ArgumentHelp("The app's API key (default: $LOGINRADIUS_API_KEY).", valueName: "key")
    )
    var apiKey: String?

    @Option(
        name: .customLong("api-secret"),
        help: ArgumentHelp(
            "The app's API secret (default: $LOGINRADIUS_API_SECRET; prefer the environment: a command line is "
                + "visible to other users).",
            valueName: "secret"
        )
    )
    var apiSecret: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The API host or your custom domain (default: $LOGINRADIUS_BASE_URL, else https://api.loginradius.com/).",
            valueName: "url"
        )
    )
    var baseURL: String?

    @Option(
        name: .customLong("config-url"),
        help: ArgumentHelp("The configuration host (default: https://config.lrcontent.com/).", valueName: "url")
    )
    var configURL: String?

    @Option(name: .customLong("region"), help: ArgumentHelp("The data-center region, e.g. eu.", valueName: "region"))
    var region: String?

    @Option(
        name: .customLong("origin-ip"),
        help: ArgumentHelp("The end user's IP address, sent as X-Origin-IP.", valueName: "ip")
    )
    var originIP: String?

    @Flag(name: .customLong("signing"), help: "Sign requests that carry the API secret instead of sending it.")
    var signing = false

    @Flag(name: .customLong("raw"), help: "Print LoginRadius's reply as it arrived instead of the typed reply.")
    var raw = false

    @Flag(name: .customLong("verbose"), help: "Log each call (method, path, status, duration) to standard error.")
    var verbose = false

    /// Stands in for a credential the operation does not send, so that the configuration is valid.
    static let unusedCredential = "unused-by-this-operation"

    /// A client for `operation` that records each response with `recorder`.
    ///
    /// - Throws: ``CommandFailure`` when a credential the operation sends is missing;
    ///   ``LoginRadiusError/invalidConfiguration(_:)`` when a value is unusable.
    func makeClient(for operation: OperationDescriptor, recorder: ResponseRecorder) throws -> LoginRadiusClient {
        let context = CLIContext.current
        let key = Self.value(apiKey) ?? context.variable("LOGINRADIUS_API_KEY")
        let secret = Self.value(apiSecret) ?? context.variable("LOGINRADIUS_API_SECRET")
        guard let key = key ?? (operation.apiKey == nil ? Self.unusedCredential : nil) else {
            throw CommandFailure("No API key: pass --api-key or set LOGINRADIUS_API_KEY.")
        }
        guard let secret = secret ?? (operation.apiSecret == nil ? Self.unusedCredential : nil) else {
            throw CommandFailure(
                "\(operation.name) needs the API secret: set LOGINRADIUS_API_SECRET or pass --api-secret."
            )
        }
        let configuration = try LoginRadiusConfiguration(
            apiKey: key,
            apiSecret: secret,
            baseURL: Self.value(baseURL) ?? context.variable("LOGINRADIUS_BASE_URL")
                ?? LoginRadiusConfiguration.defaultBaseURL,
            configURL: Self.value(configURL) ?? LoginRadiusConfiguration.defaultConfigURL,
            serverRegion: Self.value(region),
            originIP: Self.value(originIP),
            requestSigning: signing
        )
        let logger: Logger
        if verbose {
            logger = Logger(label: "lr") { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .info
                return handler
            }
        } else {
            logger = Logger(label: "lr") { _ in SwiftLogNoOpLogHandler() }
        }
        return try LoginRadiusClient(configuration: configuration, middleware: [recorder], logger: logger)
    }

    /// `value` unless it is `nil` or blank.
    private static func value(_ value: String?) -> String? {
        guard let value, !value.allSatisfy(\.isWhitespace) else { return nil }
        return value
    }
}
