// The leaf types models are made of, with the same acceptance rules as Foundation's `JSONDecoder`:
// a number is an `Int` only when it is exactly one, a `Double` accepts any number, and nothing is
// converted between strings, numbers and booleans.

extension JSONValue: JSONValueDecodable {
    /// The value itself.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) { self = jsonValue }
}

extension String: JSONValueDecodable {
    /// A JSON string.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .string(let value) = jsonValue else { throw JSONValueMismatch(String.self, jsonValue) }
        self = value
    }
}

extension Bool: JSONValueDecodable {
    /// `true` or `false`.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .bool(let value) = jsonValue else { throw JSONValueMismatch(Bool.self, jsonValue) }
        self = value
    }
}

extension Int: JSONValueDecodable {
    /// A number that is exactly an `Int` (`3` or `3.0`, not `3.5`): the `Int64` rules, then the range.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard let wide = try? Int64(jsonValue: jsonValue), let exact = Int(exactly: wide) else {
            throw JSONValueMismatch(Int.self, jsonValue)
        }
        self = exact
    }
}

extension Int64: JSONValueDecodable {
    /// A number that is exactly an `Int64`.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        switch jsonValue {
        case .int(let value):
            self = value
        case .double(let value):
            // -2^63 as a double is never a number JSONDecoder reads as an integer: it is written
            // with a fraction or exponent (which JSONDecoder refuses at that magnitude) or is an
            // out-of-range integer such as -9223372036854775809 that rounded to it.
            guard value != -0x1p63, let exact = Int64(exactly: value) else {
                throw JSONValueMismatch(Int64.self, jsonValue)
            }
            self = exact
        default:
            throw JSONValueMismatch(Int64.self, jsonValue)
        }
    }
}

extension Double: JSONValueDecodable {
    /// Any number.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        switch jsonValue {
        case .int(let value): self = Double(value)
        case .double(let value): self = value
        default: throw JSONValueMismatch(Double.self, jsonValue)
        }
    }
}

extension LoginRadiusDate: JSONValueDecodable {
    /// A JSON string, kept as sent.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .string(let value) = jsonValue else {
            throw JSONValueMismatch(LoginRadiusDate.self, jsonValue)
        }
        self.init(rawValue: value)
    }
}

extension Array: JSONValueDecodable where Element: JSONValueDecodable {
    /// A JSON array whose every element is an `Element`.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .array(let elements) = jsonValue else { throw JSONValueMismatch(Self.self, jsonValue) }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(try Element(jsonValue: element))
        }
        self = result
    }
}

extension Dictionary: JSONValueDecodable where Key == String, Value: JSONValueDecodable {
    /// A JSON object whose every member is a `Value`.
    @inlinable
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .object(let members) = jsonValue else { throw JSONValueMismatch(Self.self, jsonValue) }
        if Value.self == JSONValue.self, let same = members as? [String: Value] {
            self = same
            return
        }
        var result: [String: Value] = [:]
        result.reserveCapacity(members.count)
        for (key, member) in members {
            result[key] = try Value(jsonValue: member)
        }
        self = result
    }
}
