public import Foundation

/// The JSON encoder and decoder settings the SDK uses everywhere.
public enum JSONCoding {
    /// Encodes `value` as compact JSON without escaping `/`.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Decodes `type` from `data`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }

    /// The first 256 characters of `data`, for error messages; invalid UTF-8 is replaced.
    public static func snippet(_ data: Data, limit: Int = 256) -> String {
        let text = String(decoding: data.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
