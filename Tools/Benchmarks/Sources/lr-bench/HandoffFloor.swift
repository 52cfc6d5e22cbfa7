// The floor of any async transport that does its I/O on a thread of its own: one call is a
// hand-off from a cooperative-pool task to that thread (a write to a pipe the thread polls, as
// `curl_multi_wakeup` does) and back (resuming the continuation enqueues the task on the global
// pool, which wakes a pool thread). No network, no work: just the two wake-ups the SDK's
// transport pays per call and `curl_easy_perform` in a loop does not.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

final class HandoffThread: @unchecked Sendable {
    private var fds: [Int32] = [-1, -1]
    private let lock = NSLock()
    private var pending: [CheckedContinuation<Void, Never>] = []

    init() {
        _ = fds.withUnsafeMutableBufferPointer { pipe($0.baseAddress) }
        let thread = Thread { [self] in loop() }
        thread.start()
    }

    /// Hands `continuation` to the thread, which resumes it as soon as it wakes.
    func submit(_ continuation: CheckedContinuation<Void, Never>) {
        lock.lock()
        pending.append(continuation)
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(fds[1], &byte, 1)
    }

    private func loop() {
        var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            _ = poll(&poller, 1, -1)
            _ = read(fds[0], &buffer, buffer.count)
            lock.lock()
            let ready = pending
            pending.removeAll(keepingCapacity: true)
            lock.unlock()
            for continuation in ready { continuation.resume() }
        }
    }
}
