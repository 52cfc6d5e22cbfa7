/// A coding key for any string: used by models to keep fields they do not declare.
public struct DynamicCodingKey: CodingKey, Sendable, Hashable {
    /// The key's string.
    public var stringValue: String
    /// Always `nil`: LoginRadius objects are keyed by strings.
    public var intValue: Int? { nil }

    /// Creates a key.
    public init(_ string: String) { self.stringValue = string }
    /// Creates a key.
    public init?(stringValue: String) { self.stringValue = stringValue }
    /// Integer keys are not used.
    public init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == DynamicCodingKey {
    /// Every member whose key is not in `known`, as raw JSON: how models keep unknown fields.
    public func additionalFields(excluding known: Set<String>) throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            result[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return result
    }
}

extension KeyedEncodingContainer where Key == DynamicCodingKey {
    /// Encodes unknown fields back; a declared field of the same name wins.
    public mutating func encodeAdditionalFields(_ fields: [String: JSONValue], excluding known: Set<String>) throws {
        for (key, value) in fields where !known.contains(key) {
            try encode(value, forKey: DynamicCodingKey(key))
        }
    }
}
