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

    /// The number of threads in this process.
    static func threadCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? -1
    }
}
