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

/// A body model built from `--body` (when given) and the command's body member options: the
/// members are collected as JSON and decoded once, so a model's required members are checked the
/// way the SDK checks them.
struct BodyBuilder<Model: Decodable> {
    private var members: [String: JSONValue] = [:]
    private var isGiven = false

    /// Starts from `--body` when given, else from no members.
    ///
    /// - Throws: ``CommandFailure`` when `--body` cannot be read or is not a JSON object.
    init(_ type: Model.Type, from path: String?) throws {
        guard let path else { return }
        let data = try BodyInput.data(path)
        guard let object = try? JSONValue(parsing: data).objectValue else {
            throw CommandFailure("--body is not \(String(describing: Model.self)) JSON: not a JSON object")
        }
        members = object
        isGiven = true
    }

    /// Sets the member `name` when its option was given.
    mutating func set(_ name: String, _ value: String?) { set(name, value.map(JSONValue.string)) }

    /// Sets the member `name` when its option was given.
    mutating func set(_ name: String, _ value: Bool?) { set(name, value.map(JSONValue.bool)) }

    /// Sets the member `name` when its option was given.
    mutating func set(_ name: String, _ value: Int?) { set(name, value.map { JSONValue.int(Int64($0)) }) }

    /// Sets a list member when its repeatable option was given at least once.
    mutating func set(_ name: String, values: [String]) {
        set(name, values.isEmpty ? nil : JSONValue.array(values.map(JSONValue.string)))
    }

    private mutating func set(_ name: String, _ value: JSONValue?) {
        guard let value else { return }
        members[name] = value
        isGiven = true
    }

    /// The body; the command needs one.
    ///
    /// - Throws: ``CommandFailure`` when neither `--body` nor a body member option was given, or
    ///   when the members do not make a `Model` (a required member is missing, for example).
    func required() throws -> Model {
        guard let model = try optional() else {
            throw CommandFailure(
                "Missing the body: give --body FILE (or --body - for standard input) or its member options."
            )
        }
        return model
    }

    /// The body, or `nil` when neither `--body` nor a body member option was given.
    ///
    /// - Throws: ``CommandFailure`` when the members do not make a `Model`.
    func optional() throws -> Model? {
        guard isGiven else { return nil }
        do {
            return try JSONDecoder().decode(Model.self, from: JSONEncoder().encode(JSONValue.object(members)))
        } catch {
            throw CommandFailure("The body is not \(String(describing: Model.self)): \(BodyInput.reason(error))")
        }
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
