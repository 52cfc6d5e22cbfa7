// Encoding `JSON` and `JSONObject` with Swift's Codable, for the `--data` state file. (Decoding
// `JSON` lives in JSON+Parsing.swift; object key order is not kept through a file round trip.)
import Foundation

extension JSON: Encodable {
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let object):
            try object.encode(to: encoder)
        }
    }
}

extension JSONObject: Codable {
    init(from decoder: any Decoder) throws {
        guard case .object(let object) = try JSON(from: decoder) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a JSON object"))
        }
        self = object
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for entry in entries {
            try container.encode(entry.value, forKey: AnyCodingKey(stringValue: entry.key))
        }
    }
}

extension JSON {
    /// A JSON array of strings.
    static func strings(_ values: [String]) -> JSON {
        .array(values.map(JSON.string))
    }

    /// The strings of a JSON array (other items are skipped); nil when this is not an array.
    var stringArray: [String]? {
        arrayValue.map { $0.compactMap(\.lenientString) }
    }
}
