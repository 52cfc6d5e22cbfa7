import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one plain-HTTP socket server of the SDK's tests: HTTP/1.1 on `127.0.0.1`, on POSIX sockets
/// so the package needs no server framework.
///
/// One thread accepts; each connection gets its own thread, which reads requests (a head plus a
/// `Content-Length` body), records them, and asks the handler what to do (an ``Action``): answer
/// (with `Content-Length`, chunked or close-delimited framing, optionally after a `100 Continue` or
/// a delay), never answer, drop the connection, or one of the scripted network and protocol faults
/// (resets, early closes, slow heads and bodies, wrong lengths, unsolicited replies; see
/// LoopbackHTTPServer+Faults.swift). Connections are kept alive between requests unless the
/// request or the response says `Connection: close`.
///
/// Tests wait on what the server saw — ``waitUntil(timeout:_:)`` resumes as soon as a request,
/// connection or close makes the condition true — never on a fixed sleep.
///
/// ```swift
/// let server = try LoopbackHTTPServer { request in .respond(.init(status: 200, body: Array("ok".utf8))) }
/// defer { server.stop() }
/// // send to server.baseURL …
/// ```
///
/// Always call ``stop()``: the server's threads keep it alive until then.
final class LoopbackHTTPServer: @unchecked Sendable {
    /// One header field as it arrived or is sent.
    struct Field: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// A request as the server received it.
    struct Request: Sendable {
        var method: String
        /// The request target as sent: `/path?query`, or an absolute URL through a proxy.
        var target: String
        var fields: [Field]
        var body: [UInt8]
        /// Which accepted connection carried it, counting from 1.
        var connection: Int

        /// The values of every field named `name` (case-insensitive), in order.
        func values(_ name: String) -> [String] {
            fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }

        /// The target without its query.
        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

        /// The value of query parameter `name`, undecoded.
        func query(_ name: String) -> String? {
            guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
            }
            return nil
        }
    }

    /// A response to send.
    struct Response: Sendable {
        enum Framing: Sendable {
            /// `Content-Length`.
            case contentLength
            /// `Transfer-Encoding: chunked`, in chunks of the given size.
            case chunked(chunkSize: Int)
            /// No length: the body ends when the server closes the connection.
            case closeDelimited
        }

        var status: Int
        var reason: String
        var fields: [Field]
        var body: [UInt8]
        var framing: Framing
        /// Send `HTTP/1.1 100 Continue` (with an `X-Interim` field) before the final response.
        var interimContinue: Bool

        init(
            status: Int = 200, reason: String = "Test", fields: [Field] = [], body: [UInt8] = [],
            framing: Framing = .contentLength, interimContinue: Bool = false
        ) {
            self.status = status
            self.reason = reason
            self.fields = fields
            self.body = body
            self.framing = framing
            self.interimContinue = interimContinue
        }
    }

    /// What the server has seen so far (the conditions of ``waitUntil(timeout:_:)`` read it).
    struct Activity: Sendable {
        /// Every request received, in arrival order.
        var requests: [Request] = []
        /// Connections accepted.
        var connectionsAccepted = 0
        /// Connections the server has closed (after the client closed, a fault, or ``stop()``).
        var connectionsClosed = 0
        /// ``Action/replyThenUnsolicited(body:forged:after:)`` replies written and acknowledged
        /// by the client's kernel (the bytes are in the client's receive buffer).
        var unsolicitedRepliesSent = 0
    }

    /// A ``waitUntil(timeout:_:)`` whose condition did not become true in time.
    struct WaitTimeout: Error, CustomStringConvertible {
        let description: String
    }

    typealias Handler = @Sendable (Request) -> Action

    /// The port the server listens on.
    let port: UInt16
    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private let handler: Handler
    private let rawReply: [UInt8]?
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false // lock
    /// Open connection sockets. Closed only under `lock`, so `stop()` never shuts down a
    /// descriptor number that was meanwhile reused by someone else in the process.
    private var openSockets: Set<Int32> = [] // lock
    private var activity = Activity() // lock
    private var waiters: [UUID: Waiter] = [:] // lock

    private struct Waiter {
        let condition: @Sendable (Activity) -> Bool
        let continuation: CheckedContinuation<Void, any Error>
        var timeout: Task<Void, Never>?
    }

    /// Starts listening on `127.0.0.1` on a free port.
    ///
    /// - Parameters:
    ///   - rawReply: When set, every connection gets exactly these bytes as soon as it is
    ///     accepted, without reading anything, and is then closed (for protocol-fault tests,
    ///     e.g. plain text where a TLS handshake is expected). The handler is not called.
    ///   - handler: Decides what to do with each request.
    /// - Throws: `POSIXError` when the listening socket cannot be created.
    init(rawReply: [UInt8]? = nil, handler: @escaping Handler = { _ in .respond(.init()) }) throws {
        self.handler = handler
        self.rawReply = rawReply
        (listener, port) = try Self.makeListener()
        Thread.detachNewThread { [self] in
            acceptLoop()
            close(listener)
        }
    }

    /// Every request received so far, in arrival order.
    var requests: [Request] { lock.withLock { activity.requests } }
    /// How many connections were accepted so far.
    var connectionCount: Int { lock.withLock { activity.connectionsAccepted } }
    /// How many ``Action/replyThenUnsolicited(body:forged:after:)`` replies reached the client so far.
    var unsolicitedRepliesSent: Int { lock.withLock { activity.unsolicitedRepliesSent } }

    var isStopped: Bool { lock.withLock { stopped } }

    /// Returns as soon as `condition` holds for what the server has seen (at once if it already
    /// does); the server re-checks it on every request, connection and close.
    ///
    /// - Parameters:
    ///   - timeout: Only a bound for a failing test: the wait throws after it.
    ///   - condition: What must have happened.
    /// - Throws: ``WaitTimeout`` when `condition` is still false after `timeout`.
    func waitUntil(
        timeout: Duration = .seconds(10), _ condition: @escaping @Sendable (Activity) -> Bool
    ) async throws {
        let id = UUID()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let holds: Bool = lock.withLock {
                if condition(activity) { return true }
                waiters[id] = Waiter(condition: condition, continuation: continuation)
                return false
            }
            if holds { return continuation.resume() }
            let timer = Task { [weak self] in
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled, let self else { return }
                let expired = self.lock.withLock { self.waiters.removeValue(forKey: id) }
                expired?.continuation.resume(
                    throwing: WaitTimeout(
                        description: "the loopback server did not see the awaited event in \(timeout)"))
            }
            lock.withLock {
                if waiters[id] != nil { waiters[id]?.timeout = timer } else { timer.cancel() }
            }
        }
    }

    /// Records a change and resumes the waits whose condition now holds.
    func record(_ change: (inout Activity) -> Void) {
        let satisfied: [Waiter] = lock.withLock {
            change(&activity)
            let ready = waiters.filter { $0.value.condition(activity) }
            for id in ready.keys { waiters[id] = nil }
            return Array(ready.values)
        }
        for waiter in satisfied {
            waiter.timeout?.cancel()
            waiter.continuation.resume()
        }
    }

    /// Stops accepting and shuts every connection down, without waiting: each connection thread
    /// closes its own socket as it ends (the accept thread the listener), so no test task is
    /// ever blocked.
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            for socket in openSockets { shutdown(socket, Int32(SHUT_RDWR)) } // wakes blocked reads
            shutdown(listener, Int32(SHUT_RDWR)) // wakes accept()
        }
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released).
    static func unusedPort() throws -> UInt16 {
        let (listener, port) = try makeListener()
        close(listener)
        return port
    }

    /// A listening socket on 127.0.0.1 with a free port.
    static func makeListener(backlog: Int32 = 1024) throws -> (socket: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Self.posixError() }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, backlog) == 0
                    && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            let error = Self.posixError()
            close(fd)
            throw error
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private static func posixError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }

    private func acceptLoop() {
        while true {
            let socket = accept(listener, nil, nil)
            if socket < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
            let number: Int? = lock.withLock {
                if stopped { return nil }
                openSockets.insert(socket)
                return activity.connectionsAccepted + 1
            }
            guard let number else {
                close(socket)
                return
            }
            record { $0.connectionsAccepted = number }
            Thread.detachNewThread { [self] in
                var connection = LoopbackConnection(socket: socket)
                var reset = false
                if let rawReply {
                    _ = connection.sendAll(rawReply)
                } else {
                    reset = serve(&connection, number: number) == .reset
                }
                lock.withLock {
                    openSockets.remove(socket)
                    if reset {
                        // SO_LINGER 0: close() sends RST instead of FIN.
                        var option = linger(l_onoff: 1, l_linger: 0)
                        setsockopt(socket, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
                    }
                    close(socket)
                }
                record { $0.connectionsClosed += 1 }
            }
        }
    }

    /// How an exchange leaves the connection.
    enum Outcome { case keepAlive, close, reset }

    private func serve(_ connection: inout LoopbackConnection, number: Int) -> Outcome {
        while !isStopped, let request = connection.readRequest(connectionNumber: number) {
            record { $0.requests.append(request) }
            let outcome = perform(handler(request), on: &connection, request: request)
            if outcome != .keepAlive { return outcome }
        }
        return .close
    }

    private func perform(_ action: Action, on connection: inout LoopbackConnection, request: Request) -> Outcome {
        switch action {
        case .respond(let response):
            return connection.sendResponse(response, to: request) ? .keepAlive : .close
        case .respondAfter(let delay, let response):
            Self.sleep(delay)
            return connection.sendResponse(response, to: request) ? .keepAlive : .close
        case .neverRespond:
            connection.drainUntilClosed()
            return .close
        case .closeConnection:
            return .close
        default:
            return performFault(action, on: &connection, request: request)
        }
    }

    /// Blocks this connection's thread (never a test task) for `duration`: a scripted delay.
    static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) * 1e-18)
    }
}
