extension JSONParser {
    /// Parses the number starting at `index` (a `-` or a digit) per RFC 8259:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// A whole number that fits in `Int64` is `.int`, however it is written (`3`, `3.0`, `3e0`,
    /// `0.3e1`); every other number is a correctly rounded `.double`. A number whose magnitude rounds to infinity is an error (as
    /// in JSONDecoder); one that underflows becomes zero.
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var position = index
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        // The digits without the decimal point, while they fit; the exponent they need.
        var significand: UInt64 = 0
        var significandOverflowed = false
        var exponent = 0
        var isInteger = true

        guard position < bytes.count else { throw endOfInput(expected: "a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, digit(at: position) != nil {
                throw JSONSyntaxError(offset: position - 1, reason: "leading zero in number")
            }
        } else {
            guard digit(at: position) != nil else { throw .found(bytes[position], at: position, expected: "a digit") }
            while position < bytes.count, let digit = digit(at: position) {
                accumulate(digit, into: &significand, overflowed: &significandOverflowed)
                position += 1
            }
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            try requireDigit(at: position, after: "'.'")
            while position < bytes.count, let digit = digit(at: position) {
                accumulate(digit, into: &significand, overflowed: &significandOverflowed)
                exponent -= 1
                position += 1
            }
        }
        if position < bytes.count && bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            let sign = position < bytes.count ? bytes[position] : 0
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            try requireDigit(at: position, after: "the exponent's 'e'")
            var stated = 0
            while position < bytes.count, let digit = digit(at: position) {
                // Saturates: any exponent this large is already far beyond Double's range, and
                // the slow path below sees the real digits.
                if stated < 100_000 { stated = stated * 10 + Int(digit) }
                position += 1
            }
            exponent += sign == UInt8(ascii: "-") ? -stated : stated
        }
        index = position

        if !isInteger && !significandOverflowed, let whole = Self.wholeNumber(significand, exponent, negative) {
            // `1.0`, `1e2`, `9007199254740993.0`: a whole number written with a fraction or an
            // exponent is still an integer, exactly, as `JSONDecoder` reads it into `Int64` (and
            // so into `JSONValue` through its Codable conformance).
            return .int(whole)
        }
        if isInteger && !significandOverflowed {
            if !negative && significand <= UInt64(Int64.max) { return .int(Int64(significand)) }
            if negative && significand <= UInt64(Int64.max) + 1 { return .int(Int64(bitPattern: 0 &- significand)) }
            // Beyond Int64 but within UInt64: this conversion rounds correctly (to nearest even).
            return .double(negative ? -Double(significand) : Double(significand))
        }
        // Clinger's fast path: a significand of at most 53 bits and a power of ten up to 1e22
        // are both exact doubles, so one multiplication or division rounds correctly.
        if !significandOverflowed && significand <= 1 << 53 && (-22...22).contains(exponent) {
            let magnitude = Double(significand)
            let power = Self.powersOfTen[abs(exponent)]
            let value = exponent < 0 ? magnitude / power : magnitude * power
            return .double(negative ? -value : value)
        }
        // Everything else (more than 19 significant digits, large exponents): `Double(String)`
        // (strtod in the C locale underneath, correctly rounded) on the text the grammar above
        // has vetted; it cannot be "NaN", hex or locale-dependent here.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONSyntaxError(offset: start, reason: "invalid number") }
        guard value.isFinite else { throw JSONSyntaxError(offset: start, reason: "number out of range") }
        return .double(value)
    }

    /// `significand × 10^exponent` when that is a whole number in `Int64`'s range, else `nil`.
    private static func wholeNumber(_ significand: UInt64, _ exponent: Int, _ negative: Bool) -> Int64? {
        if significand == 0 { return 0 }
        var magnitude = significand
        if exponent >= 0 {
            guard exponent <= 19 else { return nil }
            for _ in 0..<exponent {
                let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                magnitude = product
            }
        } else {
            guard exponent >= -19 else { return nil }
            for _ in 0..<(-exponent) {
                guard magnitude % 10 == 0 else { return nil }
                magnitude /= 10
            }
        }
        if !negative { return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil }
        // -2^63 only when written as a plain integer: JSONDecoder refuses it in any other spelling
        // (it goes through Double there), and the two paths must agree.
        return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
    }

    /// The digit at `position`, or `nil` when the byte there is not one (`position` must be in bounds).
    @inline(__always)
    private func digit(at position: Int) -> UInt8? {
        let value = bytes[position] &- UInt8(ascii: "0")
        return value < 10 ? value : nil
    }

    private func requireDigit(at position: Int, after what: String) throws(JSONSyntaxError) {
        guard position < bytes.count else { throw endOfInput(expected: "a digit after \(what)") }
        guard digit(at: position) != nil else {
            throw .found(bytes[position], at: position, expected: "a digit after \(what)")
        }
    }

    /// Appends `digit` to `significand`, or sets `overflowed` (and stops) once it no longer fits.
    @inline(__always)
    private func accumulate(_ digit: UInt8, into significand: inout UInt64, overflowed: inout Bool) {
        guard !overflowed else { return }
        let (shifted, overflow) = significand.multipliedReportingOverflow(by: 10)
        let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit))
        if overflow || carry { overflowed = true } else { significand = sum }
    }

    /// 1e0 through 1e22: the powers of ten that are exact doubles.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
