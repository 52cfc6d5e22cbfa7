import ArgumentParser
import Foundation
import LoginRadius

/// Reads a command's JSON body from `--body FILE` or `--body -` (standard input).
enum BodyInput {
    /// The data of `--body`: the file's bytes, or standard input's for `-`.
    ///
    /// - Throws: ``CommandFailure`` when the file cannot be read.
    static func data(_ path: String) throws -> Data {
        if path == "-" { return CLIContext.current.readStandardInput() }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("Cannot read --body \(path): \(error.localizedDescription)")
        }
    }

    /// `--body` decoded as `Model`, or `nil` without `--body`.
    ///
    /// - Throws: ``CommandFailure`` when the body cannot be read or is not a `Model` in JSON.
    static func optional<Model: Decodable>(_ type: Model.Type, from path: String?) throws -> Model? {
        guard let path else { return nil }
        let data = try data(path)
        do {
            return try JSONDecoder().decode(Model.self, from: data)
        } catch {
            throw CommandFailure("--body is not \(String(describing: Model.self)) JSON: \(Self.reason(error))")
        }
    }

    /// `--body` decoded as `Model`.
    ///
    /// - Throws: ``CommandFailure`` without `--body`, or as ``optional(_:from:)``.
    static func required<Model: Decodable>(_ type: Model.Type, from path: String?) throws -> Model {
        guard let model = try optional(type, from: path) else {
            throw CommandFailure("Missing --body FILE (or --body - to read standard input).")
        }
        return model
    }

    /// A short reason for a decoding error.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
        default:
            return "\(error)"
        }
    }
}

/// A body model built from `--body` (when given) and the command's body member options.
struct BodyBuilder<Model: Decodable> {
    private var model: Model
    private var isGiven: Bool

    /// Starts from `--body` when given, else from `empty`.
    ///
    /// - Throws: As ``BodyInput/optional(_:from:)``.
    init(_ path: String?, empty: @autoclosure () -> Model) throws {
        if let loaded = try BodyInput.optional(Model.self, from: path) {
            model = loaded
            isGiven = true
        } else {
            model = empty()
            isGiven = false
        }
    }

    /// Sets a member when its option was given.
    mutating func set<Value>(_ member: WritableKeyPath<Model, Value?>, _ value: Value?) {
        guard let value else { return }
        model[keyPath: member] = value
        isGiven = true
    }

    /// Sets a list member when its repeatable option was given at least once.
    mutating func set(_ member: WritableKeyPath<Model, [String]?>, values: [String]) {
        guard !values.isEmpty else { return }
        model[keyPath: member] = values
        isGiven = true
    }

    /// The body; the command needs one.
    ///
    /// - Throws: ``CommandFailure`` when neither `--body` nor a body member option was given.
    func required() throws -> Model {
        guard isGiven else {
            throw CommandFailure(
                "Missing the body: give --body FILE (or --body - for standard input) or its member options."
            )
        }
        return model
    }

    /// The body, or `nil` when neither `--body` nor a body member option was given.
    func optional() -> Model? {
        isGiven ? model : nil
    }
}

/// Decodes an option whose value is JSON.
enum JSONArgument {
    /// `text` decoded as `Value`.
    ///
    /// - Throws: ``CommandFailure`` when it is not a `Value` in JSON.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String, option: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw CommandFailure(
                "--\(option) is not \(String(describing: Value.self)) JSON: \(BodyInput.reason(error))")
        }
    }

    /// `text` decoded as `Value`, or `nil` without the option.
    ///
    /// - Throws: ``CommandFailure`` when it is not a `Value` in JSON.
    static func decodeIfPresent<Value: Decodable>(_ type: Value.Type, from text: String?, option: String) throws
        -> Value?
    {
        guard let text else { return nil }
        return try decode(type, from: text, option: option)
    }
}
