import Foundation
import LRCore
import Testing

/// Cancellation and the transport's thread lifetime.
@Suite("CurlTransport lifecycle")
struct CurlTransportLifecycleTests {
    @Test("Cancelling a call in flight throws CancellationError promptly and frees the connection")
    func cancellationInFlight() async throws {
        let server = try LoopbackHTTPServer { request in
            request.target == "/hang" ? .neverRespond : .respond(.init(body: Array("alive".utf8)))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport(requestTimeout: .seconds(30))
        let task = Task {
            try await transport.send(LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["hang"]))
        }
        // Cancel once the request is surely in flight: the server has received it, and the
        // transport's loop is asleep waiting for the reply.
        try await server.waitUntil { !$0.requests.isEmpty }
        try await TransportTestSupport.waitUntilAsleep(kernelID: transport.loopThreadKernelID)
        let clock = ContinuousClock()
        let cancelled = clock.now
        task.cancel()
        let result = await task.result
        let elapsed = clock.now - cancelled
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(elapsed < .seconds(3))
        #expect(server.requests.map(\.target) == ["/hang"])

        // The transport keeps working; the aborted connection is not reused.
        let response = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["after"]))
        #expect(response.body == Data("alive".utf8))
        #expect(response.metrics?.newConnections == 1)
    }

    @Test("A task cancelled before sending throws CancellationError and sends nothing")
    func cancellationBeforeSending() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        }
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(server.requests.isEmpty)
    }

    @Test("Many concurrent calls cancelled at random points all end, and the transport stays usable")
    func cancellationStorm() async throws {
        let server = try LoopbackHTTPServer { request in
            request.target.hasPrefix("/slow")
                ? .respondAfter(.milliseconds(50), .init(body: Array("s".utf8)))
                : .respond(.init(body: Array("f".utf8)))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        var tasks: [Task<LoginRadiusResponse, any Error>] = []
        for index in 0..<40 {
            tasks.append(
                Task {
                    try await transport.send(
                        LoginRadiusRequest(
                            method: .get, baseURL: server.baseURL,
                            pathSegments: [index.isMultiple(of: 2) ? "slow" : "fast", "\(index)"]))
                })
        }
        for (index, task) in tasks.enumerated() where index % 3 == 0 {
            try await Task.sleep(for: .microseconds(Int.random(in: 0...2_000)))
            task.cancel()
        }
        for task in tasks {
            switch await task.result {
            case .success(let response): #expect(response.status == 200)
            case .failure(let error): #expect(error is CancellationError)
            }
        }
        let response = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["fast"]))
        #expect(response.body == Data("f".utf8))
    }

    @Test("Released transports stop and join their threads: none is left behind")
    func threadsAreReleased() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let threadsBefore = TransportTestSupport.threadCount()
        var transports: [CurlTransport] = []
        for _ in 0..<20 { transports.append(try TransportTestSupport.transport()) }
        let ids = transports.map(\.loopThreadKernelID)
        #expect(Set(ids).count == 20)
        for id in ids { #expect(TransportTestSupport.threadName(kernelID: id) == "lr-curl-loop") }
        for transport in transports {
            let response = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
            #expect(response.status == 200)
        }

        transports.removeAll() // deinit stops and joins each thread before it returns

        // Exact: each transport's own thread is gone once the transport is released (deinit joins
        // it). The kernel may list a joined thread in /proc for a moment longer (seen under the
        // sanitizers), so this waits up to 5 s for the entries to go.
        let clock = ContinuousClock()
        let joinDeadline = clock.now + .seconds(5)
        func stillListed() -> [Int] { ids.filter { TransportTestSupport.threadName(kernelID: $0) == "lr-curl-loop" } }
        while !stillListed().isEmpty, clock.now < joinDeadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(stillListed().isEmpty, "threads \(stillListed()) outlived their transports")
        // Overall: the process is back to its thread count. Tests running in parallel start and
        // end threads of their own, so this waits (up to 5 s) for the count to settle.
        let deadline = clock.now + .seconds(5)
        while TransportTestSupport.threadCount() > threadsBefore + 2, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(TransportTestSupport.threadCount() <= threadsBefore + 2)
    }

    @Test("Creating and releasing transports repeatedly does not accumulate threads")
    func repeatedCreateRelease() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        var ids: [Int] = []
        for _ in 0..<50 {
            let transport = try TransportTestSupport.transport()
            ids.append(transport.loopThreadKernelID)
            _ = try await transport.send(LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        }
        // A joined thread's /proc entry can outlive pthread_join by a moment (seen under
        // ThreadSanitizer), and its ID may be reused by another thread: wait (up to 5 s) until no
        // ID still names a loop thread.
        func loopsLeft() -> Int { ids.filter { TransportTestSupport.threadName(kernelID: $0) == "lr-curl-loop" }.count }
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while loopsLeft() > 0, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(loopsLeft() == 0)
    }
}
