import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP/1.1 server on `127.0.0.1` for transport and fault-injection tests, on plain POSIX
/// sockets so the package needs no server framework.
///
/// One thread accepts; each connection gets its own thread, which reads requests (a head plus a
/// `Content-Length` body), records them, and asks the handler what to do: answer (with
/// `Content-Length`, chunked or close-delimited framing, optionally after a `100 Continue` or a
/// delay), never answer, or drop the connection. Connections are kept alive between requests
/// unless the request or the response says `Connection: close`.
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

    /// What the server does with a request.
    enum Action: Sendable {
        /// Send the response.
        case respond(Response)
        /// Wait, then send the response.
        case respondAfter(Duration, Response)
        /// Keep the connection open and never answer (until the client closes it or the server stops).
        case neverRespond
        /// Close the connection at once without answering.
        case closeConnection
    }

    typealias Handler = @Sendable (Request) -> Action

    /// The port the server listens on.
    let port: UInt16
    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private let handler: Handler
    private let rawReply: [UInt8]?
    private let listener: Int32
    private let wakePipe: (read: Int32, write: Int32)
    private let threads = DispatchGroup()
    private let lock = NSLock()
    private var stopped = false // lock
    /// Open connection sockets. Closed only under `lock`, so `stop()` never shuts down a
    /// descriptor number that was meanwhile reused by someone else in the process.
    private var openSockets: Set<Int32> = [] // lock
    private var recorded: [Request] = [] // lock
    private var accepted = 0 // lock

    /// Starts listening on `127.0.0.1` on a free port.
    ///
    /// - Parameters:
    ///   - rawReply: When set, every connection gets exactly these bytes as soon as it is
    ///     accepted, without reading anything, and is then closed (for protocol-fault tests,
    ///     e.g. plain text where a TLS handshake is expected). The handler is not called.
    ///   - handler: Decides what to do with each request.
    /// - Throws: `POSIXError` when the listening socket or the wake-up pipe cannot be created.
    init(rawReply: [UInt8]? = nil, handler: @escaping Handler = { _ in .respond(.init()) }) throws {
        self.handler = handler
        self.rawReply = rawReply
        (listener, port) = try Self.makeListener()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Self.posixError() }
        wakePipe = (fds[0], fds[1])
        threads.enter()
        Thread.detachNewThread { [self] in
            acceptLoop()
            threads.leave()
        }
    }

    /// Every request received so far, in arrival order.
    var requests: [Request] { lock.withLock { recorded } }
    /// How many connections were accepted so far.
    var connectionCount: Int { lock.withLock { accepted } }

    /// Stops accepting, closes every connection and waits (up to 5 s) for the server's threads.
    func stop() {
        let wasRunning: Bool = lock.withLock {
            if stopped { return false }
            stopped = true
            for socket in openSockets { shutdown(socket, Int32(SHUT_RDWR)) } // wakes blocked reads
            return true
        }
        guard wasRunning else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
        _ = threads.wait(timeout: .now() + 5)
        close(listener)
        close(wakePipe.read)
        close(wakePipe.write)
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released).
    static func unusedPort() throws -> UInt16 {
        let (listener, port) = try makeListener()
        close(listener)
        return port
    }

    /// A listening socket on 127.0.0.1 with a free port.
    static func makeListener(backlog: Int32 = 128) throws -> (socket: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
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
            var descriptors = [
                pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&descriptors, 2, -1) >= 0 || errno == EINTR else { return }
            if descriptors[1].revents != 0 { return }
            guard descriptors[0].revents != 0 else { continue }
            let socket = accept(listener, nil, nil)
            guard socket >= 0 else { continue }
            let number: Int? = lock.withLock {
                if stopped { return nil }
                accepted += 1
                openSockets.insert(socket)
                return accepted
            }
            guard let number else {
                close(socket)
                return
            }
            threads.enter()
            Thread.detachNewThread { [self] in
                var connection = LoopbackConnection(socket: socket)
                if let rawReply {
                    _ = connection.sendAll(rawReply)
                } else {
                    serve(&connection, number: number)
                }
                lock.withLock {
                    openSockets.remove(socket)
                    close(socket)
                }
                threads.leave()
            }
        }
    }

    private func serve(_ connection: inout LoopbackConnection, number: Int) {
        while let request = connection.readRequest(connectionNumber: number) {
            lock.withLock { recorded.append(request) }
            switch handler(request) {
            case .respond(let response):
                guard connection.sendResponse(response, to: request) else { return }
            case .respondAfter(let delay, let response):
                Thread.sleep(
                    forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) * 1e-18)
                guard connection.sendResponse(response, to: request) else { return }
            case .neverRespond:
                connection.drainUntilClosed()
                return
            case .closeConnection:
                return
            }
        }
    }
}
