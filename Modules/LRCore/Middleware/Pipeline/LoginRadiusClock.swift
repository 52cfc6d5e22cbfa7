public import Foundation

/// Time as the SDK's middleware sees it: a monotonic clock for backoff, deadlines and durations,
/// the wall clock for request-signing expiries and `Retry-After` dates, and sleeping.
///
/// ``LoginRadiusClient`` uses ``LoginRadiusSystemClock`` unless you pass another one; tests pass
/// a fake clock whose `sleep` only advances its time, so backoff is tested without waiting.
public protocol LoginRadiusClock: Sendable {
    /// Monotonic time since an arbitrary fixed origin; only differences are meaningful.
    var monotonicNow: Duration { get }
    /// The current wall-clock time.
    var wallNow: Date { get }
    /// Suspends the calling task for `duration` (returns at once for zero or less).
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled before or while sleeping.
    func sleep(for duration: Duration) async throws
}

/// The real clocks: `ContinuousClock` for monotonic time and sleeping, `Date()` for wall time.
public struct LoginRadiusSystemClock: LoginRadiusClock {
    private let origin: ContinuousClock.Instant

    /// Creates the clock; its monotonic origin is the moment of creation.
    public init() {
        origin = ContinuousClock.now
    }

    /// Time since the clock was created, from `ContinuousClock` (which keeps counting while the
    /// machine sleeps).
    public var monotonicNow: Duration { ContinuousClock.now - origin }

    /// `Date()`.
    public var wallNow: Date { Date() }

    /// Sleeps with `Task.sleep(for:)`.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled.
    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else {
            try Task.checkCancellation()
            return
        }
        try await Task.sleep(for: duration)
    }
}
