import ArgumentParser
import Foundation

/// The `lr` command line as a library: the generated operation commands (one group per LoginRadius
/// API, one subcommand per operation), `lr emulator`, and an entry point that tests can call
/// in-process.
public enum LRCommandLine {
    /// The commands this library provides: `emulator`, then one command per API group.
    public static let subcommands: [any ParsableCommand.Type] = [EmulatorCommand.self] + CommandTable.groups

    /// The command names of the API groups, e.g. `authentication`, `phone-authentication`.
    public static let groupNames: [String] = CommandTable.groupNames

    /// The number of operation commands (one per catalogue operation).
    public static let operationCount = CommandTable.operationCount

    /// The root command's configuration, with `extraSubcommands` (the executable's own commands)
    /// listed first, then `emulator`, then the API groups.
    public static func configuration(extraSubcommands: [any ParsableCommand.Type] = []) -> CommandConfiguration {
        CommandConfiguration(
            commandName: "lr",
            abstract: "The swift-loginradius command line: call any LoginRadius operation, run the emulator.",
            discussion: """
                lr <group> <operation> --option value … calls a LoginRadius operation through the Swift SDK and \
                prints the typed reply as JSON (--raw: the server's bytes). Credentials come from --api-key / \
                --api-secret or LOGINRADIUS_API_KEY / LOGINRADIUS_API_SECRET, the host from --base-url or \
                LOGINRADIUS_BASE_URL. A LoginRadius error prints its code and description and exits with 1.

                Example: lr authentication login-by-email --email ada@example.com --password '…'
                """,
            subcommands: extraSubcommands + [EmulatorCommand.self],
            groupedSubcommands: [CommandGroup(name: "LoginRadius APIs", subcommands: CommandTable.groups)]
        )
    }

    /// The root command with this library's commands only (the `lr` executable adds its own).
    public struct Root: AsyncParsableCommand {
        /// The configuration: `emulator` and the API groups.
        public static let configuration = LRCommandLine.configuration()

        /// Creates the command (the argument parser does).
        public init() {}
    }

    /// `arguments` with each boolean option written as `--name true` / `--name=false` turned into
    /// `--name` / `--no-name`, which is how the argument parser reads flags.
    public static func normalizingBooleans(_ arguments: [String]) -> [String] {
        guard arguments.count >= 2, let names = CommandTable.booleanOptions["\(arguments[0]) \(arguments[1])"] else {
            return arguments
        }
        var result = Array(arguments.prefix(2))
        var index = 2
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                result += arguments[(index - 1)...]
                break
            }
            guard argument.hasPrefix("--") else {
                result.append(argument)
                continue
            }
            let body = argument.dropFirst(2)
            if let equals = body.firstIndex(of: "="), names.contains(String(body[..<equals])),
                let value = Bool(String(body[body.index(after: equals)...]).lowercased())
            {
                result.append((value ? "--" : "--no-") + body[..<equals])
            } else if names.contains(String(body)), index < arguments.count,
                let value = Bool(arguments[index].lowercased())
            {
                result.append((value ? "--" : "--no-") + body)
                index += 1
            } else {
                result.append(argument)
            }
        }
        return result
    }

    /// Parses and runs `arguments` (without the program name) with `root`, printing what the
    /// command prints, help and errors through ``CLIContext/current``, and returns the exit status:
    /// 0 on success, 1 when the operation failed, 64 for a usage error.
    public static func execute(_ root: any ParsableCommand.Type = Root.self, arguments: [String]) async -> Int32 {
        await execute(root, normalized: normalizingBooleans(arguments))
    }

    private static func execute<Command: ParsableCommand>(_ root: Command.Type, normalized: [String]) async -> Int32 {
        let context = CLIContext.current
        do {
            var command = try root.parseAsRoot(normalized)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let failure as CommandFailure {
            let command = normalized.prefix { !$0.hasPrefix("-") }.prefix(2).joined(separator: " ")
            context.printError("Error: \(failure.description)\nSee 'lr \(command) --help'.\n")
            return ExitCode.validationFailure.rawValue
        } catch {
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if !message.isEmpty {
                let text = message.hasSuffix("\n") ? message : message + "\n"
                if code == .success { context.print(text) } else { context.printError(text) }
            }
            return code.rawValue
        }
    }

    /// Runs the process's command line with `root` and exits with its status: the `lr`
    /// executable's `main`.
    public static func main(_ root: any ParsableCommand.Type = Root.self) async -> Never {
        let status = await execute(root, arguments: Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }
}
