import ArgumentParser
import Foundation
import LREmulator

/// `lr emulator`: runs the emulator (`run`, the default) and drives a running one through its
/// control API (`state`, `faults`, `clock`, `accounts`, `deliveries`); `coverage` prints which
/// catalogue operations it emulates.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run the LoginRadius emulator, or control a running one.",
        discussion: """
            `lr emulator` (or `lr emulator run`) serves LoginRadius's V2 identity API on 127.0.0.1:8787. The \
            other subcommands call the control API of a running emulator (--emulator-url, default \
            http://127.0.0.1:8787/). See Docs/Emulator.md.
            """,
        subcommands: [
            EmulatorRunCommand.self, EmulatorStateCommand.self, EmulatorFaultsCommand.self, EmulatorClockCommand.self,
            EmulatorAccountsCommand.self, EmulatorDeliveriesCommand.self, EmulatorCoverageCommand.self,
        ],
        defaultSubcommand: EmulatorRunCommand.self
    )
}

/// `--emulator-url`, shared by the control subcommands.
struct EmulatorAddress: ParsableArguments {
    @Option(name: .customLong("emulator-url"), help: "The running emulator's address.")
    var url = "http://127.0.0.1:8787/"

    /// Sends a control request and returns the body; throws with the body for a status ≥ 400.
    func call(_ method: String, _ path: String, body: Data? = nil) async throws -> Data {
        let base = url.hasSuffix("/") ? url : url + "/"
        guard let target = URL(string: base + path) else { throw ValidationError("Bad --emulator-url \(url).") }
        return try await EmulatorControlHTTP.send(method: method, url: target, body: body)
    }

    /// Calls and prints the answer.
    func run(_ method: String, _ path: String, body: Data? = nil) async throws {
        let data = try await call(method, path, body: body)
        CLIContext.current.print(String(decoding: data, as: UTF8.self) + "\n")
    }
}

struct EmulatorStateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Export, import or reset the emulator's state.",
        subcommands: [Export.self, Import.self, Reset.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the state as JSON (or write it to a file).")
        @OptionGroup var emulator: EmulatorAddress
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func run() async throws {
            let data = try await emulator.call("GET", "emulator/v1/state")
            if let output {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                CLIContext.current.print(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the state with an exported one.")
        @OptionGroup var emulator: EmulatorAddress
        @Argument(help: "The state file.")
        var file: String

        func run() async throws {
            try await emulator.run("PUT", "emulator/v1/state", body: try Data(contentsOf: URL(fileURLWithPath: file)))
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Forget everything.")
        @OptionGroup var emulator: EmulatorAddress

        func run() async throws { try await emulator.run("DELETE", "emulator/v1/state") }
    }
}

struct EmulatorFaultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faults", abstract: "Inject faults into operations.",
        subcommands: [Add.self, List.self, Clear.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a rule: match --operation (e.g. login_by_email) or --method and --path.")
        @OptionGroup var emulator: EmulatorAddress
        @Option(help: "A catalogue operation name, e.g. login_by_email.") var operation: String?
        @Option(help: "The HTTP method to match with --path.") var method: String?
        @Option(help: "The path to match, e.g. identity/v2/auth/login.") var path: String?
        @Option(name: .customLong("error-code"), help: "Answer with this LoginRadius error code.") var errorCode: Int?
        @Option(help: "The error's message.") var message: String?
        @Option(help: "The HTTP status (alone: an empty body).") var status: Int?
        @Option(name: .customLong("delay-ms"), help: "Delay the answer.") var delay: Int?
        @Flag(name: .customLong("drop-connection"), help: "Close the connection without an answer.")
        var dropConnection = false
        @Option(help: "The chance, 0 to 1, that a matching request gets the fault.") var probability: Double?
        @Option(help: "How many matching requests get the fault.") var count: Int?

        func run() async throws {
            let rule = FaultRule(
                operation: operation, method: method, path: path, errorCode: errorCode, message: message,
                status: status, delayMilliseconds: delay, dropConnection: dropConnection ? true : nil,
                probability: probability, count: count)
            try await emulator.run("POST", "emulator/v1/faults", body: try JSONEncoder().encode(rule))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the active rules.")
        @OptionGroup var emulator: EmulatorAddress

        func run() async throws { try await emulator.run("GET", "emulator/v1/faults") }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every rule.")
        @OptionGroup var emulator: EmulatorAddress

        func run() async throws { try await emulator.run("DELETE", "emulator/v1/faults") }
    }
}

struct EmulatorClockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock", abstract: "Read or move the emulator's clock.",
        subcommands: [Show.self, Advance.self, Set.self, Reset.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the emulator's time.")
        @OptionGroup var emulator: EmulatorAddress

        func run() async throws { try await emulator.run("GET", "emulator/v1/clock") }
    }

    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move the clock forward by SECONDS.")
        @OptionGroup var emulator: EmulatorAddress
        @Argument var seconds: Double

        func run() async throws {
            try await emulator.run("POST", "emulator/v1/clock", body: Data(#"{"advanceSeconds":\#(seconds)}"#.utf8))
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the clock to an ISO 8601 date.")
        @OptionGroup var emulator: EmulatorAddress
        @Argument var date: String

        func run() async throws {
            let body = try JSONSerialization.data(withJSONObject: ["set": date])
            try await emulator.run("POST", "emulator/v1/clock", body: body)
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Back to the real clock.")
        @OptionGroup var emulator: EmulatorAddress

        func run() async throws {
            try await emulator.run("POST", "emulator/v1/clock", body: Data(#"{"reset":true}"#.utf8))
        }
    }
}

struct EmulatorAccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "List, show, block, unblock or delete accounts.",
        subcommands: [List.self, Show.self, Block.self, Unblock.self, Delete.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every account with its sessions.")
        @OptionGroup var emulator: EmulatorAddress

        func run() async throws { try await emulator.run("GET", "emulator/v1/accounts") }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One account.")
        @OptionGroup var emulator: EmulatorAddress
        @Argument var uid: String

        func run() async throws { try await emulator.run("GET", "emulator/v1/accounts/\(uid)") }
    }

    struct Block: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Block an account (logins answer 991).")
        @OptionGroup var emulator: EmulatorAddress
        @Argument var uid: String

        func run() async throws { try await emulator.run("POST", "emulator/v1/accounts/\(uid)/block") }
    }

    struct Unblock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unblock an account.")
        @OptionGroup var emulator: EmulatorAddress
        @Argument var uid: String

        func run() async throws { try await emulator.run("POST", "emulator/v1/accounts/\(uid)/unblock") }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an account.")
        @OptionGroup var emulator: EmulatorAddress
        @Argument var uid: String

        func run() async throws { try await emulator.run("DELETE", "emulator/v1/accounts/\(uid)") }
    }
}

struct EmulatorDeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "List webhook deliveries with status and signature.")
    @OptionGroup var emulator: EmulatorAddress

    func run() async throws { try await emulator.run("GET", "emulator/v1/webhooks/deliveries") }
}

struct EmulatorCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Print which catalogue operations the emulator emulates (Markdown).")
    @Option(help: "Rewrite the generated table between the markers of this Markdown file instead.")
    var write: String?

    func run() throws {
        let coverage = LoginRadiusEmulator.coverage
        guard let write else {
            CLIContext.current.print(coverage.markdown)
            return
        }
        let url = URL(fileURLWithPath: write)
        let page = try String(contentsOf: url, encoding: .utf8)
        guard let updated = coverage.updating(page: page) else {
            throw ValidationError("\(write) has no coverage markers.")
        }
        if updated != page { try updated.write(to: url, atomically: true, encoding: .utf8) }
        CLIContext.current.print(
            "\(write): \(coverage.entries.count - coverage.missing.count) of \(coverage.entries.count) operations accounted for.\n"
        )
    }
}
