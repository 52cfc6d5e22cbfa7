// The fast decoding paths for the two generic reply shapes: available when the payload type has
// one too (``Identity`` and every generated model do). Every path runs the same
// `init(reading:)`; a custom `Codable` profile is decoded with `JSONDecoder` there.

extension AccessToken: JSONValueDecodable where Profile: JSONValueDecodable {
    /// Builds the value from a parsed JSON object, with the same code as ``init(from:)``.
    ///
    /// - Throws: ``JSONValueMismatch`` when `jsonValue` is not an object.
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        self = try JSONTreeReader.read(Self.self, from: jsonValue)
    }
}

// A reply is read straight from its bytes, without a tree.
extension AccessToken: JSONReadable where Profile: JSONValueDecodable {}

extension PostResponseWithData: JSONValueDecodable where Data: JSONValueDecodable {
    /// Builds the value from a parsed JSON object, with the same code as ``init(from:)``.
    ///
    /// - Throws: ``JSONValueMismatch`` when `jsonValue` is not an object.
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        self = try JSONTreeReader.read(Self.self, from: jsonValue)
    }
}

extension PostResponseWithData: JSONReadable where Data: JSONValueDecodable {}
