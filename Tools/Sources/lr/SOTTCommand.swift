import ArgumentParser
import Foundation
import LoginRadius

/// `lr sott`: prints a Secured One-Time Token generated locally with `SOTT.generate`.
struct SOTTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sott",
        abstract: "Print a SOTT (Secured One-Time Token) generated locally, and nothing else.",
        discussion: """
            The key and secret come from --api-key / --api-secret, or else from LOGINRADIUS_API_KEY / \
            LOGINRADIUS_API_SECRET. Prefer the environment for the secret: a command line is visible to \
            other users of the machine. The secret is never printed.

            The token is valid for 10 minutes from now, or --minutes N from now, or between --start and \
            --end (UTC, "yyyy/MM/dd HH:mm:ss", 24-hour clock).
            """
    )

    @Option(name: .customLong("api-key"), help: "The app's API key (default: $LOGINRADIUS_API_KEY).")
    var apiKey: String?

    @Option(
        name: .customLong("api-secret"),
        help: ArgumentHelp("The app's primary API secret (default: $LOGINRADIUS_API_SECRET).", valueName: "secret")
    )
    var apiSecret: String?

    @Option(help: ArgumentHelp("Start of the validity window, UTC, e.g. \"2026/01/01 10:00:00\".", valueName: "time"))
    var start: String?

    @Option(help: ArgumentHelp("End of the validity window, UTC, e.g. \"2026/01/01 10:10:00\".", valueName: "time"))
    var end: String?

    @Option(help: "Validity in minutes from now (default 10); not with --start/--end.")
    var minutes: Int?

    func validate() throws {
        switch (start, end) {
        case (nil, nil):
            break
        case (let start?, let end?):
            if minutes != nil { throw ValidationError("--minutes cannot be combined with --start/--end.") }
            guard let startDate = Self.parse(start) else {
                throw ValidationError("--start must look like 2026/01/01 10:00:00.")
            }
            guard let endDate = Self.parse(end) else {
                throw ValidationError("--end must look like 2026/01/01 10:10:00.")
            }
            if endDate <= startDate { throw ValidationError("--end must be after --start.") }
        default:
            throw ValidationError("--start and --end go together.")
        }
        if let minutes, minutes <= 0 { throw ValidationError("--minutes must be positive.") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let key = Self.value(apiKey, environment["LOGINRADIUS_API_KEY"]) else {
            throw ValidationError("No API key: pass --api-key or set LOGINRADIUS_API_KEY.")
        }
        guard let secret = Self.value(apiSecret, environment["LOGINRADIUS_API_SECRET"]) else {
            throw ValidationError("No API secret: pass --api-secret or set LOGINRADIUS_API_SECRET.")
        }
        let token: String
        do {
            if let start, let end {
                token = try SOTT.generate(apiKey: key, apiSecret: secret, startTime: start, endTime: end)
            } else {
                token = try SOTT.generate(apiKey: key, apiSecret: secret, validFor: .seconds(60 * (minutes ?? 10)))
            }
        } catch let error as LoginRadiusError {
            // The SDK's descriptions name the parameter and the reason, never a value.
            throw ValidationError(error.description)
        }
        print(token)
    }

    /// The flag's value, else the environment's; `nil` when both are missing or blank.
    private static func value(_ flag: String?, _ environment: String?) -> String? {
        [flag, environment].lazy.compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) }
    }

    /// `text` as a SOTT time (UTC): `yyyy/MM/dd HH:mm:ss`, or with `-` for `/` (the Python SDK's
    /// README writes `2022-01-16 12:00:00`), zero padding optional; `nil` when it is not one.
    /// The token carries the text as given, as the Python SDK's does.
    static func parse(_ text: String) -> Date? {
        let halves = text.split(separator: " ")
        guard halves.count == 2 else { return nil }
        let separator: Character = halves[0].contains("/") ? "/" : "-"
        let parts =
            halves[0].split(separator: separator, omittingEmptySubsequences: false)
            + halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts.dropFirst().allSatisfy({ (1...2).contains($0.count) }),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let components = DateComponents(
            year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
            second: numbers[5])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
