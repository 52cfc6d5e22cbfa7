// The emulator's clock: the configured clock plus an offset that `POST /emulator/v1/clock`
// moves, so that tokens, OTPs, SOTTs and lockouts expire without waiting. Every expiry check
// reads `engine.now`, which reads this.
import Foundation

final class EmulatorClock: Sendable {
    private let base: @Sendable () -> Date
    private let offset = LockedValue<TimeInterval>(0)

    init(base: @escaping @Sendable () -> Date) {
        self.base = base
    }

    var now: Date { base().addingTimeInterval(offset.get()) }

    /// How far the clock has been moved from the configured clock, in seconds.
    var offsetSeconds: TimeInterval { offset.get() }

    func advance(by seconds: TimeInterval) {
        offset.set(offset.get() + seconds)
    }

    func set(to date: Date) {
        offset.set(date.timeIntervalSince(base()))
    }

    func reset() {
        offset.set(0)
    }
}
