/// A coding key for any string: used by models to encode the fields they do not declare.
package struct DynamicCodingKey: CodingKey, Sendable, Hashable {
    /// The key's string.
    package var stringValue: String
    /// Always `nil`: LoginRadius objects are keyed by strings.
    package var intValue: Int? { nil }

    /// Creates a key.
    package init(_ string: String) { self.stringValue = string }
    /// Creates a key.
    package init?(stringValue: String) { self.stringValue = stringValue }
    /// Integer keys are not used.
    package init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer where Key == DynamicCodingKey {
    /// Encodes unknown fields back; a declared field of the same name wins.
    package mutating func encodeAdditionalFields(_ fields: [String: JSONValue], excluding known: Set<String>) throws {
        for (key, value) in fields where !known.contains(key) {
            try encode(value, forKey: DynamicCodingKey(key))
        }
    }
}
