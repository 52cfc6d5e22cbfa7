extension KeyedDecodingContainer where Key == DynamicCodingKey {
    /// Decodes a declared field without failing the whole model when LoginRadius sends an
    /// unexpected shape for it: a wrong-typed value is kept, untouched, in `additionalFields`
    /// and the typed property stays `nil`. Nothing the server sent is lost.
    public func decodeLenient<T: Decodable>(
        _ type: T.Type,
        forKey key: String,
        additionalFields: inout [String: JSONValue]
    ) -> T? {
        let codingKey = DynamicCodingKey(key)
        guard contains(codingKey) else { return nil }
        if let value = try? decodeIfPresent(T.self, forKey: codingKey) {
            return value
        }
        if let raw = try? decode(JSONValue.self, forKey: codingKey), raw != .null {
            additionalFields[key] = raw
        }
        return nil
    }
}
