extension JSONParser {
    /// Parses the string whose opening `"` is at `index` and leaves `index` after its closing `"`.
    ///
    /// Two passes, so that the common string (no escapes) costs one scan and one copy:
    /// 1. Find the closing quote, rejecting control characters, invalid UTF-8 and unknown escapes
    ///    where they are; escapes are only stepped over here (so `\"` does not end the string).
    /// 2. Without escapes, the bytes are already valid UTF-8 and become the `String` in one copy
    ///    (inline, without allocating, up to 15 bytes). With escapes, they are decoded straight
    ///    into the new string's storage: an escape never decodes to more bytes than it is written
    ///    with, so the raw length is a sufficient capacity.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        try makeString(try scanString())
    }

    /// A string's contents, found by ``scanString()``: `bytes[start..<end]`, with or without escapes.
    struct ScannedString {
        var start: Int
        var end: Int
        var hasEscapes: Bool
    }

    /// Pass 1 of ``parseString()``: checks the string whose opening `"` is at `index`, leaves
    /// `index` after its closing `"` and returns where its contents are. A model reader looks an
    /// object key up from these bytes, without making a `String` of it.
    mutating func scanString() throws(JSONSyntaxError) -> ScannedString {
        let open = index
        let start = index + 1
        var position = start
        var hasEscapes = false
        while true {
            guard position < bytes.count else { throw unterminated("string", openedAt: open) }
            let byte = bytes[position]
            // ASCII from 0x20 to 0x7F other than `"` and `\`: the overwhelmingly common case.
            if byte &- 0x20 < 0x60 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                position += 1
            } else if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                // Checked here rather than in pass 2 so that `\` before a non-ASCII byte is
                // reported as the bad escape it is, not as invalid UTF-8 one byte later.
                guard position + 1 < bytes.count else { throw unterminated("string", openedAt: open) }
                guard Self.isEscapable(bytes[position + 1]) else {
                    throw .found(bytes[position + 1], at: position + 1, expected: Self.escapes)
                }
                hasEscapes = true
                position += 2
            } else if byte >= 0x80 {
                position = try skipUTF8Sequence(at: position)
            } else {
                throw JSONSyntaxError(
                    offset: position, reason: "unescaped control character \(JSONSyntaxError.describe(byte)) in string")
            }
        }
        index = position + 1
        return ScannedString(start: start, end: position, hasEscapes: hasEscapes)
    }

    /// Pass 2 of ``parseString()``: the `String` of contents that ``scanString()`` found.
    func makeString(_ scanned: ScannedString) throws(JSONSyntaxError) -> String {
        let start = scanned.start
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<scanned.end])
        guard scanned.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var failure: JSONSyntaxError?
        let string = String(unsafeUninitializedCapacity: raw.count) { output in
            do throws(JSONSyntaxError) {
                return try Self.unescape(raw, at: start, into: output)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return string
    }

    /// What may follow a backslash, for error messages.
    private static let escapes = #"an escape character (one of "\/bfnrtu)"#

    private static func isEscapable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "u"):
            true
        default: false
        }
    }

    /// Checks the multi-byte UTF-8 sequence whose lead byte is at `position` and returns the
    /// offset after it. Strict, per the Unicode standard's table of well-formed sequences: no
    /// overlong forms, no UTF-16 surrogates (U+D800...U+DFFF), nothing above U+10FFFF, no
    /// truncated sequence, so every string the SDK hands out is exactly what the server sent.
    private func skipUTF8Sequence(at position: Int) throws(JSONSyntaxError) -> Int {
        let invalid = JSONSyntaxError(offset: position, reason: "invalid UTF-8 in string")
        let length: Int
        // The second byte's range narrows for the lead bytes where overlongs, surrogates or
        // values past U+10FFFF would otherwise start; every other continuation is 0x80...0xBF.
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch bytes[position] {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: throw invalid // a stray continuation byte, 0xC0, 0xC1 or 0xF5...0xFF
        }
        guard position + length <= bytes.count, (low...high).contains(bytes[position + 1]) else { throw invalid }
        var next = position + 2
        while next < position + length {
            guard bytes[next] & 0xC0 == 0x80 else { throw invalid }
            next += 1
        }
        return next
    }

    /// Copies `raw` (a string's contents, starting at byte `start` of the input) into `output`
    /// with its escapes decoded and returns the number of bytes written. Pass 1 has already
    /// checked everything but the `\u` escapes.
    private static func unescape(
        _ raw: UnsafeBufferPointer<UInt8>, at start: Int, into output: UnsafeMutableBufferPointer<UInt8>
    ) throws(JSONSyntaxError) -> Int {
        var read = 0
        var written = 0
        while read < raw.count {
            let byte = raw[read]
            guard byte == UInt8(ascii: "\\") else {
                output[written] = byte
                written += 1
                read += 1
                continue
            }
            // Pass 1 stepped over two bytes for the backslash and then found the closing quote,
            // so the escaped byte is inside `raw`.
            let escaped = raw[read + 1]
            let simple: UInt8
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = escaped
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape(raw, at: read, inputOffset: start)
                read += scalar.value > 0xFFFF ? 12 : 6
                for unit in scalar.utf8 {
                    output[written] = unit
                    written += 1
                }
                continue
            default:
                throw .found(escaped, at: start + read + 1, expected: escapes)
            }
            output[written] = simple
            written += 1
            read += 2
        }
        return written
    }

    /// Decodes the `\uXXXX` escape at `position` of `raw`, and the low surrogate's `\uXXXX` after
    /// it when the first is a high surrogate. A lone or mismatched surrogate is an error, as in
    /// JSONDecoder: it is not a Unicode scalar, so no valid string contains it.
    private static func unicodeEscape(
        _ raw: UnsafeBufferPointer<UInt8>, at position: Int, inputOffset: Int
    ) throws(JSONSyntaxError) -> Unicode.Scalar {
        let unpaired = JSONSyntaxError(
            offset: inputOffset + position, reason: "unpaired UTF-16 surrogate in \\u escape")
        let first = try hexQuad(raw, at: position + 2, inputOffset: inputOffset)
        switch first {
        case 0xD800...0xDBFF:
            let next = position + 6
            guard next + 1 < raw.count, raw[next] == UInt8(ascii: "\\"), raw[next + 1] == UInt8(ascii: "u") else {
                throw unpaired
            }
            let second = try hexQuad(raw, at: next + 2, inputOffset: inputOffset)
            guard (0xDC00...0xDFFF).contains(second) else { throw unpaired }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw unpaired }
            return scalar
        case 0xDC00...0xDFFF:
            throw unpaired
        default:
            guard let scalar = Unicode.Scalar(first) else { throw unpaired }
            return scalar
        }
    }

    /// The four hex digits at `position` of `raw` as a number.
    private static func hexQuad(
        _ raw: UnsafeBufferPointer<UInt8>, at position: Int, inputOffset: Int
    ) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for offset in position..<position + 4 {
            guard offset < raw.count else {
                throw JSONSyntaxError(offset: inputOffset + offset, reason: "expected 4 hex digits in \\u escape")
            }
            let byte = raw[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: throw .found(byte, at: inputOffset + offset, expected: "4 hex digits in \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
