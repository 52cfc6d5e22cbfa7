/// Writes JSON text (RFC 8259) straight into bytes: how generated code encodes request bodies,
/// without `JSONEncoder`'s boxes and dictionaries.
///
/// The output is what the SDK's `JSONEncoder` (compact, `/` not escaped) writes for the same
/// value: `"` `\` and the control characters escaped (`\b \t \n \f \r`, else `\u00xx`), every
/// other character as its UTF-8 bytes, whole doubles without `.0`. Members of a model come in
/// declaration order, then its additional fields; an object's members in its dictionary's order.
/// A number JSON cannot hold (NaN, ±infinity) fails with ``NonFiniteNumber`` naming where it is.
package struct JSONWriter: Sendable {
    /// The JSON text written so far.
    package private(set) var bytes: [UInt8]

    /// A number JSON cannot represent, and the path to it (member names and `[index]` elements).
    package struct NonFiniteNumber: Error, Sendable {
        /// Where the number is, outermost first, e.g. `["customFields", "score"]`.
        package var path: [String]
        /// The number.
        package var value: Double

        /// The same failure one level further out, under `component`.
        func inside(_ component: String) -> NonFiniteNumber {
            NonFiniteNumber(path: [component] + path, value: value)
        }
    }

    /// Starts an empty text; `capacity` bytes are reserved (one allocation for a typical body).
    package init(capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    /// Writes `{`.
    package mutating func beginObject() { bytes.append(UInt8(ascii: "{")) }
    /// Writes `}`.
    package mutating func endObject() { bytes.append(UInt8(ascii: "}")) }

    /// Writes one object member: a comma when it is not the first, the key, `:` and `value`.
    package mutating func member<Value: JSONWritable>(_ key: String, _ value: Value) throws(NonFiniteNumber) {
        writeKey(key)
        do {
            try value.writeJSON(to: &self)
        } catch {
            throw error.inside(key)
        }
    }

    /// Writes one object member whose value is already JSON text.
    package mutating func member(_ key: String, json: some Sequence<UInt8>) {
        writeKey(key)
        bytes.append(contentsOf: json)
    }

    /// Writes a model's additional fields, leaving out those named in `excluded` (declared
    /// members that were written: a declared field wins over an additional one).
    package mutating func additionalMembers(
        _ fields: [String: JSONValue], excluding excluded: Set<String>
    ) throws(NonFiniteNumber) {
        for (key, value) in fields where !excluded.contains(key) {
            try member(key, value)
        }
    }

    private mutating func writeKey(_ key: String) {
        // The first member follows `{`; every other one follows the end of a value.
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        write(key)
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Values

    /// Writes `null`.
    package mutating func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    /// Writes `true` or `false`.
    package mutating func write(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    /// Writes a whole number in decimal.
    package mutating func write(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits right to left into scratch space on the stack (20 is enough for any UInt64).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var position = scratch.count
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[position...]))
        }
    }

    /// Writes a number as `JSONEncoder` does: Swift's shortest round-tripping form, a whole
    /// number without `.0` (`1`, `1.5`, `1e+20`, `1e-05`).
    ///
    /// - Throws: ``NonFiniteNumber`` for NaN and ±infinity.
    package mutating func write(_ value: Double) throws(NonFiniteNumber) {
        guard value.isFinite else { throw NonFiniteNumber(path: [], value: value) }
        let text = value.description.utf8
        if text.count > 2, text.suffix(2).elementsEqual([UInt8(ascii: "."), UInt8(ascii: "0")]) {
            bytes.append(contentsOf: text.dropLast(2))
        } else {
            bytes.append(contentsOf: text)
        }
    }

    /// Writes a string, quoted and escaped.
    package mutating func write(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                appendEscape(byte)
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Writes an array, each element by `JSONWritable`.
    package mutating func write<Element: JSONWritable>(_ elements: [Element]) throws(NonFiniteNumber) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            do {
                try element.writeJSON(to: &self)
            } catch {
                throw error.inside("[\(index)]")
            }
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object, in the dictionary's order.
    package mutating func write<Value: JSONWritable>(_ members: [String: Value]) throws(NonFiniteNumber) {
        beginObject()
        for (key, value) in members { try member(key, value) }
        endObject()
    }
}
