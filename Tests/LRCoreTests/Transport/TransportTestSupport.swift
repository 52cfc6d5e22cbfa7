import Foundation
import LRCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Shared helpers for the `CurlTransport` tests.
enum TransportTestSupport {
    /// A transport with short timeouts, so a broken test fails fast instead of hanging.
    static func transport(
        connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(10),
        proxy: ProxyConfiguration? = nil,
        maxResponseSize: Int = CurlTransport.Options.defaultMaxResponseSize,
        userAgent: String? = "lr-tests/1"
    ) throws -> CurlTransport {
        try CurlTransport(
            options: .init(
                connectTimeout: connectTimeout, requestTimeout: requestTimeout, proxy: proxy,
                maxResponseSize: maxResponseSize, userAgent: userAgent)
        )
    }

    /// A server that echoes the request body and reports method and target in fields.
    static func echoServer() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            .respond(
                .init(
                    status: 200,
                    fields: [
                        .init(name: "X-Method", value: request.method),
                        .init(name: "X-Target", value: request.target),
                    ],
                    body: request.body))
        }
    }

    /// The `TransportFailure` inside `error`, or `nil` when it is something else.
    static func transportFailure(_ error: any Error) -> TransportFailure? {
        if let failure = (error as? LoginRadiusError)?.transport { return failure }
        return nil
    }

    /// The `TransportFailure` that `error` must be; records an issue and throws otherwise.
    static func requireFailure(_ error: (any Error)?, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> TransportFailure
    {
        let error = try #require(error, "expected an error", sourceLocation: sourceLocation)
        return try #require(
            transportFailure(error), "expected LoginRadiusError.transport, got \(error)", sourceLocation: sourceLocation
        )
    }

    /// Runs `body` and returns its error (or `nil`) with the time it took.
    static func timedError(_ body: () async throws -> Void) async -> (error: (any Error)?, elapsed: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await body()
            return (nil, clock.now - start)
        } catch {
            return (error, clock.now - start)
        }
    }

    /// The name of the thread with kernel id `id` in this process, or `nil` when it does not exist.
    static func threadName(kernelID id: Int) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/self/task/\(id)/comm") else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Returns once the thread with kernel id `id` is blocked in the kernel waiting for I/O
    /// (`poll`, `epoll_wait`, `select` and kin: where an idle transport loop sleeps), as
    /// `/proc/self/task/<id>/{stat,syscall}` say, the same twice in a row so that a thread merely
    /// passing through is not taken for asleep.
    ///
    /// - Throws: `TransportTestSupport.NotAsleep` when that did not happen within `timeout` (a
    ///   bound for a failing test only).
    static func waitUntilAsleep(kernelID id: Int, timeout: Duration = .seconds(10)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var previous: Int?
        while clock.now < deadline {
            let current = ioWaitSyscall(kernelID: id)
            if let current, current == previous { return }
            previous = current
            try await Task.sleep(for: .milliseconds(2))
        }
        throw NotAsleep(description: "thread \(id) never slept in an I/O wait within \(timeout)")
    }

    /// A thread that did not go to sleep in time.
    struct NotAsleep: Error, CustomStringConvertible {
        let description: String
    }

    /// The I/O-wait system call thread `id` is blocked in, or `nil` when it runs or waits for
    /// anything else.
    static func ioWaitSyscall(kernelID id: Int) -> Int? {
        #if arch(x86_64)
            // poll, select, epoll_wait, pselect6, ppoll, epoll_pwait, epoll_pwait2
            let ioWaits: Set<Int> = [7, 23, 232, 270, 271, 281, 441]
        #elseif arch(arm64)
            // epoll_pwait, pselect6, ppoll, epoll_pwait2
            let ioWaits: Set<Int> = [22, 72, 73, 441]
        #else
            let ioWaits: Set<Int> = []
        #endif
        guard let stat = FileManager.default.contents(atPath: "/proc/self/task/\(id)/stat"),
            let syscall = FileManager.default.contents(atPath: "/proc/self/task/\(id)/syscall")
        else { return nil }
        // stat: "tid (comm) S …": the state follows the last ')'.
        let statText = String(decoding: stat, as: UTF8.self)
        guard let close = statText.lastIndex(of: ")"),
            statText[statText.index(after: close)...].trimmingCharacters(in: .whitespaces).first == "S",
            let number = String(decoding: syscall, as: UTF8.self).split(separator: " ").first.flatMap({ Int($0) }),
            ioWaits.contains(number)
        else { return nil }
        return number
    }

    /// The number of threads in this process.
    static func threadCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? -1
    }
}
