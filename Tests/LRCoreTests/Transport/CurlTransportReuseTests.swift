import Foundation
import LRCore
import Testing

/// Pooled easy handles are configured once and never reset between transfers: whatever one request
/// set (method, body, fields, size cap, timeout) must not leak into the next request on the same
/// handle. And the loop is woken only while it sleeps: no submission, cancellation or shutdown may
/// be lost. Sequential calls on one transport reuse one handle, which each test checks.
@Suite("CurlTransport handle reuse and wake-ups")
struct CurlTransportReuseTests {
    /// The fields a request carried besides the ones libcurl adds.
    private static func ownFields(_ request: LoopbackHTTPServer.Request) -> [LoopbackHTTPServer.Field] {
        request.fields.filter { !["host", "user-agent", "content-length"].contains($0.name.lowercased()) }
    }

    private static func fields(_ headers: LoginRadiusHeaders) -> [LoopbackHTTPServer.Field] {
        headers.fields.map { LoopbackHTTPServer.Field(name: $0.name, value: $0.value) }
    }

    @Test("One reused handle sends each method with exactly its own body, Content-Length and fields")
    func methodSequenceOnOneHandle() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        // (method, body, fields, expected Content-Length values)
        let steps: [(LoginRadiusRequest.Method, Data?, LoginRadiusHeaders, [String])] = [
            (.post, Data("{\"a\":1}".utf8), ["Content-Type": "application/json", "X-Step": "post"], ["7"]),
            (.get, nil, ["X-Step": "get"], []), // after a POST: no body, no Content-Length
            (.delete, nil, [:], []),
            (.head, nil, [:], []),
            (.post, Data("xyz".utf8), [:], ["3"]), // after HEAD: a POST again, with its body
            (.put, nil, [:], ["0"]),
            (.get, nil, [:], []), // after PUT (a custom method): plain GET
            (.get, Data("q".utf8), [:], ["1"]),
            (.patch, Data([0x00, 0x01]), ["X-Step": "patch"], ["2"]),
            (.delete, Data("{}".utf8), [:], ["2"]),
            (.head, nil, ["Accept": "application/json"], []),
            (.get, nil, [:], []), // after HEAD: a GET that reads its body
        ]
        for (index, (method, body, headers, contentLength)) in steps.enumerated() {
            let response = try await transport.send(
                LoginRadiusRequest(
                    method: method, baseURL: server.baseURL, pathSegments: ["step", "\(index)"], headers: headers,
                    body: body)
            )
            #expect(response.status == 200, "step \(index)")
            #expect(response.headers["X-Method"] == method.rawValue, "step \(index)")
            #expect(response.body == (method == .head ? Data() : body ?? Data()), "step \(index)")
            let received = try #require(server.requests.last)
            #expect(server.requests.count == index + 1, "step \(index): one request each, nothing extra")
            #expect(received.method == method.rawValue, "step \(index)")
            #expect(received.target == "/step/\(index)", "step \(index)")
            #expect(received.body == Array(body ?? Data()), "step \(index)")
            #expect(received.values("Content-Length") == contentLength, "step \(index)")
            #expect(Self.ownFields(received) == Self.fields(headers), "step \(index)")
        }
        #expect(transport.easyHandlesCreated == 1)
        #expect(server.connectionCount == 1)
    }

    @Test("A HEAD's lifted size cap does not stick: the next GET on the handle is capped again")
    func sizeCapAfterHead() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(.init(body: Array(repeating: 0x41, count: 100))) }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport(maxResponseSize: 10)
        for round in 0..<2 {
            let head = try await transport.send(
                LoginRadiusRequest(method: .head, baseURL: server.baseURL, pathSegments: []))
            #expect(head.status == 200, "round \(round)")
            #expect(head.headers["Content-Length"] == "100", "round \(round)")
            #expect(head.body.isEmpty, "round \(round)")
            let (error, _) = await TransportTestSupport.timedError {
                _ = try await transport.send(
                    LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
            }
            #expect(try TransportTestSupport.requireFailure(error).kind == .responseTooLarge, "round \(round)")
        }
        #expect(transport.easyHandlesCreated == 1)
    }

    @Test("A request's own timeout applies to it alone, not to the next request on the handle")
    func perRequestTimeoutDoesNotStick() async throws {
        let server = try LoopbackHTTPServer { request in
            request.target == "/slow"
                ? .respondAfter(.milliseconds(2_500), .init(body: Array("slow".utf8)))
                : .respond(.init(body: Array("fast".utf8)))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport(requestTimeout: .seconds(30))
        let fast = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["fast"], timeout: .seconds(1)))
        #expect(fast.body == Data("fast".utf8))
        // Longer than the previous request's 1 s: only the transport's 30 s applies now.
        let slow = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["slow"]))
        #expect(slow.body == Data("slow".utf8))
        // The reply comes after 2.5 s and the transport allows 30 s: only the request's own 300 ms
        // can time this out.
        let (error, _) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(
                    method: .get, baseURL: server.baseURL, pathSegments: ["slow"], timeout: .milliseconds(300)))
        }
        #expect(try TransportTestSupport.requireFailure(error).kind == .timedOut)
        #expect(transport.easyHandlesCreated == 1)
    }

    @Test("Each call through a proxy on a reused handle carries the credentials and its own method and body")
    func proxyOnReusedHandle() async throws {
        let proxy = try LoopbackHTTPServer { request in .respond(.init(body: Array(request.target.utf8))) }
        defer { proxy.stop() }
        let transport = try TransportTestSupport.transport(
            proxy: ProxyConfiguration(url: proxy.baseURL, username: "proxy-user", password: "proxy-pass"))
        let credentials = "Basic " + Data("proxy-user:proxy-pass".utf8).base64EncodedString()
        let steps: [(LoginRadiusRequest.Method, Data?)] = [
            (.post, Data("one".utf8)), (.get, nil), (.delete, nil), (.post, Data("four".utf8)),
        ]
        for (index, (method, body)) in steps.enumerated() {
            let response = try await transport.send(
                LoginRadiusRequest(
                    method: method, baseURL: "http://api.example.invalid/", pathSegments: ["n", "\(index)"],
                    body: body))
            #expect(response.body == Data("http://api.example.invalid/n/\(index)".utf8), "step \(index)")
            let received = try #require(proxy.requests.last)
            #expect(received.method == method.rawValue, "step \(index)")
            #expect(received.body == Array(body ?? Data()), "step \(index)")
            #expect(received.values("Proxy-Authorization") == [credentials], "step \(index)")
            #expect(received.values("Host") == ["api.example.invalid"], "step \(index)")
        }
        #expect(proxy.requests.count == steps.count)
        #expect(transport.easyHandlesCreated == 1)
    }

    @Test("Header fields change between calls on one handle: each call sends exactly its own")
    func headerFieldsPerCall() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let sets: [LoginRadiusHeaders] = [
            ["X-A": "1", "Accept": "application/json"],
            [:],
            ["X-A": "1", "Accept": "application/json"], // the same lines as the first call
            ["X-A": "2", "Accept": "application/json"], // the same names, another value
            ["X-Empty": "", "Authorization": "Bearer t"],
            ["X-A": "1", "Accept": "application/json", "X-B": "3"],
            ["X-A": "1", "Accept": "application/json"],
        ]
        for (index, headers) in sets.enumerated() {
            _ = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: [], headers: headers))
            let received = try #require(server.requests.last)
            #expect(Self.ownFields(received) == Self.fields(headers), "call \(index)")
            #expect(received.values("Expect").isEmpty, "call \(index)")
        }
        #expect(transport.easyHandlesCreated == 1)
    }

    @Test("A request's own Accept and Content-Type, in any case, replace libcurl's, which are never added")
    func fieldNamesIgnoreCase() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let calls: [(LoginRadiusHeaders, Data?)] = [
            (["accept": "text/plain", "CONTENT-TYPE": "application/json"], Data("{}".utf8)),
            (["X-Other": "1"], Data("{}".utf8)), // neither: both of libcurl's are suppressed
            (["Accept": "*/*", "Content-type": "text/plain"], nil), // PUT: an empty body, its own type
        ]
        for (index, (headers, body)) in calls.enumerated() {
            _ = try await transport.send(
                LoginRadiusRequest(
                    method: body == nil ? .put : .post, baseURL: server.baseURL, pathSegments: [], headers: headers,
                    body: body))
            let received = try #require(server.requests.last)
            #expect(Self.ownFields(received) == Self.fields(headers), "call \(index)")
            #expect(received.values("Accept") == (headers["Accept"].map { [$0] } ?? []), "call \(index)")
            #expect(received.values("Content-Type") == (headers["Content-Type"].map { [$0] } ?? []), "call \(index)")
        }
        #expect(transport.easyHandlesCreated == 1)
    }

    @Test("Calls submitted while the loop finishes others, or while it sleeps, never lose a wake-up")
    func noLostWakeups() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        // With nothing in flight the loop sleeps up to a minute: a submission it missed would wait
        // that long, far beyond the generous bound below (a round normally takes well under 1 ms).
        let transport = try CurlTransport(
            options: .init(connectTimeout: .seconds(10), requestTimeout: .seconds(120)),
            idlePollInterval: .seconds(60))
        let bound = Duration.seconds(20)
        let clock = ContinuousClock()
        // Pairs: a second call arrives at a random moment around the first one's completion, when
        // the loop may be between taking its inbox and deciding to sleep, and nothing is submitted
        // after it that could wake the loop by chance. This is the window a missing re-check of the
        // inbox before sleeping loses (measured: a few percent of such rounds hang without it).
        for round in 0..<300 {
            let started = clock.now
            let delay = Int.random(in: 0...[100, 300, 1_000][round % 3])
            async let first = transport.send(
                LoginRadiusRequest(
                    method: .post, baseURL: server.baseURL, pathSegments: [], body: Data("a\(round)".utf8))
            )
            async let second: LoginRadiusResponse = {
                try await Task.sleep(for: .microseconds(delay))
                return try await transport.send(
                    LoginRadiusRequest(
                        method: .post, baseURL: server.baseURL, pathSegments: [], body: Data("b\(round)".utf8)))
            }()
            let (a, b) = try await (first, second)
            #expect(a.body == Data("a\(round)".utf8) && b.body == Data("b\(round)".utf8))
            let elapsed = clock.now - started
            try #require(elapsed < bound, "round \(round) took \(elapsed): a submission waited for the idle poll")
        }
        // Sequential, sometimes right after the previous reply, sometimes after the loop fell asleep.
        for index in 0..<200 {
            if index.isMultiple(of: 3) { try await Task.sleep(for: .microseconds(Int.random(in: 0...2_000))) }
            let started = clock.now
            let response = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["s", "\(index)"]))
            #expect(response.headers["X-Target"] == "/s/\(index)")
            try #require(clock.now - started < bound, "call \(index) waited for the idle poll")
        }
        // Bursts: many tasks submitting while others' replies arrive (wake-ups coalesce).
        let burstStarted = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<40 {
                        if index.isMultiple(of: 4) { try await Task.sleep(for: .microseconds(Int.random(in: 0...500))) }
                        let body = Data("\(task)-\(index)".utf8)
                        let response = try await transport.send(
                            LoginRadiusRequest(method: .post, baseURL: server.baseURL, pathSegments: [], body: body))
                        #expect(response.body == body)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(clock.now - burstStarted < bound)
        let expectedRequests = 2 * 300 + 200 + 8 * 40
        #expect(server.requests.count == expectedRequests)
    }

    @Test("Cancelling a call while the loop sleeps, and releasing an idle transport, wake it at once")
    func cancellationAndShutdownWakeTheLoop() async throws {
        let server = try LoopbackHTTPServer { _ in .neverRespond }
        defer { server.stop() }
        let clock = ContinuousClock()
        let transport = try CurlTransport(
            options: .init(requestTimeout: .seconds(120)), idlePollInterval: .seconds(120))
        let task = Task {
            try await transport.send(LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        }
        try await server.waitUntil { !$0.requests.isEmpty }
        // The loop is asleep, waiting for the reply.
        try await TransportTestSupport.waitUntilAsleep(kernelID: transport.loopThreadKernelID)
        let cancelled = clock.now
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(clock.now - cancelled < .seconds(20))

        var idle: CurlTransport? = try CurlTransport(options: .init(), idlePollInterval: .seconds(120))
        let id = try #require(idle?.loopThreadKernelID)
        try await TransportTestSupport.waitUntilAsleep(kernelID: id) // asleep with nothing in flight
        let released = clock.now
        idle = nil // deinit asks the thread to stop and returns at once; the thread ends on its own
        // The loop sleeps for up to 120 s: the thread ending well before shows the wake-up.
        while TransportTestSupport.threadName(kernelID: id) != nil, clock.now - released < .seconds(20) {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(clock.now - released < .seconds(20))
        #expect(TransportTestSupport.threadName(kernelID: id) == nil)
        withExtendedLifetime(idle) {}

        // An explicit shutdown wakes the sleeping loop too, and returns once it has closed.
        let explicit = try CurlTransport(options: .init(), idlePollInterval: .seconds(120))
        try await TransportTestSupport.waitUntilAsleep(kernelID: explicit.loopThreadKernelID)
        let shutdownStarted = clock.now
        await explicit.shutdown()
        #expect(clock.now - shutdownStarted < .seconds(20))
        await explicit.shutdown() // again: returns at once
        let error = await TransportTestSupport.timedError {
            _ = try await explicit.send(LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        }.error
        #expect((error as? LoginRadiusError)?.code == .shutDown)
    }
}
