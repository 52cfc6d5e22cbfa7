/// A source a model fills itself from, one member at a time: the reply's bytes
/// (``JSONByteReader``, no tree built) or a parsed ``JSONValue`` (``JSONTreeReader``, behind
/// `init(jsonValue:)` and `init(from:)`). Every model has one decoding routine,
/// `init(reading:)`, generic over this protocol, so both sources run the same code and the same
/// rules.
///
/// The reader is always at one value: the document, a member's value after its key, an array
/// element. Reading it moves past it. Only generated code and the SDK's own models use this.
package protocol JSONReader {
    /// Where the reader is, to come back to (``rewind(to:)``) when a value turns out not to fit.
    associatedtype Mark
    /// The state of an object being read member by member.
    associatedtype ObjectIterator
    /// The state of an array being read element by element.
    associatedtype ArrayIterator

    /// The current position.
    var mark: Mark { get }
    /// Goes back to `mark`, the start of a value that was not (completely) read.
    mutating func rewind(to mark: Mark)
    /// Reads the current value, whatever it is, as a tree.
    mutating func readValue() throws(JSONReadError) -> JSONValue
    /// Reads the current value when it is `null`; returns whether it was.
    mutating func readNull() throws(JSONReadError) -> Bool
    /// Starts reading the current value as the object for `type`; ``JSONReadError/mismatch(_:)``
    /// (with nothing read) when it is not an object.
    mutating func openObject<T>(for type: T.Type) throws(JSONReadError) -> ObjectIterator
    /// Reads the next member's key and moves to its value; `nil` after the last member. A key
    /// `table` holds comes back as its index, any other as itself.
    mutating func nextKey(_ iterator: inout ObjectIterator, in table: JSONMemberTable) throws(JSONReadError)
        -> JSONMemberKey?
    /// Starts reading the current value as an array for `type`; ``JSONReadError/mismatch(_:)``
    /// (with nothing read) when it is not an array.
    mutating func openArray<T>(for type: T.Type) throws(JSONReadError) -> ArrayIterator
    /// Moves to the next element; `false` after the last one.
    mutating func nextElement(_ iterator: inout ArrayIterator) throws(JSONReadError) -> Bool
    /// Reads the current value as `type` through `type`'s entry point for this reader: the model's
    /// routine then runs compiled for this reader, even when `type` is only known at run time.
    mutating func read<T: JSONReadable>(_ type: T.Type) throws(JSONReadError) -> T
}

/// An object member's key as a reader reports it.
package enum JSONMemberKey {
    /// A declared member: its index in the model's ``JSONMemberTable``.
    case declared(Int)
    /// A member the model does not declare.
    case unknown(String)
}

/// Why a value could not be read.
package enum JSONReadError: Error {
    /// The bytes are not JSON (only from ``JSONByteReader``).
    case syntax(JSONSyntaxError)
    /// The value is valid JSON of the wrong shape for the type being read.
    case mismatch(JSONValueMismatch)
}

/// A type that reads itself from a ``JSONReader``: every generated model, ``AccessToken``,
/// ``PostResponseWithData``, arrays of such types, and (through their `init(jsonValue:)`) the
/// leaf types.
package protocol JSONReadable: JSONValueDecodable {
    /// Reads the value at the reader's position.
    init<Reader: JSONReader>(reading reader: inout Reader) throws(JSONReadError)
    /// `init(reading:)` over the bytes, as a non-generic entry point (``JSONReader/read(_:)``).
    static func read(from reader: inout JSONByteReader) throws(JSONReadError) -> Self
    /// `init(reading:)` over a tree, as a non-generic entry point (``JSONReader/read(_:)``).
    static func read(from reader: inout JSONTreeReader) throws(JSONReadError) -> Self
}

extension JSONReadable {
    /// A value with no members to fill (a string, a number, a `[String: JSONValue]`, …): read as a
    /// tree, then built by `init(jsonValue:)`, the same rules either way.
    package init<Reader: JSONReader>(reading reader: inout Reader) throws(JSONReadError) {
        let value = try reader.readValue()
        do {
            try self.init(jsonValue: value)
        } catch {
            throw .mismatch(error)
        }
    }

    package static func read(from reader: inout JSONByteReader) throws(JSONReadError) -> Self {
        try Self(reading: &reader)
    }

    package static func read(from reader: inout JSONTreeReader) throws(JSONReadError) -> Self {
        try Self(reading: &reader)
    }

    /// Reads one JSON text straight from its UTF-8 bytes: the strictness of
    /// `JSONValue(parsing:)`, the result of `init(jsonValue:)` on its tree, without the tree.
    package static func read(json bytes: UnsafeRawBufferPointer) throws(JSONReadError) -> Self {
        var reader = JSONByteReader(bytes: bytes.assumingMemoryBound(to: UInt8.self))
        try reader.startDocument()
        let value = try Self.read(from: &reader)
        try reader.endDocument()
        return value
    }
}

/// The state of one model's object being read: which declared members came, and the members
/// kept for `additionalFields`.
package struct JSONObjectMembers<Iterator> {
    var iterator: Iterator
    let table: JSONMemberTable
    var seen = JSONMemberSet()
    /// The declared member whose value the reader is at.
    var current = 0
    /// Unknown members and declared ones of an unexpected type, untouched.
    package var additionalFields: [String: JSONValue] = [:]

    init(iterator: Iterator, table: JSONMemberTable) {
        self.iterator = iterator
        self.table = table
    }

    /// The error for the required member `index` of `type`, absent or unusable after the object
    /// was read; it names what was found as `init(jsonValue:)` always has.
    package func missing<T>(_ index: Int, in type: T.Type) -> JSONReadError {
        let name = table.names[index]
        let found = additionalFields[name] ?? (seen.contains(index) ? JSONValue.null : nil)
        return .mismatch(JSONValueMismatch(missing: name, in: type, found: found))
    }
}

extension JSONReader {
    /// Starts reading the current value as the object of the model `type`, whose declared
    /// members are `table`.
    package mutating func beginObject<T>(_ type: T.Type, members table: JSONMemberTable) throws(JSONReadError)
        -> JSONObjectMembers<ObjectIterator>
    {
        JSONObjectMembers(iterator: try openObject(for: type), table: table)
    }

    /// Moves to the next declared member and returns its index; `nil` after the last member.
    ///
    /// Unknown members are kept in `additionalFields` on the way. A repeated key keeps its first
    /// value, as the parser does in a tree (the later ones are still checked as JSON).
    package mutating func nextMember(_ object: inout JSONObjectMembers<ObjectIterator>) throws(JSONReadError)
        -> Int?
    {
        while let key = try nextKey(&object.iterator, in: object.table) {
            switch key {
            case .declared(let index):
                if object.seen.insert(index) {
                    object.current = index
                    return index
                }
                _ = try readValue()
            case .unknown(let name):
                let value = try readValue()
                if object.additionalFields[name] == nil { object.additionalFields[name] = value }
            }
        }
        return nil
    }

    /// The current declared member's value as `type`, with the lenient rule every model uses:
    /// `null` is absent; a value of another shape is kept, untouched, in `additionalFields` and
    /// the member is absent.
    package mutating func member<T: JSONReadable>(
        _ type: T.Type, _ object: inout JSONObjectMembers<ObjectIterator>
    ) throws(JSONReadError) -> T? {
        if try readNull() { return nil }
        let start = mark
        do {
            return try read(T.self)
        } catch {
            guard case .mismatch = error else { throw error }
            // Read again, whole, from its start: the value is kept as it was sent.
            rewind(to: start)
            object.additionalFields[object.table.names[object.current]] = try readValue()
            return nil
        }
    }

    /// The current declared member's value as any `Decodable` type, with the same lenient rule
    /// as ``member(_:_:)``: read directly when the type is ``JSONReadable``, else as a tree
    /// handed to `init(jsonValue:)` or, for a plain `Codable` type (a custom profile),
    /// `JSONDecoder`.
    package mutating func memberDecodable<T: Decodable>(
        _ type: T.Type, _ object: inout JSONObjectMembers<ObjectIterator>
    ) throws(JSONReadError) -> T? {
        if let readable = T.self as? any JSONReadable.Type {
            return try readableMember(readable, as: type, &object)
        }
        if try readNull() { return nil }
        let value = try readValue()
        return value.lenientDecodable(
            type, key: object.table.names[object.current], additionalFields: &object.additionalFields)
    }

    private mutating func readableMember<R: JSONReadable, T>(
        _ readable: R.Type, as type: T.Type, _ object: inout JSONObjectMembers<ObjectIterator>
    ) throws(JSONReadError) -> T? {
        try member(readable, &object) as? T
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    /// Reads the elements one by one; any element that is not an `Element` makes the whole array
    /// a mismatch, as `init(jsonValue:)` does.
    package init<Reader: JSONReader>(reading reader: inout Reader) throws(JSONReadError) {
        var elements = try reader.openArray(for: Self.self)
        var result: [Element] = []
        while try reader.nextElement(&elements) {
            result.append(try reader.read(Element.self))
        }
        self = result
    }
}

// Leaf types: read as a value, built by their `init(jsonValue:)`.
extension JSONValue: JSONReadable {}
extension String: JSONReadable {}
extension Bool: JSONReadable {}
extension Int: JSONReadable {}
extension Int64: JSONReadable {}
extension Double: JSONReadable {}
extension LoginRadiusDate: JSONReadable {}
extension Dictionary: JSONReadable where Key == String, Value: JSONValueDecodable {}
