// A fixed-window request counter for `EmulatorConfiguration.rateLimit`: the window starts with
// the first request and lasts `window`; past `requests` requests in it, callers are told how
// many whole seconds remain.
import Foundation

actor RateLimiter {
    let limit: RateLimit
    private var windowStart: Date?
    private var count = 0

    init(_ limit: RateLimit) {
        self.limit = limit
    }

    /// Counts a request. Returns nil when it may proceed, or the seconds until the window ends.
    func admit(now: Date) -> Int? {
        let length = max(limit.window.timeInterval, 0.001)
        if let start = windowStart, now >= start, now.timeIntervalSince(start) < length {
            // Same window.
        } else {
            windowStart = now
            count = 0
        }
        guard count < limit.requests else {
            let remaining = (windowStart ?? now).addingTimeInterval(length).timeIntervalSince(now)
            return max(1, Int(remaining.rounded(.up)))
        }
        count += 1
        return nil
    }

    func reset() {
        windowStart = nil
        count = 0
    }
}
