import Foundation

/// Where the command line reads its environment and standard input and writes its output.
///
/// The process's by default; tests bind their own with `CLIContext.$current.withValue(_:operation:)`
/// to run commands in-process and read what they print.
public struct CLIContext: Sendable {
    /// The environment variables (`LOGINRADIUS_API_KEY`, `LOGINRADIUS_API_SECRET`, `LOGINRADIUS_BASE_URL`).
    public var environment: [String: String]
    /// Reads standard input to its end (for `--body -`).
    public var readStandardInput: @Sendable () -> Data
    /// Writes bytes to standard output.
    public var writeStandardOutput: @Sendable (Data) -> Void
    /// Writes bytes to standard error.
    public var writeStandardError: @Sendable (Data) -> Void

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - environment: The environment variables.
    ///   - readStandardInput: Reads standard input to its end.
    ///   - writeStandardOutput: Writes to standard output.
    ///   - writeStandardError: Writes to standard error.
    public init(
        environment: [String: String],
        readStandardInput: @escaping @Sendable () -> Data,
        writeStandardOutput: @escaping @Sendable (Data) -> Void,
        writeStandardError: @escaping @Sendable (Data) -> Void
    ) {
        self.environment = environment
        self.readStandardInput = readStandardInput
        self.writeStandardOutput = writeStandardOutput
        self.writeStandardError = writeStandardError
    }

    /// The process's environment, standard input, output and error.
    public static let process = CLIContext(
        environment: ProcessInfo.processInfo.environment,
        readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() },
        writeStandardOutput: { FileHandle.standardOutput.write($0) },
        writeStandardError: { FileHandle.standardError.write($0) }
    )

    /// The context commands run in.
    @TaskLocal public static var current = CLIContext.process

    /// Writes `text` to standard output.
    func print(_ text: String) {
        writeStandardOutput(Data(text.utf8))
    }

    /// Writes `text` to standard error.
    func printError(_ text: String) {
        writeStandardError(Data(text.utf8))
    }

    /// The value of an environment variable, or `nil` when it is unset or blank.
    func variable(_ name: String) -> String? {
        guard let value = environment[name], !value.allSatisfy(\.isWhitespace) else { return nil }
        return value
    }
}
