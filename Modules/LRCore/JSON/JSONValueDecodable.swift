/// A type the SDK can build straight from a parsed ``JSONValue``, without going through `Decoder`.
///
/// The SDK's models are filled from a parsed ``JSONValue`` tree with it (and, for replies, straight
/// from the reply's bytes, with the same code). Every generated model,
/// ``AccessToken`` and ``PostResponseWithData`` conform, with the same rules as their
/// `init(from:)`: a declared member of an unexpected type is kept in `additionalFields` and the
/// property stays `nil`. Types that do not conform (your own `Codable` profile type, for example)
/// are decoded with `JSONDecoder` as before.
///
/// Conforming is optional; `init(jsonValue:)` must accept exactly what `init(from:)` accepts.
public protocol JSONValueDecodable: Decodable {
    /// Builds the value from `jsonValue`.
    ///
    /// - Throws: ``JSONValueMismatch`` when `jsonValue` does not have this type's shape (for a
    ///   model: when it is not an object).
    init(jsonValue: JSONValue) throws(JSONValueMismatch)
}

/// A JSON value that does not have the shape a type needs, e.g. a string where an object was
/// expected.
public struct JSONValueMismatch: Error, Sendable, Hashable, CustomStringConvertible {
    /// The type that was being built, e.g. `Identity`.
    public var expected: String
    /// The kind of JSON value found instead: `null`, `boolean`, `number`, `string`, `array` or
    /// `object`.
    public var found: String

    /// Describes a mismatch between `type` and `value`.
    public init<T>(_ type: T.Type, _ value: JSONValue) {
        self.expected = String(describing: type)
        self.found = value.kindName
    }

    /// A mismatch for `type` where a value of the kind `found` (`"a string"`, …) was read.
    package init<T>(_ type: T.Type, found: String) {
        self.expected = String(describing: type)
        self.found = found
    }

    /// A required member `member` of `type` that is absent (`found` is `nil`) or not usable.
    package init<T>(missing member: String, in type: T.Type, found: JSONValue?) {
        self.expected = "\(String(describing: type)) with member `\(member)`"
        self.found = found.map { "`\(member)` as \($0.kindName)" } ?? "no `\(member)`"
    }

    /// `expected Identity, found a string`.
    public var description: String { "expected \(expected), found \(found)" }
}

extension JSONValue {
    /// The JSON name of this value's kind, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// This value as a declared member of any `Decodable` type, with the lenient rule every model
    /// uses (`null` is absent; a value of another shape is kept, untouched, in
    /// `additionalFields[key]` and the member is absent): `init(jsonValue:)` for a
    /// `JSONValueDecodable` type, `JSONDecoder` for any other (a custom `Codable` profile).
    package func lenientDecodable<T: Decodable>(
        _ type: T.Type, key: String, additionalFields: inout [String: JSONValue]
    ) -> T? {
        if case .null = self { return nil }
        let value: T?
        if let fast = T.self as? any JSONValueDecodable.Type {
            value = (try? fast.init(jsonValue: self)) as? T
        } else {
            value = try? JSONCoding.decode(T.self, from: JSONCoding.encode(self))
        }
        if value == nil { additionalFields[key] = self }
        return value
    }
}
