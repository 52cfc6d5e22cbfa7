public import Foundation

/// A timestamp as LoginRadius sends it, keeping the exact string.
///
/// LoginRadius writes ISO 8601 UTC times with 0 to 7 fractional digits
/// (`2021-06-26T09:17:46.6040624Z`), sometimes without the `Z`, and `0001-01-01T00:00:00` for
/// "never". ``date`` parses all of these; ``rawValue`` is what was sent and is what is encoded back.
public struct LoginRadiusDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The string exactly as LoginRadius sent it.
    public var rawValue: String

    /// Wraps a LoginRadius timestamp string.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Formats `date` the way LoginRadius does: UTC, milliseconds, `Z`.
    public init(_ date: Date) {
        self.rawValue = date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        )
    }

    /// The parsed time, or `nil` when the string is not a timestamp LoginRadius uses.
    public var date: Date? {
        Self.parse(rawValue)
    }

    /// Decodes the timestamp string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the original string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The original string.
    public var description: String { rawValue }

    /// Parses `yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|±hh:mm]`; a missing zone means UTC.
    static func parse(_ string: String) -> Date? {
        let bytes = Array(string.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard let hours = number(index + 1..<index + 3) else { return nil }
                let minutesStart =
                    index + 3 < bytes.count && bytes[index + 3] == UInt8(ascii: ":") ? index + 4 : index + 3
                guard let minutes = number(minutesStart..<minutesStart + 2) else { return nil }
                offsetSeconds = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
                index = minutesStart + 2
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(secondsFromGMT: 0)
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        guard let base = components.date else { return nil }
        return base.addingTimeInterval(fraction - Double(offsetSeconds))
    }
}
