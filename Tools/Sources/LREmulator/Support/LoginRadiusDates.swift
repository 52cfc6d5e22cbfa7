// The date formats LoginRadius uses on the wire, always in UTC:
// - ISO 8601 with milliseconds and `Z` in JSON (`2026-01-01T10:00:00.000Z`);
// - `yyyy/MM/dd HH:mm:ss` inside a SOTT;
// - `yyyy-MM-dd HH:mm:ss` in the `X-Request-Expires` header of a signed request.
import Foundation

enum LoginRadiusDates {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `2026-01-01T10:00:00.000Z`
    static func iso8601(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let seconds = date.timeIntervalSince1970
        let milliseconds = Int(((seconds - seconds.rounded(.down)) * 1000).rounded(.down))
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, milliseconds)
    }

    /// `2026/01/01 10:00:00`, the SOTT time format.
    static func sottTime(_ date: Date) -> String {
        format(date, dateSeparator: "/")
    }

    /// Parses a SOTT time as LoginRadius's SDKs write it: `yyyy/MM/dd HH:mm:ss`, with `-` for `/`
    /// (the Python SDK's README example, `2022-01-16 12:00:00`) and with or without zero padding
    /// (another official SDK's helper writes `2026/12/5 9:04:07`).
    static func parseSOTTTime(_ text: String) -> Date? {
        let halves = text.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        guard halves.count == 2 else { return nil }
        let separator: Character = halves[0].contains("/") ? "/" : "-"
        let date = halves[0].split(separator: separator, omittingEmptySubsequences: false)
        let time = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard date.count == 3, time.count == 3, date[0].count == 4,
            (date.dropFirst() + time).allSatisfy({ (1...2).contains($0.count) }),
            (date + time).allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let numbers = (date + time).compactMap { Int($0) }
        guard numbers.count == 6 else { return nil }
        return validDate(
            year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
            second: numbers[5])
    }

    /// `2026-01-01 10:00:00`, the `X-Request-Expires` format.
    static func requestExpiry(_ date: Date) -> String {
        format(date, dateSeparator: "-")
    }

    /// Parses `yyyy-MM-dd HH:mm:ss` (`X-Request-Expires`).
    static func parseRequestExpiry(_ text: String) -> Date? {
        parse(text, dateSeparator: "-")
    }

    private static func format(_ date: Date, dateSeparator: String) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d\(dateSeparator)%02d\(dateSeparator)%02d %02d:%02d:%02d",
            parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// Strict `yyyy?MM?dd HH:mm:ss` parsing (24-hour clock), `?` being `dateSeparator`.
    private static func parse(_ text: String, dateSeparator: Character) -> Date? {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        guard characters.count == 19,
            characters[4] == dateSeparator, characters[7] == dateSeparator,
            characters[10] == " ", characters[13] == ":", characters[16] == ":"
        else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(characters[range])) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        return validDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// The UTC date, or nil when a part is out of range (24-hour clock).
    private static func validDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else {
            return nil
        }
        let components = DateComponents(
            calendar: utc, timeZone: utc.timeZone,
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return utc.date(from: components)
    }
}
