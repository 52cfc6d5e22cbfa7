import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What ``FaultServer`` does with a request: one network or protocol fault, or a good answer.
enum Fault: Sendable {
    /// `200` with this JSON body.
    case json(String)
    /// `429` with `Retry-After` as an HTTP-date this many seconds after the request arrived.
    case rateLimitedUntil(secondsFromNow: Double)
    /// Read the request, then reset the connection (RST) before sending anything.
    case resetBeforeHeaders
    /// Send a complete head announcing a 1,000-byte body, then reset the connection.
    case resetAfterHeaders
    /// Send the head and 10 of the 1,000 announced bytes, then close (FIN).
    case closeMidBody
    /// Send the status line, then one header line every `interval`, `lines` times.
    case slowHeaders(interval: Duration, lines: Int)
    /// Send a head announcing `bytes` bytes, then one byte every `interval`.
    case trickleBody(interval: Duration, bytes: Int)
    /// Answer `status` with these header fields and body bytes, framed by `Content-Length`.
    case reply(status: Int, fields: [(String, String)], body: [UInt8])
    /// `200` with a body of `bytes` zero bytes, announced by `Content-Length` or chunked.
    case hugeBody(bytes: Int, chunked: Bool)
    /// Announce `announced` bytes in `Content-Length`, send `body`, then close or keep the
    /// connection open (`closeAfter`).
    case wrongContentLength(announced: Int, body: [UInt8], closeAfter: Bool)
    /// Echo: `200 {"id": <query id>, "path": …}`, for matching answers to requests.
    case echo
    /// `200` with `body`, then, `after` later and unasked, a second complete `200` with `forged`
    /// on the same kept-alive connection (what anything on a plain-HTTP path could inject);
    /// ``FaultServer/unsolicitedRepliesSent`` counts them.
    case replyThenUnsolicited(body: String, forged: String, after: Duration)

    /// A `status` reply with an HTML body, as a proxy or load balancer sends it.
    static func html(_ status: Int, fields: [(String, String)] = []) -> Fault {
        .reply(
            status: status, fields: [("Content-Type", "text/html")] + fields,
            body: Array("<html><body><h1>\(status) Bad Gateway</h1><p>nginx</p></body></html>".utf8))
    }

    /// A `200` reply with `body` as `application/json`.
    static func rawJSON(_ body: [UInt8], fields: [(String, String)] = []) -> Fault {
        .reply(status: 200, fields: [("Content-Type", "application/json")] + fields, body: body)
    }
}

/// A loopback HTTP/1.1 server on `127.0.0.1` that answers each request with the ``Fault`` its
/// route returns: resets, early closes, slow heads and bodies, HTML error pages, malformed or
/// huge bodies, wrong lengths, redirects and rate limits. Plain POSIX sockets, one thread per
/// connection (the same pattern as `LoopbackHTTPServer`, which it does not change).
///
/// Always call ``stop()``.
final class FaultServer: @unchecked Sendable {
    /// A request as received.
    struct Request: Sendable {
        var method: String
        var target: String
        var fields: [(name: String, value: String)]
        var body: [UInt8]

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

        /// The values of every field named `name`, case-insensitively.
        func values(_ name: String) -> [String] {
            fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }
    }

    typealias Route = @Sendable (Request) -> Fault

    let port: UInt16
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private let route: Route
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false // lock
    private var openSockets: Set<Int32> = [] // lock
    private var recorded: [Request] = [] // lock
    private var unsolicited = 0 // lock
    private var accepted = 0 // lock

    /// Starts listening on a free port of 127.0.0.1.
    init(route: @escaping Route) throws {
        self.route = route
        (listener, port) = try Self.makeListener()
        Thread.detachNewThread { [self] in
            acceptLoop()
            close(listener)
        }
    }

    /// Every request received so far.
    var requests: [Request] { lock.withLock { recorded } }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// How many ``Fault/replyThenUnsolicited(body:forged:after:)`` replies were written so far.
    var unsolicitedRepliesSent: Int { lock.withLock { unsolicited } }

    /// How many connections were accepted so far.
    var connectionsAccepted: Int { lock.withLock { accepted } }

    /// Stops accepting and shuts every connection down, without waiting: each thread closes its
    /// own socket as it ends (the accept thread the listener), so no test task is ever blocked.
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            for socket in openSockets { shutdown(socket, Int32(SHUT_RDWR)) }
            shutdown(listener, Int32(SHUT_RDWR)) // wakes accept()
        }
    }

    static func makeListener() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 1024) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func acceptLoop() {
        while true {
            let socket = accept(listener, nil, nil)
            if socket < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
            let admitted: Bool = lock.withLock {
                if stopped { return false }
                openSockets.insert(socket)
                accepted += 1
                return true
            }
            guard admitted else {
                close(socket)
                return
            }
            Thread.detachNewThread { [self] in
                var connection = FaultConnection(socket: socket)
                var reset = false
                while !isStopped, let request = connection.readRequest() {
                    lock.withLock { recorded.append(request) }
                    let outcome = serve(route(request), on: &connection, request: request)
                    if outcome != .keepAlive {
                        reset = outcome == .reset
                        break
                    }
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
            }
        }
    }

    private enum Outcome { case keepAlive, close, reset }

    private func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) * 1e-18)
    }

    private func serve(_ fault: Fault, on connection: inout FaultConnection, request: Request) -> Outcome {
        func head(_ status: Int, _ fields: [(String, String)]) -> [UInt8] {
            var text = "HTTP/1.1 \(status) Fault\r\n"
            for (name, value) in fields { text += "\(name): \(value)\r\n" }
            return Array((text + "\r\n").utf8)
        }
        switch fault {
        case .json(let body):
            let bytes = Array(body.utf8)
            let ok = connection.write(
                head(200, [("Content-Type", "application/json"), ("Content-Length", "\(bytes.count)")]) + bytes)
            return ok ? .keepAlive : .close
        case .echo:
            let id = request.query("id") ?? ""
            let bytes = Array(#"{"id":"\#(id)","path":"\#(request.path)","method":"\#(request.method)"}"#.utf8)
            let ok = connection.write(
                head(200, [("Content-Type", "application/json"), ("Content-Length", "\(bytes.count)")]) + bytes)
            return ok ? .keepAlive : .close
        case .replyThenUnsolicited(let body, let forged, let after):
            func reply(_ text: String) -> [UInt8] {
                head(200, [("Content-Type", "application/json"), ("Content-Length", "\(text.utf8.count)")])
                    + Array(text.utf8)
            }
            guard connection.write(reply(body)) else { return .close }
            sleep(after)
            guard connection.write(reply(forged)) else { return .close }
            lock.withLock { unsolicited += 1 }
            return .keepAlive
        case .rateLimitedUntil(let seconds):
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(secondsFromGMT: 0)
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = formatter.string(from: Date().addingTimeInterval(seconds))
            let ok = connection.write(head(429, [("Retry-After", date), ("Content-Length", "0")]))
            return ok ? .keepAlive : .close
        case .resetBeforeHeaders:
            return .reset
        case .resetAfterHeaders:
            _ = connection.write(head(200, [("Content-Type", "application/json"), ("Content-Length", "1000")]))
            sleep(.milliseconds(20))
            return .reset
        case .closeMidBody:
            _ = connection.write(
                head(200, [("Content-Type", "application/json"), ("Content-Length", "1000")])
                    + Array(#"{"Uid":"abc","#.utf8))
            return .close
        case .slowHeaders(let interval, let lines):
            guard connection.write(Array("HTTP/1.1 200 OK\r\n".utf8)) else { return .close }
            for line in 0..<lines {
                sleep(interval)
                if isStopped || !connection.write(Array("X-Slow-\(line): x\r\n".utf8)) { return .close }
            }
            _ = connection.write(Array("Content-Length: 2\r\n\r\n{}".utf8))
            return .close
        case .trickleBody(let interval, let bytes):
            guard connection.write(head(200, [("Content-Type", "application/json"), ("Content-Length", "\(bytes)")]))
            else { return .close }
            for _ in 0..<bytes {
                sleep(interval)
                if isStopped || !connection.write([0x20]) { return .close }
            }
            return .close
        case .reply(let status, let fields, let body):
            let ok = connection.write(head(status, fields + [("Content-Length", "\(body.count)")]) + body)
            return ok ? .keepAlive : .close
        case .hugeBody(let bytes, let chunked):
            let chunk = [UInt8](repeating: 0x30, count: 64 * 1024)
            let framing = chunked ? ("Transfer-Encoding", "chunked") : ("Content-Length", "\(bytes)")
            guard connection.write(head(200, [("Content-Type", "application/json"), framing])) else { return .close }
            var sent = 0
            while sent < bytes, !isStopped {
                let count = min(chunk.count, bytes - sent)
                let piece =
                    chunked
                    ? Array(String(count, radix: 16).utf8) + [0x0D, 0x0A] + chunk[..<count] + [0x0D, 0x0A]
                    : Array(chunk[..<count])
                guard connection.write(piece) else { return .close }
                sent += count
            }
            if chunked { _ = connection.write(Array("0\r\n\r\n".utf8)) }
            return .close
        case .wrongContentLength(let announced, let body, let closeAfter):
            let ok = connection.write(
                head(200, [("Content-Type", "application/json"), ("Content-Length", "\(announced)")]) + body)
            if !ok { return .close }
            if closeAfter { return .close }
            connection.drainUntilClosed()
            return .close
        }
    }
}

/// One accepted connection: reads request heads and `Content-Length` bodies, writes bytes.
struct FaultConnection {
    let socket: Int32
    private var buffer: [UInt8] = []

    init(socket: Int32) {
        self.socket = socket
    }

    mutating func readRequest() -> FaultServer.Request? {
        let terminator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        var headEnd = buffer.firstRange(of: terminator)?.lowerBound
        while headEnd == nil {
            guard receive() else { return nil }
            headEnd = buffer.firstRange(of: terminator)?.lowerBound
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeSubrange(..<(headEnd + 4))
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
        guard requestLine.count == 3 else { return nil }
        let fields = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var request = FaultServer.Request(method: requestLine[0], target: requestLine[1], fields: fields, body: [])
        let length = request.values("Content-Length").first.flatMap { Int($0) } ?? 0
        while buffer.count < length {
            guard receive() else { return nil }
        }
        request.body = Array(buffer[..<length])
        buffer.removeSubrange(..<length)
        return request
    }

    /// Writes all of `bytes`; `false` when the peer is gone. Never raises `SIGPIPE`.
    func write(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            sent += result
        }
        return true
    }

    mutating func drainUntilClosed() {
        while receive() { buffer.removeAll(keepingCapacity: true) }
    }

    private mutating func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
    }
}
