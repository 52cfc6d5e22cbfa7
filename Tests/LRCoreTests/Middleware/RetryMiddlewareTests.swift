import Foundation
import LRCore
import Synchronization
import Testing

@Suite("Retry middleware")
struct RetryMiddlewareTests {
    typealias Support = MiddlewareTestSupport

    @Test("exponential backoff with full jitter; each attempt is numbered for inner middleware")
    func backoffAndAttemptNumbers() async throws {
        let transport = ScriptedTransport([Support.status(503), Support.status(502), Support.ok])
        let clock = FakeClock()
        let inner = RecordingMiddleware()
        let outer = RecordingMiddleware()
        let client = try Support.client(
            try Support.configuration(), transport: transport, clock: clock, fraction: 1,
            middleware: [outer], attemptMiddleware: [inner])
        let response = try await client.send(try Support.call(Support.getProfile))
        #expect(response.status == 200)
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200)])
        #expect(inner.calls.map(\.attempt) == [1, 2, 3])
        #expect(outer.calls.map(\.attempt) == [1])
    }

    @Test("the jitter is the random fraction of min(cap, base × 2^(n−1))")
    func jitterFractionAndCap() async throws {
        let transport = ScriptedTransport([Support.status(502)])
        let clock = FakeClock()
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(3), totalTimeout: nil)
        let client = try Support.client(
            try Support.configuration(retry: policy), transport: transport, clock: clock, fraction: 0.25)
        let error = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        #expect(error as? LoginRadiusError == .http(HTTPFailure(status: 502, bodySnippet: "")))
        #expect(transport.requests.count == 5)
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(500), .milliseconds(750), .milliseconds(750)])
        #expect(policy.backoffCeiling(afterAttempt: 1) == .seconds(1))
        #expect(policy.backoffCeiling(afterAttempt: 2) == .seconds(2))
        #expect(policy.backoffCeiling(afterAttempt: 3) == .seconds(3))
        #expect(policy.backoffCeiling(afterAttempt: 200) == .seconds(3))
    }

    @Test("the defaults are AWS standard mode: 3 attempts, 100 ms base, 20 s cap, budget 500/5/10/1")
    func defaults() {
        let policy = RetryPolicy.default
        #expect(policy.maxAttempts == 3)
        #expect(policy.baseDelay == .milliseconds(100))
        #expect(policy.maxDelay == .seconds(20))
        #expect(policy.totalTimeout == .seconds(60))
        #expect(policy.retryableStatuses == [429, 502, 503, 504])
        #expect(policy.budget == RetryBudget(capacity: 500, retryCost: 5, timeoutRetryCost: 10, successRefund: 1))
        #expect(policy.backoffCeiling(afterAttempt: 8) == .milliseconds(12_800))
        #expect(policy.backoffCeiling(afterAttempt: 9) == .seconds(20))
    }

    @Test("Retry-After in seconds on 429 is waited exactly")
    func retryAfterSeconds() async throws {
        let transport = ScriptedTransport([Support.status(429, headers: ["Retry-After": "7"]), Support.ok])
        let clock = FakeClock()
        let client = try Support.client(try Support.configuration(), transport: transport, clock: clock)
        let response = try await client.send(try Support.call(Support.getProfile))
        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test("Retry-After as an HTTP-date on 503 is measured from the clock's wall time")
    func retryAfterHTTPDate() async throws {
        // The fake clock starts at 2026-01-01 10:00:00 UTC, a Thursday.
        let transport = ScriptedTransport([
            Support.status(503, headers: ["Retry-After": "Thu, 01 Jan 2026 10:00:05 GMT"]), Support.ok,
        ])
        let clock = FakeClock()
        let client = try Support.client(try Support.configuration(), transport: transport, clock: clock)
        _ = try await client.send(try Support.call(Support.getProfile))
        #expect(clock.sleeps == [.seconds(5)])
        #expect(transport.requests.count == 2)
    }

    @Test("a Retry-After past the call's deadline is not waited for: the 429 is returned at once")
    func retryAfterClampedToDeadline() async throws {
        let transport = ScriptedTransport([Support.status(429, headers: ["Retry-After": "120"]), Support.ok])
        let clock = FakeClock()
        let client = try Support.client(
            try Support.configuration(retry: RetryPolicy(totalTimeout: .seconds(60))), transport: transport,
            clock: clock)
        let error = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        #expect(error as? LoginRadiusError == .tooManyRequests(TooManyRequests(retryAfter: .seconds(120))))
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("backoff stops at the deadline, and attempts are shortened to what is left of it")
    func deadlineShortensAttempts() async throws {
        let transport = ScriptedTransport([Support.status(503)])
        let clock = FakeClock()
        let policy = RetryPolicy(maxAttempts: 5, totalTimeout: .milliseconds(150), budget: nil)
        let client = try Support.client(
            try Support.configuration(retry: policy), transport: transport, clock: clock, fraction: 1)
        _ = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        // 100 ms fits in 150 ms; the next wait, 200 ms, would end after the deadline.
        #expect(clock.sleeps == [.milliseconds(100)])
        #expect(transport.requests.map(\.timeout) == [.milliseconds(150), .milliseconds(50)])
    }

    @Test("the retry budget runs out under sustained failure, and successes refill it")
    func budgetExhaustion() async throws {
        let transport = ScriptedTransport([Support.status(503)])
        let budget = RetryBudget(capacity: 10, retryCost: 5, timeoutRetryCost: 10, successRefund: 1)
        let client = try Support.client(
            try Support.configuration(retry: RetryPolicy(budget: budget)), transport: transport, clock: FakeClock())
        _ = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        #expect(transport.requests.count == 3) // two retries: 10 tokens
        _ = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        #expect(transport.requests.count == 4) // empty bucket: no retry
    }

    @Test("the bucket: retries take tokens, timeouts more, a success after retries gives them back")
    func budgetAccounting() async throws {
        let budget = RetryBudget(capacity: 20, retryCost: 5, timeoutRetryCost: 10, successRefund: 1)
        let middleware = RetryMiddleware(policy: RetryPolicy(budget: budget), clock: FakeClock(), randomFraction: { 0 })
        let replies = Replies([Support.failure(.timedOut, reached: true), Support.status(503), Support.ok])
        let context = LoginRadiusRequestContext(operation: Support.getProfile, logger: .init(label: "x"))
        let request = LoginRadiusRequest(method: .get, baseURL: "https://api.example.com", pathSegments: ["a"])
        let next = MiddlewareNext { _, _ in try replies.next().get() }
        #expect(middleware.availableRetryTokens == 20)
        _ = try await middleware.intercept(request, context: context, next: next)
        #expect(middleware.availableRetryTokens == 20) // 10 + 5 taken, 15 given back
        let failing = MiddlewareNext { _, _ in try Support.status(503).get() }
        _ = try await middleware.intercept(request, context: context, next: failing)
        #expect(middleware.availableRetryTokens == 10)
        _ = try await middleware.intercept(
            request, context: context, next: MiddlewareNext { _, _ in try Support.ok.get() })
        #expect(middleware.availableRetryTokens == 11)
    }

    @Test("a POST is not retried once it may have reached the server (429 excepted: not processed)")
    func postNotRetriedAfterPossibleSend() async throws {
        for reply in [
            Support.failure(.connectionLost, reached: true), Support.failure(.timedOut, reached: true),
            Support.status(503), Support.status(504),
        ] {
            let transport = ScriptedTransport([reply, Support.ok])
            let clock = FakeClock()
            let client = try Support.client(try Support.configuration(), transport: transport, clock: clock)
            _ = await Support.error { _ = try await client.send(try Support.call(Support.login)) }
            #expect(transport.requests.count == 1, "\(reply)")
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test("a POST is retried when the request certainly never left: resolve, connect, TLS handshake")
    func postRetriedWhenNeverSent() async throws {
        for reply in [
            Support.failure(.couldNotResolveHost, code: 6, reached: false),
            Support.failure(.couldNotConnect, code: 7, reached: false),
            Support.failure(.tls, code: 35, reached: false), Support.failure(.timedOut, code: 28, reached: false),
        ] {
            let transport = ScriptedTransport([reply, Support.ok])
            let client = try Support.client(try Support.configuration(), transport: transport)
            let response = try await client.send(try Support.call(Support.login))
            #expect(response.status == 200)
            #expect(transport.requests.count == 2, "\(reply)")
        }
    }

    @Test("a POST marked idempotent is retried like a GET")
    func idempotentPostRetried() async throws {
        let transport = ScriptedTransport([
            Support.failure(.connectionLost, reached: true), Support.status(503), Support.ok,
        ])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let response = try await client.send(try Support.call(Support.idempotentPost))
        #expect(response.status == 200)
        #expect(transport.requests.count == 3)
    }

    @Test("GET, PUT and DELETE are retried on lost connections, timeouts and 502/503/504/429")
    func idempotentMethodsRetried() async throws {
        for method in [LoginRadiusRequest.Method.get, .put, .delete] {
            let operation = OperationDescriptor(
                name: "op", group: "g", method: method, pathTemplate: "identity/v2/x", documentation: "x")
            let transport = ScriptedTransport([
                Support.failure(.connectionLost, code: 56, reached: true),
                Support.failure(.timedOut, code: 28, reached: true),
            ])
            let client = try Support.client(try Support.configuration(), transport: transport)
            _ = await Support.error { _ = try await client.send(try Support.call(operation)) }
            #expect(transport.requests.count == 3, "\(method)")
        }
        for status in [429, 502, 503, 504] {
            let transport = ScriptedTransport([Support.status(status), Support.ok])
            let client = try Support.client(try Support.configuration(), transport: transport)
            #expect(try await client.send(try Support.call(Support.getProfile)).status == 200)
            #expect(transport.requests.count == 2, "\(status)")
        }
    }

    @Test("permanent failures are not retried: 400, 500, certificate errors, size limits")
    func permanentFailuresNotRetried() async throws {
        for reply in [
            Support.status(400, body: #"{"ErrorCode":1048,"Description":"x"}"#), Support.status(500),
            Support.failure(.tlsCertificate, code: 60, reached: false),
            // A custom transport's certificate failure (no libcurl code) is not retried either:
            // retry decides on the kind.
            Support.failure(.tlsCertificate, code: nil, reached: false),
            Support.failure(.responseTooLarge, reached: true),
            Support.failure(.other, reached: false),
        ] {
            let transport = ScriptedTransport([reply, Support.ok])
            let client = try Support.client(try Support.configuration(), transport: transport)
            _ = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
            #expect(transport.requests.count == 1, "\(reply)")
        }
    }

    @Test("cancelling the task during the backoff ends the call at once, without another attempt")
    func cancellationDuringBackoff() async throws {
        let transport = ScriptedTransport([Support.status(503)])
        let clock = BlockingClock()
        let client = try Support.client(try Support.configuration(), transport: transport, clock: clock)
        let call = try Support.call(Support.getProfile)
        let started = ContinuousClock.now
        let task = Task { try await client.send(call) }
        while clock.sleepCount == 0, ContinuousClock.now - started < .seconds(25) {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(clock.sleepCount == 1)
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(transport.requests.count == 1)
        #expect(ContinuousClock.now - started < .seconds(25))
    }

    @Test("a cancelled task makes no attempt at all")
    func cancelledBeforeStart() async throws {
        let transport = ScriptedTransport([Support.ok])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let call = try Support.call(Support.getProfile)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(call)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(transport.requests.isEmpty)
    }

    @Test("each attempt is signed anew: a moving clock gives a fresh X-Request-Expires and digest")
    func resignedPerAttempt() async throws {
        let transport = ScriptedTransport([Support.status(503, headers: ["Retry-After": "2"]), Support.ok])
        let clock = FakeClock()
        let client = try Support.client(
            try Support.configuration(requestSigning: true), transport: transport, clock: clock)
        _ = try await client.send(try Support.call(Support.manageGet))
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(
            requests.map { $0.headers[LoginRadiusHeaderName.requestExpires] } == [
                "2026-01-01 11:00:00", "2026-01-01 11:00:02",
            ])
        let digests = requests.compactMap { $0.headers[LoginRadiusHeaderName.digest] }
        #expect(digests.count == 2)
        #expect(digests[0] != digests[1])
        #expect(digests.allSatisfy { $0.hasPrefix("SHA-256=") })
        #expect(requests.allSatisfy { !$0.headers.contains(LoginRadiusHeaderName.apiSecret) })
        let signer = RequestSigner(secret: TestCredentials.apiSecret)
        #expect(
            digests[1] == "SHA-256=" + signer.digest(expiry: "2026-01-01 11:00:02", url: requests[1].url, body: nil))
    }

    @Test("RetryPolicy.disabled makes one attempt and installs no retry middleware")
    func disabled() async throws {
        let transport = ScriptedTransport([Support.status(503), Support.ok])
        let client = try Support.client(try Support.configuration(retry: .disabled), transport: transport)
        _ = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        #expect(transport.requests.count == 1)
        #expect(!client.middlewareNames.contains("RetryMiddleware"))
    }

    @Test("unusable retry settings are configuration errors")
    func validation() {
        #expect(throws: LoginRadiusError.invalidConfiguration("retry: maxAttempts must be at least 1")) {
            _ = try Support.configuration(retry: RetryPolicy(maxAttempts: 0))
        }
        #expect(throws: LoginRadiusError.invalidConfiguration("retry: maxDelay must not be below baseDelay")) {
            _ = try Support.configuration(retry: RetryPolicy(baseDelay: .seconds(2), maxDelay: .seconds(1)))
        }
        #expect(throws: LoginRadiusError.invalidConfiguration("retry: totalTimeout must be positive")) {
            _ = try Support.configuration(retry: RetryPolicy(totalTimeout: .zero))
        }
    }
}

/// Replies handed out in order (the last one repeats).
final class Replies: Sendable {
    private let queue: Mutex<[Result<LoginRadiusResponse, LoginRadiusError>]>

    init(_ replies: [Result<LoginRadiusResponse, LoginRadiusError>]) {
        queue = Mutex(replies)
    }

    func next() -> Result<LoginRadiusResponse, LoginRadiusError> {
        queue.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
    }
}
