// The fast decoding path for the two generic reply shapes: available when the payload type has
// one too (``Identity`` and every generated model do). Both paths run the same `init(members:)`;
// a custom `Codable` profile is decoded with `JSONDecoder` there.

extension AccessToken: JSONValueDecodable where Profile: JSONValueDecodable {
    /// Builds the value from a parsed JSON object, with the same code as ``init(from:)``.
    ///
    /// - Throws: ``JSONValueMismatch`` when `jsonValue` is not an object.
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .object(let members) = jsonValue else { throw JSONValueMismatch(Self.self, jsonValue) }
        self.init(members: members)
    }
}

extension PostResponseWithData: JSONValueDecodable where Data: JSONValueDecodable {
    /// Builds the value from a parsed JSON object, with the same code as ``init(from:)``.
    ///
    /// - Throws: ``JSONValueMismatch`` when `jsonValue` is not an object.
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .object(let members) = jsonValue else { throw JSONValueMismatch(Self.self, jsonValue) }
        self.init(members: members)
    }
}
