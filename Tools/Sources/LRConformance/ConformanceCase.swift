import Foundation
import LoginRadius

/// One line of a conformance file (format: `shared/conformance/README.md`).
public struct ConformanceCase: Decodable, Sendable {
    /// The case id, e.g. `default:authentication.login_by_email`.
    public var id: String
    /// `default`, `origin_ip`, `signing` or `region`.
    public var config: String
    /// The Python API object, e.g. `authentication`.
    public var group: String
    /// The Python method name.
    public var operation: String
    /// `required`, `full`, `missing`, `empty_model`, … (absent in hand-written cases).
    public var variant: String?
    /// The arguments by Python parameter name.
    public var args: [String: JSONValue]
    /// The expected request (or expected refusal).
    public var expect: Expectation

    /// What the SDK must do.
    public struct Expectation: Decodable, Sendable {
        /// Whether a request is sent.
        public var sent: Bool
        /// For refusals: the error kind (`invalidArgument`).
        public var error: String?
        /// For refusals: the Python parameter name.
        public var parameter: String?
        /// The HTTP method.
        public var method: String?
        /// `api` or `config`.
        public var host: String?
        /// Decoded path segments.
        public var path: [String]?
        /// Decoded query items.
        public var query: [String: String]?
        /// Headers that must be sent with these values.
        public var headers: [String: String]?
        /// The JSON body, or `null` for none.
        public var body: JSONValue?
        /// Whether the request must be signed.
        public var signed: Bool?
    }

    /// The dispatch key, `group.operation`.
    public var key: String { group + "." + operation }

    /// Reads every case of a JSON Lines file.
    public static func load(from url: URL) throws -> [ConformanceCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(whereSeparator: \.isNewline).enumerated().map { index, line in
            do {
                return try decoder.decode(ConformanceCase.self, from: Data(line.utf8))
            } catch {
                throw ConformanceFileError(line: index + 1, message: "\(error)")
            }
        }
    }
}

/// A line of a conformance file that could not be read.
public struct ConformanceFileError: Error, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// What was wrong.
    public var message: String
    /// A readable description.
    public var description: String { "line \(line): \(message)" }
}
