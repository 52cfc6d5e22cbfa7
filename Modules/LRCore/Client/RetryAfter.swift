package import Foundation

/// Parses `Retry-After` (RFC 9110 §10.2.3): delay seconds or an HTTP-date.
package enum RetryAfter {
    /// The delay `value` asks for, measured from `now`; `nil` when it is neither form.
    package static func parse(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 {
            return .seconds(seconds)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let delay = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((delay * 1000).rounded()))
            }
        }
        return nil
    }
}
