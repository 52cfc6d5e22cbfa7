/// Reads a model straight from a reply's UTF-8 bytes: the objects and arrays of declared members
/// are walked here, each key looked up in the model's table from its bytes, each scalar read
/// into its member; no tree, no dictionary per object, no ``JSONValue`` per member.
///
/// Every other value (an unknown member, a `[String: JSONValue]`, a value of an unexpected type,
/// read again from its start) is parsed by ``JSONParser`` into a ``JSONValue``, iteratively. So
/// this reader recurses only once per *declared* level (a model in a model), and everything it
/// accepts or rejects, with which ``JSONSyntaxError``, is what `JSONValue(parsing:)` accepts or
/// rejects: the checks and messages below are the parser's, and both count the same depth.
package struct JSONByteReader: JSONReader {
    /// The bytes and the position; also parses the values read whole.
    private var parser: JSONParser
    /// The objects and arrays this reader has opened and not yet closed.
    private var depth = 0

    /// A position: the byte offset and the nesting there.
    package struct Mark {
        let index: Int
        let depth: Int
    }

    /// An open object or array.
    package struct Container {
        /// The offset of its `{` or `[`, for error messages.
        let offset: Int
        /// Whether nothing has been read from it yet.
        var isFirst = true
    }

    /// A reader at the start of `bytes`, which must stay valid while it is used.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        parser = JSONParser(bytes: bytes)
    }

    /// Before the document's value: a non-empty input, an optional byte order mark, whitespace.
    mutating func startDocument() throws(JSONReadError) {
        do { try parser.skipDocumentStart() } catch { throw .syntax(error) }
    }

    /// After the document's value: only whitespace.
    mutating func endDocument() throws(JSONReadError) {
        do { try parser.requireDocumentEnd() } catch { throw .syntax(error) }
    }

    package var mark: Mark { Mark(index: parser.index, depth: depth) }

    package mutating func rewind(to mark: Mark) {
        parser.index = mark.index
        depth = mark.depth
    }

    package mutating func readValue() throws(JSONReadError) -> JSONValue {
        parser.baseDepth = depth
        do { return try parser.parseValue() } catch { throw .syntax(error) }
    }

    package mutating func read<T: JSONReadable>(_ type: T.Type) throws(JSONReadError) -> T {
        try T.read(from: &self)
    }

    package mutating func readNull() throws(JSONReadError) -> Bool {
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "n") else { return false }
        do { _ = try parser.parseLiteral("null", .null) } catch { throw .syntax(error) }
        return true
    }

    package mutating func openObject<T>(for type: T.Type) throws(JSONReadError) -> Container {
        try open(UInt8(ascii: "{"), for: type)
    }

    package mutating func openArray<T>(for type: T.Type) throws(JSONReadError) -> Container {
        try open(UInt8(ascii: "["), for: type)
    }

    /// Opens the container `bracket` starts, as the parser opens one (same depth limit).
    private mutating func open<T>(_ bracket: UInt8, for type: T.Type) throws(JSONReadError) -> Container {
        let offset = parser.index
        guard offset < parser.bytes.count else { throw .syntax(parser.endOfInput(expected: "a value")) }
        let byte = parser.bytes[offset]
        guard byte == bracket else { throw .mismatch(JSONValueMismatch(type, found: Self.kind(of: byte))) }
        guard depth < JSONParser.maximumDepth else { throw .syntax(parser.tooDeep(at: offset)) }
        depth += 1
        parser.index = offset + 1
        parser.skipWhitespace()
        return Container(offset: offset)
    }

    package mutating func nextKey(_ object: inout Container, in table: JSONMemberTable) throws(JSONReadError)
        -> JSONMemberKey?
    {
        do throws(JSONSyntaxError) {
            guard try next(in: &object, close: UInt8(ascii: "}"), kind: "object") else { return nil }
            let bytes = parser.bytes
            guard parser.index < bytes.count else { throw parser.unterminated("object", openedAt: object.offset) }
            guard bytes[parser.index] == UInt8(ascii: "\"") else {
                throw .found(bytes[parser.index], at: parser.index, expected: "a string key")
            }
            let scanned = try parser.scanString()
            let key: JSONMemberKey
            if !scanned.hasEscapes,
                let index = table.index(of: UnsafeBufferPointer(rebasing: bytes[scanned.start..<scanned.end]))
            {
                key = .declared(index)
            } else {
                // An unknown key, or one written with escapes (`"Ui\u0064"` is `Uid`).
                let name = try parser.makeString(scanned)
                key = (scanned.hasEscapes ? table.index(of: name) : nil).map { .declared($0) } ?? .unknown(name)
            }
            parser.skipWhitespace()
            guard parser.index < bytes.count else { throw parser.unterminated("object", openedAt: object.offset) }
            guard bytes[parser.index] == UInt8(ascii: ":") else {
                throw .found(bytes[parser.index], at: parser.index, expected: "':'")
            }
            parser.index += 1
            parser.skipWhitespace()
            return key
        } catch {
            throw .syntax(error)
        }
    }

    package mutating func nextElement(_ array: inout Container) throws(JSONReadError) -> Bool {
        do { return try next(in: &array, close: UInt8(ascii: "]"), kind: "array") } catch { throw .syntax(error) }
    }

    /// Moves to the next member or element of `container`, past the `,` after the previous one;
    /// `false` (and the container closed) at its closing bracket.
    private mutating func next(in container: inout Container, close: UInt8, kind: String) throws(JSONSyntaxError)
        -> Bool
    {
        let bytes = parser.bytes
        if container.isFirst {
            container.isFirst = false
            guard parser.index < bytes.count && bytes[parser.index] == close else { return true }
            parser.index += 1
            depth -= 1
            return false
        }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.unterminated(kind, openedAt: container.offset) }
        let byte = bytes[parser.index]
        parser.index += 1
        if byte == UInt8(ascii: ",") {
            try parser.rejectTrailingComma(before: close, in: kind)
            return true
        }
        guard byte == close else {
            throw .found(
                byte, at: parser.index - 1,
                expected: close == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
        }
        depth -= 1
        return false
    }

    /// The kind of value that starts with `byte`, for a mismatch (the value is not read).
    private static func kind(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }
}
