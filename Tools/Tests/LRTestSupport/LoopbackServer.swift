// The Tools tests' one hand-written HTTP/1.1 server on 127.0.0.1: it records every request as it
// arrived on the wire (method, target, headers, body) and answers what the test's `reply` closure
// says — a canned reply, a reset before any byte, or silence. Written on sockets rather than
// Hummingbird so that it can misbehave (reset, never answer) and show the target byte for byte.
// One thread per connection; `keepAlive` serves several requests per connection.
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

package final class LoopbackServer: Sendable {
    /// A request as received.
    package struct Request: Sendable {
        package let method: String
        /// Path and query, exactly as sent.
        package let target: String
        /// Header values by lower-cased name.
        package let headers: [String: String]
        package let body: Data

        /// The target without its query.
        package var path: String { String(target.prefix { $0 != "?" }) }

        /// The value of query parameter `name`, as sent (not decoded).
        package func query(_ name: String) -> String? {
            guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
            return query.split(separator: "&").first { $0.hasPrefix(name + "=") }.map {
                String($0.dropFirst(name.count + 1))
            }
        }

        /// The body parsed as a JSON object.
        package var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }
    }

    /// What the server does with a request.
    package enum Reply: Sendable {
        /// Answers with `status` and `body`.
        case respond(status: Int, contentType: String, body: String)
        /// Resets the connection (RST) before any byte of a reply.
        case reset
        /// Never answers; reads until the client gives up.
        case silent

        /// `200` with a JSON body.
        package static func json(_ body: String, status: Int = 200) -> Reply {
            .respond(status: status, contentType: "application/json", body: body)
        }
    }

    package let port: Int
    /// `http://127.0.0.1:<port>`.
    package var baseURL: String { "http://127.0.0.1:\(port)" }

    private struct State {
        var stopped = false
        var openSockets: Set<Int32> = []
        var requests: [Request] = []
        var nextWaiter = 0
        var waiters: [Int: AsyncStream<Void>.Continuation] = [:]
    }

    private let listener: Int32
    private let keepAlive: Bool
    private let reply: @Sendable (Request) -> Reply
    private let state = Mutex(State())
    private let threads = DispatchGroup()

    /// Listens on a free port of 127.0.0.1. Without `keepAlive` each reply carries
    /// `Connection: close` and the connection closes after it.
    package init(
        keepAlive: Bool = false, backlog: Int32 = 256,
        reply: @escaping @Sendable (Request) -> Reply = { _ in .json("{}") }
    ) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError("socket failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, backlog) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw LoopbackServerError("bind/listen failed")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        self.keepAlive = keepAlive
        self.reply = reply
        threads.enter()
        Thread.detachNewThread { [self] in
            acceptLoop()
            threads.leave()
        }
    }

    /// `baseURL` followed by `path`.
    package func url(_ path: String = "/") -> String { baseURL + path }

    /// Every request received so far, in order.
    package var requests: [Request] { state.withLock { $0.requests } }

    /// Every request target received so far (`/path?query`), in order.
    package var targets: [String] { requests.map(\.target) }

    /// Requests received so far.
    package var requestCount: Int { state.withLock { $0.requests.count } }

    /// Waits until `predicate` holds for the requests received, or `timeout` passes; returns the
    /// requests either way. Woken by each request, not by polling.
    package func wait(
        timeout: Duration = .seconds(5), until predicate: ([Request]) -> Bool
    ) async -> [Request] {
        let (events, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            state.waiters[state.nextWaiter] = continuation
            return state.nextWaiter
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            continuation.finish()
        }
        defer {
            timer.cancel()
            _ = state.withLock { $0.waiters.removeValue(forKey: id) }
            continuation.finish()
        }
        if predicate(requests) { return requests }
        for await _ in events where predicate(requests) { return requests }
        return requests
    }

    /// Stops listening, closes open connections and waits for their threads.
    package func stop() {
        let wasRunning: Bool = state.withLock { state in
            if state.stopped { return false }
            state.stopped = true
            for socket in state.openSockets { shutdown(socket, Int32(SHUT_RDWR)) }
            shutdown(listener, Int32(SHUT_RDWR))
            return true
        }
        guard wasRunning else { return }
        _ = threads.wait(timeout: .now() + 5)
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let socket = accept(listener, nil, nil)
            if socket < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let admitted: Bool = state.withLock { state in
                if state.stopped { return false }
                state.openSockets.insert(socket)
                return true
            }
            guard admitted else {
                close(socket)
                return
            }
            threads.enter()
            Thread.detachNewThread { [self] in
                let reset = serve(socket)
                state.withLock { state in
                    state.openSockets.remove(socket)
                    if reset {
                        var option = linger(l_onoff: 1, l_linger: 0)
                        setsockopt(socket, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
                    }
                    close(socket)
                }
                threads.leave()
            }
        }
    }

    private func record(_ request: Request) {
        state.withLock { state in
            state.requests.append(request)
            for waiter in state.waiters.values { waiter.yield() }
        }
    }

    /// Serves requests on `socket` until it closes; `true` when it must be reset.
    private func serve(_ socket: Int32) -> Bool {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        func receive() -> Bool {
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                buffer += chunk[..<count]
                return true
            }
        }
        func write(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let result = bytes[sent...].withUnsafeBytes {
                    send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                sent += result
            }
            return true
        }
        let separator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        while true {
            var end = buffer.firstRange(of: separator)
            while end == nil {
                guard receive() else { return false }
                end = buffer.firstRange(of: separator)
            }
            guard let end else { return false }
            let lines = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            buffer.removeSubrange(..<end.upperBound)
            let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
            guard requestLine.count >= 2 else { return false }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] =
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            if headers["expect"]?.lowercased() == "100-continue" {
                guard write("HTTP/1.1 100 Continue\r\n\r\n") else { return false }
            }
            let length = Int(headers["content-length"] ?? "") ?? 0
            while buffer.count < length {
                guard receive() else { return false }
            }
            let body = Data(buffer[..<length])
            buffer.removeSubrange(..<length)
            let request = Request(method: requestLine[0], target: requestLine[1], headers: headers, body: body)
            record(request)
            switch reply(request) {
            case .respond(let status, let contentType, let text):
                let connection = keepAlive ? "" : "Connection: close\r\n"
                let head =
                    "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: \(contentType)\r\n"
                    + "Content-Length: \(text.utf8.count)\r\n\(connection)\r\n"
                guard write(head + text), keepAlive else { return false }
            case .reset:
                return true
            case .silent:
                while receive() { buffer.removeAll(keepingCapacity: true) }
                return false
            }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

package struct LoopbackServerError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
