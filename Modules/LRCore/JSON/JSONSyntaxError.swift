/// A JSON text that is not valid: where and why.
///
/// Thrown by `JSONValue(parsing:)`. The parser stops at the first problem, so an invalid text
/// gives exactly one error.
///
/// ```swift
/// do {
///     _ = try JSONValue(parsing: Data(#"{"a":[1,]}"#.utf8))
/// } catch {
///     print(error.offset, error.reason)  // 7 "trailing comma in array"
/// }
/// ```
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The zero-based offset, in bytes from the start of the input, of the byte where the problem
    /// was found; equal to the input's length when the text ends too early.
    public var offset: Int

    /// What is wrong, in a few lowercase words, for example `"unterminated string"`,
    /// `"invalid UTF-8 in string"` or `"nesting deeper than 512 levels"`.
    ///
    /// The wording is for people reading logs; match on ``offset`` or on the error as a whole,
    /// not on parts of this text.
    public var reason: String

    /// Creates an error for the problem `reason` at the byte `offset`.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// `"invalid JSON at byte <offset>: <reason>"`.
    public var description: String {
        "invalid JSON at byte \(offset): \(reason)"
    }
}

extension JSONSyntaxError {
    /// `"expected <expected> but found <byte>"` at `offset`.
    static func found(_ byte: UInt8, at offset: Int, expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, reason: "expected \(expected) but found \(describe(byte))")
    }

    /// The byte quoted when it is printable ASCII (`'x'`) and in hex otherwise (`byte 0x0A`), so
    /// that invisible and non-ASCII bytes are still recognisable in a log line.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte <= 0x7E { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
