import Foundation
import LRCore
import Synchronization

/// A clock that never really sleeps: `sleep(for:)` records the duration and moves both the
/// monotonic and the wall time forward by it.
final class FakeClock: LoginRadiusClock {
    /// 2026-01-01 10:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_767_261_600)

    private let state: Mutex<(elapsed: Duration, wall: Date, sleeps: [Duration])>

    init(wall: Date = FakeClock.start) {
        state = Mutex((.zero, wall, []))
    }

    var monotonicNow: Duration { state.withLock { $0.elapsed } }
    var wallNow: Date { state.withLock { $0.wall } }
    /// Every sleep so far, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(duration)
        }
        advance(by: duration)
    }

    /// Moves time forward without a sleep (time spent in an attempt).
    func advance(by duration: Duration) {
        state.withLock { state in
            state.elapsed += duration
            state.wall = state.wall.addingTimeInterval(MiddlewareTestSupport.seconds(duration))
        }
    }
}

/// A clock whose `sleep` blocks (for up to ten minutes of real time) until the task is cancelled.
final class BlockingClock: LoginRadiusClock {
    private let sleepers = Mutex(0)
    private let origin = ContinuousClock.now

    var monotonicNow: Duration { ContinuousClock.now - origin }
    var wallNow: Date { Date() }
    /// How many sleeps have started.
    var sleepCount: Int { sleepers.withLock { $0 } }

    func sleep(for duration: Duration) async throws {
        sleepers.withLock { $0 += 1 }
        try await Task.sleep(for: .seconds(600))
    }
}
