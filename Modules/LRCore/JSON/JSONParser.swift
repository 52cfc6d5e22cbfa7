/// The strict RFC 8259 parser behind `JSONValue(parsing:)`: one pass over UTF-8 bytes with an
/// index, building ``JSONValue`` directly, with no Foundation and no token list. Strings are in
/// JSONParser+Strings.swift, numbers in JSONParser+Numbers.swift.
///
/// Arrays and objects are parsed with an explicit stack of open containers, not by recursion:
/// stack use stays constant at any nesting (a debug build's recursive frames would need about
/// 2 MB for 512 levels, four times a macOS worker thread's stack).
///
/// The caller keeps `bytes` alive for the parser's lifetime (it only lives inside
/// `withUnsafeBytes`); every read is preceded by an explicit `index < bytes.count` check, so a
/// malformed text can end anywhere without reading past the buffer.
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted, the same as Foundation's `JSONDecoder`;
    /// hostile input (`[[[[…`) fails at the 513th bracket.
    static let maximumDepth = 512

    /// An array or object whose closing bracket has not been reached yet.
    private struct OpenContainer {
        var isObject: Bool
        /// For an object, where its members start in `pendingMembers`.
        var firstMember: Int
        /// The offset of its `[` or `{`, for error messages.
        var offset: Int

        var kind: String { isObject ? "object" : "array" }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index = 0
    /// How many arrays and objects around the value being parsed are already open: the model
    /// reader (``JSONByteReader``) opens the containers of the models it fills itself and parses
    /// only the other values here, under the same depth limit.
    var baseDepth = 0
    private var containers: [OpenContainer] = []
    /// The elements of the open arrays, innermost last; each is appended to in place and moved
    /// out whole at its `]`.
    private var openArrays: [[JSONValue]] = []
    /// The members of the open objects, innermost last; the last one's value is `.null` while it
    /// is being parsed. They become a dictionary sized for them at the `}`: inserting into a
    /// growing dictionary instead rehashes every key at each resize, which was a third of the
    /// time for a typical reply.
    private var pendingMembers: [(String, JSONValue)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses the whole input: optional whitespace, exactly one value, optional whitespace.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        try skipDocumentStart()
        let value = try parseValue()
        try requireDocumentEnd()
        return value
    }

    /// Rejects an empty input, then skips a leading byte order mark and whitespace.
    mutating func skipDocumentStart() throws(JSONSyntaxError) {
        guard !bytes.isEmpty else { throw JSONSyntaxError(offset: 0, reason: "empty input") }
        // RFC 8259 §8.1 lets a parser ignore a leading UTF-8 byte order mark, and JSONDecoder does;
        // a server that prepends one (some .NET stacks do) must not make every reply fail.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
    }

    /// After the document's value: only whitespace may follow.
    mutating func requireDocumentEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index == bytes.count else { throw .found(bytes[index], at: index, expected: "end of input") }
    }

    /// Parses the one value that starts at `index` (whitespace before it already skipped) and
    /// leaves `index` just after it. Its arrays and objects count on top of ``baseDepth``.
    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        // A value read after a failed one (the model reader rewinds) starts with empty stacks;
        // their capacity is kept for the next value.
        if !containers.isEmpty {
            containers.removeAll(keepingCapacity: true)
            openArrays.removeAll(keepingCapacity: true)
            pendingMembers.removeAll(keepingCapacity: true)
        }
        document: while true {
            // A value starts at `index`: a scalar, or a container whose first value follows.
            var value: JSONValue
            guard index < bytes.count else { throw endOfInput(expected: "a value") }
            switch bytes[index] {
            case UInt8(ascii: "["):
                try open(isObject: false)
                guard index < bytes.count && bytes[index] == UInt8(ascii: "]") else { continue document }
                index += 1
                containers.removeLast()
                openArrays.removeLast()
                value = .array([])
            case UInt8(ascii: "{"):
                try open(isObject: true)
                guard index < bytes.count && bytes[index] == UInt8(ascii: "}") else {
                    try parseKey()
                    continue document
                }
                index += 1
                containers.removeLast()
                value = .object([:])
            default:
                value = try parseScalar()
            }
            // `value` is complete: add it to the innermost container and, while that container
            // closes too, to the one around it.
            while let container = containers.last {
                // Nested members and arrays are gone by now, so the slot is the last one.
                if container.isObject {
                    pendingMembers[pendingMembers.count - 1].1 = value
                } else {
                    openArrays[openArrays.count - 1].append(value)
                }
                skipWhitespace()
                guard index < bytes.count else { throw unterminated(container.kind, openedAt: container.offset) }
                let byte = bytes[index]
                let close = container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                index += 1
                if byte == UInt8(ascii: ",") {
                    try rejectTrailingComma(before: close, in: container.kind)
                    if container.isObject { try parseKey() }
                    continue document
                }
                guard byte == close else {
                    throw .found(byte, at: index - 1, expected: container.isObject ? "',' or '}'" : "',' or ']'")
                }
                value = closeInnermost()
            }
            return value
        }
    }

    /// Opens the array or object whose bracket is at `index` and skips the whitespace after it.
    private mutating func open(isObject: Bool) throws(JSONSyntaxError) {
        guard baseDepth + containers.count < Self.maximumDepth else { throw tooDeep(at: index) }
        if containers.isEmpty {
            // Room for a typical reply's nesting and largest object, instead of growing to it.
            containers.reserveCapacity(8)
            pendingMembers.reserveCapacity(64)
        }
        containers.append(OpenContainer(isObject: isObject, firstMember: pendingMembers.count, offset: index))
        if !isObject { openArrays.append([]) }
        index += 1
        skipWhitespace()
    }

    /// Closes the innermost container, whose closing bracket has just been read, and returns it.
    private mutating func closeInnermost() -> JSONValue {
        let container = containers.removeLast()
        guard container.isObject else { return .array(openArrays.removeLast()) }
        let first = container.firstMember
        // A repeated key keeps its first value, as JSONDecoder does when it decodes a
        // dictionary, so that both decoding paths agree on such input.
        let members = Dictionary(pendingMembers[first...], uniquingKeysWith: { kept, _ in kept })
        pendingMembers.removeSubrange(first...)
        return .object(members)
    }

    /// Parses an object member's key and the `:` after it, at `index`, and skips the whitespace
    /// before the value.
    private mutating func parseKey() throws(JSONSyntaxError) {
        let offset = containers.last?.offset ?? 0
        guard index < bytes.count else { throw unterminated("object", openedAt: offset) }
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw .found(bytes[index], at: index, expected: "a string key")
        }
        pendingMembers.append((try parseString(), .null))
        skipWhitespace()
        guard index < bytes.count else { throw unterminated("object", openedAt: offset) }
        guard bytes[index] == UInt8(ascii: ":") else { throw .found(bytes[index], at: index, expected: "':'") }
        index += 1
        skipWhitespace()
    }

    /// Parses the string, number or literal at `index`.
    private mutating func parseScalar() throws(JSONSyntaxError) -> JSONValue {
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case let byte: throw .found(byte, at: index, expected: "a value")
        }
    }

    /// Parses `literal` (`true`, `false` or `null`) at `index`, which must match it exactly.
    mutating func parseLiteral(_ literal: StaticString, _ value: JSONValue) throws(JSONSyntaxError)
        -> JSONValue
    {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for offset in 0..<expected.count {
            guard index + offset < bytes.count else { throw endOfInput(expected: "'\(literal)'") }
            guard bytes[index + offset] == expected[offset] else {
                throw .found(bytes[index + offset], at: index + offset, expected: "'\(literal)'")
            }
        }
        index += expected.count
        return value
    }

    /// Skips the four whitespace bytes RFC 8259 allows: space, tab, line feed, carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Called after a `,` (at `index - 1`): a closing `close` next would be a trailing comma.
    mutating func rejectTrailingComma(before close: UInt8, in container: String) throws(JSONSyntaxError) {
        let comma = index - 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == close {
            throw JSONSyntaxError(offset: comma, reason: "trailing comma in \(container)")
        }
    }

    /// The error for the bracket at `offset` that opens the 513th level.
    func tooDeep(at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, reason: "nesting deeper than \(Self.maximumDepth) levels")
    }

    /// The error for input that ends where `expected` should come.
    func endOfInput(expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: bytes.count, reason: "expected \(expected) but found end of input")
    }

    /// The error for input that ends inside the `kind` opened at `open`.
    func unterminated(_ kind: String, openedAt open: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: bytes.count, reason: "unterminated \(kind) (opened at byte \(open))")
    }
}
