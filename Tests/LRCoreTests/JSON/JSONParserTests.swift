import Foundation
import LRCore
import Testing

/// `JSONValue(parsing:)`: what it accepts and builds, and what it refuses and where.
@Suite("JSONParser: valid and invalid texts")
struct JSONParserTests {
    static let valid: [(String, JSONValue)] = [
        // Literals.
        ("true", .bool(true)), ("false", .bool(false)), ("null", .null),
        // Integers: `.int` while they fit in Int64, `.double` beyond.
        ("0", .int(0)), ("-0", .int(0)), ("7", .int(7)), ("-42", .int(-42)),
        ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        // Rounded to the nearest double: -2^63 and 2^64.
        ("-9223372036854775809", .double(-0x1p63)), ("18446744073709551615", .double(0x1p64)),
        ("18446744073709551616", .double(18_446_744_073_709_551_616)),
        ("100000000000000000000000000000", .double(1e29)),
        // A whole number is an integer however it is written, as JSONDecoder reads it; others are doubles.
        ("1.0", .int(1)), ("1e2", .int(100)), ("1E-2", .double(0.01)), ("-1.5e+3", .int(-1500)),
        ("0.1", .double(0.1)), ("2.5", .double(2.5)), ("0e0", .int(0)), ("1e05", .int(100_000)),
        ("0.3e1", .int(3)), ("1500e-3", .double(1.5)), ("1e18", .int(1_000_000_000_000_000_000)),
        ("1e19", .double(1e19)), ("9.223372036854775807e18", .int(.max)), ("-9.223372036854775807e18", .int(-.max)),
        // -2^63 only as a plain integer: JSONDecoder refuses it in any other spelling.
        ("-9223372036854775808.0", .double(-0x1p63)),
        ("123.456e-7", .double(123.456e-7)), ("1.7976931348623157e308", .double(.greatestFiniteMagnitude)),
        ("2.2250738585072014e-308", .double(.leastNormalMagnitude)), ("5e-324", .double(.leastNonzeroMagnitude)),
        ("1e-400", .double(0)), ("3.14159265358979323846264338327950288", .double(.pi)),
        // 2^53 + 1 has no double, but is an exact integer; 2^53 + 1.5 rounds to the even neighbour.
        ("9007199254740993.0", .int(9_007_199_254_740_993)), ("9007199254740993.5", .double(9_007_199_254_740_994)),
        ("0.30000000000000004", .double(0.1 + 0.2)),
        // Strings.
        (#""""#, .string("")), (#""abc""#, .string("abc")),
        (
            #""a longer ASCII string, past the 15 inline bytes""#,
            .string("a longer ASCII string, past the 15 inline bytes")
        ),
        (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{8}\u{C}\n\r\t")),
        (#""\u0041\u00e9\u20AC\uD83D\uDE00\u0000""#, .string("Aé€😀\u{0}")),
        (#""x\ud83d\ude00y""#, .string("x😀y")), (#""\uDBFF\uDFFF""#, .string("\u{10FFFF}")),
        ("\"héllo € 𝄞 😀 \u{10FFFF}\u{7F}\"", .string("héllo € 𝄞 😀 \u{10FFFF}\u{7F}")),
        (#""mixed é \n and \u00e9""#, .string("mixed é \n and é")),
        // Structures and whitespace.
        ("[]", .array([])), ("{}", .object([:])), ("[[]]", .array([.array([])])),
        (#"[1,"a",null,[true,{}]]"#, .array([1, "a", nil, [true, [:]]])),
        (#"{"a":{"b":[1.5,false]},"c":"d"}"#, .object(["a": ["b": [1.5, false]], "c": "d"])),
        (" \t\r\n{ \"a\" :\t[ 1 ,\n2 ] , \"b\" : { } , \"c\":\"\" }\r\n ", .object(["a": [1, 2], "b": [:], "c": ""])),
        // A repeated key keeps its first value, as JSONDecoder does.
        (#"{"a":1,"b":2,"a":3}"#, .object(["a": 1, "b": 2])),
        // A UTF-8 byte order mark at the very start is skipped (RFC 8259 §8.1).
        ("\u{FEFF}{\"a\":1}", .object(["a": 1])), ("\u{FEFF} [true]", .array([true])),
    ]

    @Test("valid texts build the expected value", arguments: valid)
    func parsesValid(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: Data(text.utf8)) == expected)
        let fromBuffer = try Array(text.utf8).withUnsafeBytes { try JSONValue(parsing: $0) }
        #expect(fromBuffer == expected)
    }

    @Test("-0 and -0.0 are the integer 0 (as JSONDecoder reads them); -0.5 keeps its sign")
    func negativeZero() throws {
        #expect(try JSONValue(parsing: Data("-0.0".utf8)) == .int(0))
        #expect(try JSONValue(parsing: Data("-0".utf8)) == .int(0))
        #expect(try JSONValue(parsing: Data("-0.5".utf8)).doubleValue?.sign == .minus)
    }

    @Test("512 levels of nesting are accepted")
    func deepestAccepted() throws {
        let arrays = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONValue(parsing: Data(arrays.utf8))
        var depth = 0
        while case .array(let elements) = value {
            depth += 1
            guard let first = elements.first else { break }
            value = first
        }
        #expect(depth == 512)
        let mixed = String(repeating: #"{"a":["#, count: 256) + String(repeating: "]}", count: 256)
        #expect(throws: Never.self) { try JSONValue(parsing: Data(mixed.utf8)) }
    }

    @Test("512 levels parse, and the tree is released, on a thread with a 256 KiB stack")
    func smallStack() async {
        // The parser keeps its own stack of open containers: a recursive one needs about 2 MB
        // for this in a debug build, and macOS worker threads have 512 KiB.
        let parsed = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let thread = Thread {
                let text = String(repeating: #"{"a":["#, count: 256) + String(repeating: "]}", count: 256)
                continuation.resume(returning: (try? JSONValue(parsing: Data(text.utf8))) != nil)
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        #expect(parsed)
    }

    @Test("a data slice is parsed from its own start, and offsets count from there")
    func dataSlice() throws {
        let data = Data("xx[1,2]".utf8).dropFirst(2)
        #expect(try JSONValue(parsing: data) == [1, 2])
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: data.dropLast()) }
        #expect(error.offset == 4)
    }

    /// An invalid text, what the error's reason contains and, when given, its offset.
    struct Invalid: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var offset: Int?
        var reason: String
        var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }

        init(_ text: String, at offset: Int? = nil, _ reason: String) {
            self.init(Array(text.utf8), at: offset, reason)
        }

        init(_ bytes: [UInt8], at offset: Int? = nil, _ reason: String) {
            (self.bytes, self.offset, self.reason) = (bytes, offset, reason)
        }
    }

    static let quote = UInt8(ascii: "\"")

    static let invalid: [Invalid] = [
        // Empty input, whitespace only, trailing garbage.
        Invalid("", at: 0, "empty input"), Invalid(" \n\t", at: 3, "expected a value but found end of input"),
        Invalid("1 2", at: 2, "expected end of input but found '2'"), Invalid("{}x", at: 2, "end of input"),
        Invalid("[]]", at: 2, "end of input"), Invalid("nullx", at: 4, "end of input"),
        Invalid(#""a""b""#, at: 3, "end of input"), Invalid("1\u{0}", at: 1, "byte 0x00"),
        // Whitespace JSON does not have, and non-ASCII bytes outside strings.
        Invalid("\u{0B}1", at: 0, "byte 0x0B"), Invalid("\u{0C}1", at: 0, "byte 0x0C"),
        Invalid("[1,\u{A0}2]", at: 3, "byte 0xC2"), Invalid("é", at: 0, "byte 0xC3"),
        Invalid([0x20, 0xEF, 0xBB, 0xBF] + Array("{}".utf8), at: 1, "found"),
        // Literals.
        Invalid("tru", at: 3, "'true'"), Invalid("True", at: 0, "a value"), Invalid("nul", "'null'"),
        Invalid("NULL", "a value"), Invalid("fals", "'false'"), Invalid("trUe", at: 2, "'true'"),
        // Numbers.
        Invalid("01", at: 0, "leading zero"), Invalid("-01", at: 1, "leading zero"), Invalid("00", "leading zero"),
        Invalid("+1", at: 0, "a value"), Invalid(".5", at: 0, "a value"), Invalid("1.", at: 2, "after '.'"),
        Invalid("1.e3", at: 2, "after '.'"), Invalid("1e", at: 2, "exponent"), Invalid("1e+", at: 3, "exponent"),
        Invalid("-", at: 1, "a digit"), Invalid("-a", at: 1, "a digit"), Invalid("0x10", at: 1, "end of input"),
        Invalid("NaN", "a value"), Invalid("Infinity", "a value"), Invalid("-Infinity", at: 1, "a digit"),
        Invalid("1e400", at: 0, "number out of range"), Invalid("[-1e400]", at: 1, "number out of range"),
        Invalid("1" + String(repeating: "0", count: 400), at: 0, "number out of range"),
        // Escapes and surrogates.
        Invalid(#""\uD800""#, at: 1, "unpaired"), Invalid(#""\uDC00""#, at: 1, "unpaired"),
        Invalid(#""ab\uD800\u0041""#, at: 3, "unpaired"), Invalid(#""\uD800x""#, at: 1, "unpaired"),
        Invalid(#""\uD83D\uD83D""#, at: 1, "unpaired"), Invalid(#""\uDE00\uD83D""#, at: 1, "unpaired"),
        Invalid(#""\u12""#, at: 5, "hex digits"), Invalid(#""\uZZZZ""#, at: 3, "hex digits"),
        Invalid(#""\x""#, at: 2, "escape"), Invalid(#""\'""#, at: 2, "escape"), Invalid(#""\U0041""#, "escape"),
        Invalid([quote, 0x5C, 0xC3, 0xA9, quote], at: 2, "escape"),
        // Invalid UTF-8 in strings: overlongs, encoded surrogates, past U+10FFFF, stray and truncated.
        Invalid([quote, 0xC0, 0x80, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0xC1, 0xBF, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0xE0, 0x80, 0xAF, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0xF0, 0x80, 0x80, 0xAF, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0x61, 0xED, 0xA0, 0x80, quote], at: 2, "invalid UTF-8"),
        Invalid([quote, 0xED, 0xBF, 0xBF, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0xF4, 0x90, 0x80, 0x80, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0xF5, 0x80, 0x80, 0x80, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0xFF, quote], at: 1, "invalid UTF-8"), Invalid([quote, 0x80, quote], at: 1, "invalid UTF-8"),
        Invalid([quote, 0xC3, quote], at: 1, "invalid UTF-8"), Invalid([quote, 0xE2, 0x82, quote], "invalid UTF-8"),
        Invalid([quote, 0xE2, 0x82, 0xAC, 0xAC, quote], at: 4, "invalid UTF-8"), Invalid([quote, 0xC3], "UTF-8"),
        // Unescaped control characters.
        Invalid("\"a\tb\"", at: 2, "control character"), Invalid("\"\u{0}\"", at: 1, "control character byte 0x00"),
        Invalid("\"a\nb\"", at: 2, "control character"), Invalid("\"\u{1F}\"", at: 1, "control character"),
        // Structure: trailing commas, missing separators, non-string keys, unterminated containers.
        Invalid("[1,]", at: 2, "trailing comma in array"), Invalid(#"{"a":1 , }"#, at: 7, "trailing comma in object"),
        Invalid("[,1]", at: 1, "a value"), Invalid("[1 2]", at: 3, "',' or ']'"), Invalid("[1,,2]", at: 3, "a value"),
        Invalid("{1:2}", at: 1, "a string key"), Invalid(#"{"a" 1}"#, at: 5, "':'"),
        Invalid(#"{"a":}"#, at: 5, "a value"),
        Invalid(#"{"a":1 "b":2}"#, at: 7, "',' or '}'"), Invalid(#"{,}"#, at: 1, "a string key"),
        Invalid(#"{"a":1,,}"#, at: 7, "a string key"), Invalid("[1}", at: 2, "',' or ']'"),
        Invalid("{]", "a string key"),
        Invalid(#""abc"#, at: 4, "unterminated string (opened at byte 0)"),
        Invalid(#""abc\""#, at: 6, "unterminated string"),
        Invalid(#"["a\"#, at: 4, "unterminated string (opened at byte 1)"),
        Invalid("[1,2", at: 4, "unterminated array"),
        Invalid("[", at: 1, "a value"), Invalid("{", at: 1, "unterminated object"),
        Invalid(#"{"a""#, at: 4, "unterminated object"),
        Invalid(#"{"a":"#, at: 5, "a value"), Invalid(#"{"a":1"#, at: 6, "unterminated object (opened at byte 0)"),
        // Nesting past 512 levels fails at the 513th bracket.
        Invalid(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), at: 512, "deeper than 512"),
        Invalid(String(repeating: #"{"a":["#, count: 257), at: 1536, "nesting deeper than 512 levels"),
    ]

    @Test("invalid texts throw JSONSyntaxError with the reason and offset", arguments: invalid)
    func rejectsInvalid(_ text: Invalid) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: Data(text.bytes)) }
        #expect(error.reason.contains(text.reason), "\(error)")
        if let offset = text.offset { #expect(error.offset == offset, "\(error)") }
        #expect(error.description == "invalid JSON at byte \(error.offset): \(error.reason)")
    }

    @Test("100,000 levels of nesting throw at level 513, quickly and without exhausting the stack")
    func hostileNesting() throws {
        for text in [
            String(repeating: "[", count: 100_000), String(repeating: #"{"a":"#, count: 100_000),
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        ] {
            let started = ContinuousClock.now
            let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: Data(text.utf8)) }
            #expect(error.reason == "nesting deeper than 512 levels")
            #expect(ContinuousClock.now - started < .seconds(1))
        }
    }
}
