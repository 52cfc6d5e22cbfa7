/// Reads a model from a parsed ``JSONValue``: what `init(jsonValue:)` and `init(from:)` run, with
/// the same `init(reading:)` as the byte path. It never throws ``JSONReadError/syntax(_:)``.
package struct JSONTreeReader: JSONReader {
    /// The value the reader is at.
    private var current: JSONValue

    package init(_ value: JSONValue) {
        current = value
    }

    /// Builds `type` from `value` with its `init(reading:)`, for `init(jsonValue:)`.
    package static func read<T: JSONReadable>(_ type: T.Type, from value: JSONValue) throws(JSONValueMismatch) -> T {
        var reader = JSONTreeReader(value)
        do {
            return try T.read(from: &reader)
        } catch {
            switch error {
            case .mismatch(let mismatch): throw mismatch
            // Unreachable: a tree has no syntax left to get wrong.
            case .syntax: throw JSONValueMismatch(type, value)
            }
        }
    }

    package var mark: JSONValue { current }

    package mutating func rewind(to mark: JSONValue) {
        current = mark
    }

    package mutating func readValue() throws(JSONReadError) -> JSONValue { current }

    package mutating func read<T: JSONReadable>(_ type: T.Type) throws(JSONReadError) -> T {
        try T.read(from: &self)
    }

    package mutating func readNull() throws(JSONReadError) -> Bool {
        if case .null = current { return true }
        return false
    }

    package mutating func openObject<T>(for type: T.Type) throws(JSONReadError)
        -> Dictionary<String, JSONValue>.Iterator
    {
        guard case .object(let members) = current else { throw .mismatch(JSONValueMismatch(type, current)) }
        return members.makeIterator()
    }

    package mutating func nextKey(
        _ iterator: inout Dictionary<String, JSONValue>.Iterator, in table: JSONMemberTable
    ) throws(JSONReadError) -> JSONMemberKey? {
        guard let (key, value) = iterator.next() else { return nil }
        current = value
        return table.index(of: key).map { .declared($0) } ?? .unknown(key)
    }

    package mutating func openArray<T>(for type: T.Type) throws(JSONReadError) -> IndexingIterator<[JSONValue]> {
        guard case .array(let elements) = current else { throw .mismatch(JSONValueMismatch(type, current)) }
        return elements.makeIterator()
    }

    package mutating func nextElement(_ iterator: inout IndexingIterator<[JSONValue]>) throws(JSONReadError) -> Bool {
        guard let element = iterator.next() else { return false }
        current = element
        return true
    }
}
