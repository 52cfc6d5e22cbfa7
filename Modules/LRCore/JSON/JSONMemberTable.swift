/// The JSON member names a model declares, found by their UTF-8 bytes: the model reader looks a
/// key up straight from the reply's bytes, so a declared key never becomes a `String` (a key
/// longer than 15 bytes would be a heap allocation each time).
///
/// An open-addressing hash table (FNV-1a, linear probing, at most half full) over the names'
/// bytes, built once per model type (a class: a reader holds it with one reference).
package final class JSONMemberTable: Sendable {
    /// The names, in declaration order; a member's index is its position here.
    package let names: [String]
    /// Every name's UTF-8 bytes, one after the other; `bounds[i]` is where name `i`'s are.
    private let utf8: [UInt8]
    private let bounds: [Range<Int>]
    /// Name indices by hash slot; -1 is an empty slot.
    private let slots: [Int]

    package init(_ names: [String]) {
        self.names = names
        var utf8: [UInt8] = []
        var bounds: [Range<Int>] = []
        for name in names {
            let start = utf8.count
            utf8.append(contentsOf: name.utf8)
            bounds.append(start..<utf8.count)
        }
        var size = 4
        while size < names.count * 2 { size *= 2 }
        var slots = [Int](repeating: -1, count: size)
        for (index, name) in names.enumerated() {
            var slot = Self.hash(Array(name.utf8)) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = index
        }
        self.utf8 = utf8
        self.bounds = bounds
        self.slots = slots
    }

    /// The index of the name whose UTF-8 bytes are `key`, or `nil` when no declared name is.
    package func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let candidate = slots[slot]
            guard candidate >= 0 else { return nil }
            let range = bounds[candidate]
            if range.count == key.count {
                var offset = 0
                while offset < key.count && utf8[range.lowerBound + offset] == key[offset] { offset += 1 }
                if offset == key.count { return candidate }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The index of the name `key`, or `nil` when it is not declared.
    package func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }

    private static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }
}

/// Which declared members of one object have been read: a repeated key keeps its first value,
/// as the parser does when it builds a tree. Inline up to 256 members (no allocation).
struct JSONMemberSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Words for indices from 256 on, for a model that declares that many members.
    private var more: [UInt64] = []

    /// Adds `index`; `false` when it was already there.
    mutating func insert(_ index: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(index & 63)
        let word = index >> 6
        let old: UInt64
        switch word {
        case 0: (old, words.0) = (words.0, words.0 | bit)
        case 1: (old, words.1) = (words.1, words.1 | bit)
        case 2: (old, words.2) = (words.2, words.2 | bit)
        case 3: (old, words.3) = (words.3, words.3 | bit)
        default:
            let extra = word - 4
            if more.count <= extra { more.append(contentsOf: repeatElement(0, count: extra + 1 - more.count)) }
            old = more[extra]
            more[extra] = old | bit
        }
        return old & bit == 0
    }

    func contains(_ index: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(index & 63)
        let word: UInt64
        switch index >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        case 3: word = words.3
        case let other: word = other - 4 < more.count ? more[other - 4] : 0
        }
        return word & bit != 0
    }
}
