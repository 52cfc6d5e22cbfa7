public import Foundation

extension JSONValue {
    /// Parses one JSON text (RFC 8259) from UTF-8 bytes, without `JSONDecoder`.
    ///
    /// The text is one value with optional whitespace (space, tab, line feed, carriage return)
    /// before and after it; anything else after the value is an error. Parsing is strict:
    ///
    /// - **Literals**: exactly `true`, `false` and `null`.
    /// - **Numbers**: the RFC 8259 grammar only (no `+`, leading zeros, `.5`, `1.`, hex, `NaN` or
    ///   `Infinity`). A whole number that fits in `Int64` becomes ``JSONValue/int(_:)`` exactly,
    ///   however it is written (`1`, `1.0`, `1e2`, `-0.0`), as `JSONDecoder` reads it; every other
    ///   number (`1.5`, `9223372036854775808`) becomes a correctly rounded ``JSONValue/double(_:)``.
    ///   A number too large for `Double` is an error; one too small for it becomes `0`.
    /// - **Strings**: valid UTF-8 only (no overlong forms, encoded surrogates or truncated
    ///   sequences); control characters U+0000–U+001F must be escaped; escapes are
    ///   `\" \\ \/ \b \f \n \r \t \uXXXX`, and a `\uXXXX` surrogate must be half of a pair.
    /// - **Objects**: keys are strings; when a key repeats, its **first** value is kept, as
    ///   `JSONDecoder` does. Arrays and objects allow no trailing comma.
    /// - **Nesting**: at most 512 arrays and objects deep; deeper input fails at the 513th
    ///   bracket, without deep recursion.
    /// - **Outside strings** every byte must be ASCII; a UTF-8 byte order mark at the very start
    ///   is skipped (RFC 8259 §8.1), anywhere else it is an error.
    ///
    /// ```swift
    /// let reply = try JSONValue(parsing: Data(#"{"ErrorCode":938,"IsProviderError":false}"#.utf8))
    /// reply["ErrorCode"]  // .int(938)
    /// ```
    ///
    /// - Parameter data: The complete text, UTF-8 encoded. It may be a slice; error offsets then
    ///   count from its first byte, not from the underlying buffer's start.
    /// - Throws: ``JSONSyntaxError`` with the byte offset of the first problem.
    public init(parsing data: Data) throws(JSONSyntaxError) {
        // `Data.withUnsafeBytes` is `rethrows` and would erase the error's type; a `Result` carries it out.
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(JSONSyntaxError) in try JSONValue(parsing: bytes) }
        }
        self = try result.get()
    }

    /// Parses one JSON text (RFC 8259) from UTF-8 bytes in memory, without copying them.
    ///
    /// Accepts exactly what `init(parsing:)` with `Data` accepts; see there for the rules. The
    /// bytes are only read during the call, and every string in the result is a copy.
    ///
    /// - Parameter bytes: The complete text, UTF-8 encoded.
    /// - Throws: ``JSONSyntaxError`` with the offset, in bytes from `bytes.baseAddress`, of the
    ///   first problem.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) {
        // Raw bytes read as `UInt8`, the type every byte buffer (`Data`, `[UInt8]`) holds.
        var parser = JSONParser(bytes: bytes.assumingMemoryBound(to: UInt8.self))
        self = try parser.parseDocument()
    }
}
