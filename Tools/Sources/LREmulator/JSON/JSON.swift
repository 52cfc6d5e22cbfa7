// A JSON value whose objects keep their key order, so responses list fields in LoginRadius's
// documented order. Parsing goes through Foundation's JSONDecoder (see JSON+Parsing.swift);
// writing is done by hand (JSON+Writing.swift) to control order and formatting.
import Foundation

enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)

    /// The string value, if this is a string.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object value, if this is an object.
    var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array value, if this is an array.
    var arrayValue: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A lenient boolean: JSON booleans, and the strings "true"/"false" in any letter case
    /// (LoginRadius's Python SDK writes Python's `True`/`False`).
    var lenientBool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let text): return LenientBool.parse(text)
        case .int(let number): return number != 0
        default: return nil
        }
    }

    /// A string value, also accepting numbers and booleans written where a string was expected.
    var lenientString: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }
}

/// An ordered JSON object. Lookups through `subscript(caseInsensitive:)` ignore key case, as
/// LoginRadius does for request bodies (`email` and `Email` are the same field).
struct JSONObject: Sendable, Equatable {
    private(set) var entries: [(key: String, value: JSON)] = []

    init() {}

    init(_ entries: [(String, JSON)]) {
        for (key, value) in entries { self[key] = value }
    }

    var keys: [String] { entries.map(\.key) }
    var isEmpty: Bool { entries.isEmpty }

    /// Exact-key access; setting an existing key replaces its value in place.
    subscript(key: String) -> JSON? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Case-insensitive lookup of a field.
    subscript(caseInsensitive key: String) -> JSON? {
        let lowered = key.lowercased()
        return entries.first { $0.key.lowercased() == lowered }?.value
    }

    /// The first non-empty string among the given field names (matched case-insensitively).
    func string(_ names: String...) -> String? {
        for name in names {
            if let value = self[caseInsensitive: name]?.lenientString, !value.isEmpty { return value }
        }
        return nil
    }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Parses booleans the way LoginRadius accepts them from real clients.
enum LenientBool {
    static func parse(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: return nil
        }
    }
}
