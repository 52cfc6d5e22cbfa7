import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `{"id": …}` from the fault server's echo.
struct StressEcho: Codable, Sendable {
    var id: String
}

/// Counts attempts after the first (retries), per attempt inside the retry loop.
final class RetryCounter: LoginRadiusMiddleware {
    private let retries = Mutex(0)
    var count: Int { retries.withLock { $0 } }

    func intercept(
        _ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        if context.attempt > 1 { retries.withLock { $0 += 1 } }
        return try await next(request, context)
    }
}

/// What one round of the stress run measured.
struct StressFigures: Sendable, CustomStringConvertible {
    var calls = 0
    var matched = 0
    var emulatorRetries = 0
    var mismatches: [String] = []
    var seconds = 0.0
    var fdsBefore = 0
    var fdsDuring = 0
    var fdsAfter = 0
    var rssBeforeKB = 0
    var rssAfterKB = 0

    var description: String {
        "calls=\(calls) concurrency=\(calls) matched=\(matched) emulator_retries=\(emulatorRetries) seconds=\(String(format: "%.2f", seconds)) "
            + "fds_before=\(fdsBefore) fds_during=\(fdsDuring) fds_after=\(fdsAfter) rss_before_kb=\(rssBeforeKB) rss_after_kb=\(rssAfterKB)"
    }
}

enum ProcessFigures {
    /// Open file descriptors of this process (entries of /proc/self/fd, minus the one listing it).
    static func openFDs() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 1) - 1
    }

    /// Raises the soft limit on open descriptors to at least `wanted` (up to the hard limit): the
    /// run holds about three descriptors per concurrent call (client, server and emulator ends).
    static func raiseDescriptorLimit(to wanted: Int) {
        #if canImport(Glibc)
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(wanted)
            else { return }
            limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
            _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #endif
    }

    /// Resident set size in kB (VmRSS of /proc/self/status).
    static func rssKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        return -1
    }
}

/// 1,000 concurrent calls through one libcurl transport, half to the in-process emulator and half
/// to a fault server (echo, reset, 503, silent): no crash, no hang (a deadline), no file-descriptor
/// growth, and every call gets its own answer.
@Suite("Stress: 1,000 concurrent calls, emulator and faults mixed", .serialized, .timeLimit(.minutes(3)))
struct StressTests {
    static let calls = 1_000
    static let users = 20
    static let deadline: Duration = .seconds(90)
    static let fdSlack = 16

    /// What call `index` expects.
    enum Plan {
        case profile(user: Int)
        case echo, reset, unavailable, silent

        init(_ index: Int) {
            if index % 2 == 0 {
                self = .profile(user: (index / 2) % StressTests.users)
                return
            }
            switch (index / 2) % 4 {
            case 0: self = .echo
            case 1: self = .reset
            case 2: self = .unavailable
            default: self = .silent
            }
        }
    }

    /// Runs one call and says whether its outcome is the one its plan expects; `nil` when it is.
    static func run(_ index: Int, emulator: LoginRadiusClient, faults: LoginRadiusClient, uids: [String]) async
        -> String?
    {
        let plan = Plan(index)
        do {
            switch plan {
            case .profile(let user):
                let profile = try await emulator.account.getAccountProfileByUID(uid: uids[user])
                return profile.uid == uids[user] && profile.firstName == "Stress\(user)"
                    ? nil : "\(index): wrong profile \(profile.uid ?? "-")"
            case .echo, .reset, .unavailable, .silent:
                let echo = try await faults.callEndpoint(
                    .get, "stress/\(plan)", query: [QueryItem(name: "id", value: "\(index)")], as: StressEcho.self)
                guard case .echo = plan else { return "\(index): \(plan) succeeded" }
                return echo.id == "\(index)" ? nil : "\(index): got the answer of \(echo.id)"
            }
        } catch let error as LoginRadiusError {
            switch plan {
            case .reset where error.transport?.kind == .connectionLost: return nil
            case .unavailable where error.http?.status == 503: return nil
            case .silent where error.transport?.kind == .timedOut: return nil
            default: return "\(index): \(plan) → \(error)"
            }
        } catch {
            return "\(index): \(plan) → \(type(of: error)) \(error)"
        }
    }

    /// One round: a fresh transport shared by two clients, `calls` calls at once, then released.
    static func round(emulatorURL: String, faultURL: String, uids: [String]) async throws -> StressFigures {
        var figures = StressFigures()
        figures.calls = calls
        figures.fdsBefore = ProcessFigures.openFDs()
        figures.rssBeforeKB = ProcessFigures.rssKB()
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let emulatorConfiguration = try LoginRadiusConfiguration(
                apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                baseURL: emulatorURL, connectTimeout: .seconds(10), requestTimeout: .seconds(30),
                // The one line per call at trace: 2,000 calls would flood the default logger.
                logging: LoggingPolicy(callLevel: .trace))
            let faultConfiguration = try LoginRadiusConfiguration(
                apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                baseURL: faultURL, connectTimeout: .seconds(10), requestTimeout: .seconds(3), retry: .disabled,
                logging: LoggingPolicy(callLevel: .trace))
            // One transport for both clients. Its timeouts are the ones that apply: a client given a
            // transport does not apply its own configuration.requestTimeout (see Docs/Reliability.md),
            // so the silent calls end after this 8 s, not the fault client's 3 s.
            let transport = try CurlTransport(
                options: .init(connectTimeout: .seconds(10), requestTimeout: .seconds(8), userAgent: "lr-stress"))
            let counter = RetryCounter()
            let emulator = try LoginRadiusClient(
                configuration: emulatorConfiguration, transport: transport, attemptMiddleware: [counter])
            let faults = try LoginRadiusClient(configuration: faultConfiguration, transport: transport)

            let outcome: [String?]? = try await withThrowingTaskGroup(of: [String?]?.self) { group in
                group.addTask {
                    await withTaskGroup(of: String?.self) { calls in
                        for index in 0..<Self.calls {
                            calls.addTask {
                                let callStart = ContinuousClock.now
                                let result = await Self.run(index, emulator: emulator, faults: faults, uids: uids)
                                let took = ContinuousClock.now - callStart
                                if took > .seconds(9) {
                                    print("RELIABILITY stress slow call \(index) \(Plan(index)) \(took)")
                                }
                                return result
                            }
                        }
                        var results: [String?] = []
                        for await result in calls { results.append(result) }
                        return results
                    }
                }
                group.addTask {
                    try await Task.sleep(for: Self.deadline)
                    return nil // the deadline passed first
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
            figures.seconds =
                Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds)
                * 1e-18
            figures.fdsDuring = ProcessFigures.openFDs()
            figures.emulatorRetries = counter.count
            guard let outcome else {
                Issue.record("the calls did not finish within \(Self.deadline): a hang")
                return figures
            }
            figures.mismatches = outcome.compactMap { $0 }
            figures.matched = outcome.count - figures.mismatches.count
        }
        // Everything is released: the transport's thread and connections are gone; the servers
        // close their ends when they see the FIN. Give them a moment.
        for _ in 0..<60 {
            if ProcessFigures.openFDs() <= figures.fdsBefore + fdSlack { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        figures.fdsAfter = ProcessFigures.openFDs()
        figures.rssAfterKB = ProcessFigures.rssKB()
        return figures
    }

    @Test("1,000 concurrent calls: each gets its own answer, none hangs, no descriptor leaks")
    func stress() async throws {
        ProcessFigures.raiseDescriptorLimit(to: 8 * Self.calls)
        let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0, passwordHashRounds: 1_000))
        let emulatorURL = try await emulator.start().absoluteString
        let faultServer = try LoopbackServer(keepAlive: true, backlog: 2048, reply: StressFaultReplies.reply)
        do {
            // Users to read back, made through a client that is released before measuring.
            var uids: [String] = []
            do {
                let setup = try LoginRadiusClient(
                    configuration: LoginRadiusConfiguration(
                        apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                        baseURL: emulatorURL))
                for user in 0..<Self.users {
                    let identity = try await setup.account.createAccount(
                        AccountCreateModel(
                            email: [
                                EmailAddress(
                                    type: "Primary", value: "stress\(user)-\(UUID().uuidString.prefix(8))@example.com")
                            ],
                            firstName: "Stress\(user)", password: "Stress-password-\(user)!"))
                    uids.append(try #require(identity.uid))
                }
            }
            var rounds: [StressFigures] = []
            for number in 1...1 {
                let figures = try await Self.round(emulatorURL: emulatorURL, faultURL: faultServer.baseURL, uids: uids)
                print("RELIABILITY stress round=\(number) \(figures)")
                #expect(figures.mismatches.isEmpty, "round \(number): \(figures.mismatches.prefix(10))")
                #expect(figures.matched == Self.calls)
                #expect(
                    figures.fdsAfter <= figures.fdsBefore + Self.fdSlack,
                    "round \(number): \(figures.fdsBefore) descriptors before, \(figures.fdsAfter) after")
                rounds.append(figures)
            }
            // A further round must not add to the first's descriptors.
            if rounds.count == 2 {
                #expect(rounds[1].fdsAfter <= rounds[0].fdsAfter + Self.fdSlack)
            }
        } catch {
            faultServer.stop()
            await emulator.stop()
            throw error
        }
        faultServer.stop()
        await emulator.stop()
    }
}
