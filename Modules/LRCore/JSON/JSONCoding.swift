public import Foundation

/// The JSON encoder and decoder settings the SDK uses everywhere.
public enum JSONCoding {
    // One shared, configured-once encoder and decoder (both are Sendable): creating them per
    // call showed up in the benchmark profile.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
    private static let decoder = JSONDecoder()

    /// Encodes `value` as compact JSON without escaping `/`.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        try encoder.encode(value)
    }

    /// Encodes a request body (or one member of it, named `member`) as ``encode(_:)`` does, but
    /// fails the way the API documents: a value JSON cannot hold (`Double.nan`, `.infinity`) is
    /// ``LoginRadiusError/invalidArgument(_:)`` naming the member (e.g. `customFields.score`),
    /// never Swift's `EncodingError`.
    package static func encodeBody<Value: Encodable>(_ value: Value, member: String? = nil) throws -> Data {
        do {
            return try encoder.encode(value)
        } catch let error as EncodingError {
            guard case .invalidValue(let invalid, let context) = error else {
                throw LoginRadiusError.invalidArgument(.init(parameter: member ?? "body", reason: "\(error)"))
            }
            let path = ([member].compactMap { $0 } + context.codingPath.map(Self.pathComponent)).joined(separator: ".")
            let reason =
                if let number = invalid as? Double, !number.isFinite {
                    "is \(number), which JSON cannot represent; send a finite number"
                } else if let number = invalid as? Float, !number.isFinite {
                    "is \(number), which JSON cannot represent; send a finite number"
                } else {
                    "cannot be encoded as JSON: \(context.debugDescription)"
                }
            throw LoginRadiusError.invalidArgument(.init(parameter: path.isEmpty ? "body" : path, reason: reason))
        }
    }

    private static func pathComponent(_ key: any CodingKey) -> String {
        key.intValue.map { "[\($0)]" } ?? key.stringValue
    }

    /// Decodes `type` from `data`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try decoder.decode(type, from: data)
    }

    /// The first 256 characters of `data`, for error messages; invalid UTF-8 is replaced.
    public static func snippet(_ data: Data, limit: Int = 256) -> String {
        let text = String(decoding: data.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
