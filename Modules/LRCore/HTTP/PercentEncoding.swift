/// RFC 3986 percent-encoding for path segments and query components.
///
/// Only the unreserved characters (`A–Z a–z 0–9 - . _ ~`) are sent literally; every other byte of
/// the UTF-8 form is `%XX`. That is stricter than RFC 3986 requires (it would allow `:` or `@`),
/// and it is what LoginRadius's servers and every proxy decode unambiguously. `+` is always `%2B`:
/// in a query a literal `+` is read as a space by form decoders.
public enum PercentEncoding {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    @inline(__always)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Encodes one path segment: a `/` inside it becomes `%2F`, so it stays one segment.
    public static func encodePathSegment(_ segment: String) -> String {
        encode(segment)
    }

    /// Encodes a query component (a name or a value).
    public static func encodeQueryComponent(_ component: String) -> String {
        encode(component)
    }

    /// Encodes query items as `name=value` pairs joined by `&`.
    public static func encodeQuery(_ items: [QueryItem]) -> String {
        items.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }

    /// Percent-encodes every byte that is not unreserved.
    public static func encode(_ string: String) -> String {
        let utf8 = string.utf8
        // Fast path: most API keys, paths and tokens need no encoding at all.
        if utf8.allSatisfy(isUnreserved) { return string }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count * 3)
        append(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `string` percent-encoded to `bytes`, without an intermediate string.
    static func append(_ string: String, to bytes: inout [UInt8]) {
        for byte in string.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    /// Decodes `%XX` sequences; `+` is left as is (RFC 3986). Returns `nil` for malformed input.
    public static func decode(_ string: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count)
        var iterator = string.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            output.append(high << 4 | low)
        }
        return String(validating: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
