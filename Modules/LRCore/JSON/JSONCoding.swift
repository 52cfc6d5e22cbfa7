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
