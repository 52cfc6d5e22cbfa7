// Parsing the dates clients send to the management endpoints and the state file holds.
import Foundation

extension LoginRadiusDates {
    /// Parses ISO 8601 in UTC or with an offset, with or without fractional seconds
    /// (`2026-01-01T10:00:00.123Z`, `2018-07-15T08:30:08Z`).
    static func parseISO8601(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(trimmed, strategy: Date.ISO8601FormatStyle())
    }

    /// Parses the US form LoginRadius's samples use for role context expirations,
    /// `07/15/2018 8:30:08 AM` (UTC), or ISO 8601.
    static func parseFlexible(_ text: String) -> Date? {
        if let date = parseISO8601(text) { return date }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let day = parts[0].split(separator: "/").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, time.count == 2 || time.count == 3 else { return nil }
        var hour = time[0]
        if parts.count == 3 {
            switch parts[2].uppercased() {
            case "AM": hour = hour == 12 ? 0 : hour
            case "PM": hour = hour == 12 ? 12 : hour + 12
            default: return nil
            }
        }
        guard (1...12).contains(day[0]), (1...31).contains(day[1]), hour < 24, time[1] < 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.date(
            from: DateComponents(
                year: day[2], month: day[0], day: day[1], hour: hour, minute: time[1],
                second: time.count == 3 ? time[2] : 0))
    }
}
