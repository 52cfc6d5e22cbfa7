import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small copy of the root package's fault server (Tests/LRCoreTests/Faults/Support): a
/// loopback HTTP/1.1 server on 127.0.0.1, one thread per connection, whose answer depends on the
/// last path segment of the request: `echo` (`200 {"id": <query id>}`), `reset` (RST before any
/// byte), `unavailable` (`503` with HTML), `silent` (never answers; the client times out).
final class StressFaultServer: @unchecked Sendable {
    let port: UInt16
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let threads = DispatchGroup()
    private let lock = NSLock()
    private var stopped = false // lock
    private var openSockets: Set<Int32> = [] // lock
    private var served = 0 // lock

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 2048) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        threads.enter()
        Thread.detachNewThread { [self] in
            acceptLoop()
            threads.leave()
        }
    }

    /// Requests answered or refused so far.
    var requestCount: Int { lock.withLock { served } }

    func stop() {
        let wasRunning: Bool = lock.withLock {
            if stopped { return false }
            stopped = true
            for socket in openSockets { shutdown(socket, Int32(SHUT_RDWR)) }
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
            let admitted: Bool = lock.withLock {
                if stopped { return false }
                openSockets.insert(socket)
                return true
            }
            guard admitted else {
                close(socket)
                return
            }
            threads.enter()
            Thread.detachNewThread { [self] in
                let reset = serve(socket)
                lock.withLock {
                    openSockets.remove(socket)
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

    /// Serves requests on `socket` until it closes; `true` when it must be reset.
    private func serve(_ socket: Int32) -> Bool {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
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
        while true {
            var end = buffer.firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A])
            while end == nil {
                guard receive() else { return false }
                end = buffer.firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A])
            }
            guard let end else { return false }
            let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
            buffer.removeSubrange(..<end.upperBound)
            let target = head.split(separator: " ", maxSplits: 2).dropFirst().first.map(String.init) ?? "/"
            let path = target.split(separator: "?").first.map(String.init) ?? target
            let id =
                target.split(separator: "?").dropFirst().first?.split(separator: "&")
                .first { $0.hasPrefix("id=") }.map { String($0.dropFirst(3)) } ?? ""
            lock.withLock { served += 1 }
            switch path.split(separator: "/").last.map(String.init) ?? "" {
            case "echo":
                let body = #"{"id":"\#(id)"}"#
                guard
                    write(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    )
                else { return false }
            case "reset":
                return true
            case "unavailable":
                let body = "<html><body>503 Service Unavailable</body></html>"
                guard
                    write(
                        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    )
                else { return false }
            default: // silent: read until the client gives up
                while receive() { buffer.removeAll(keepingCapacity: true) }
                return false
            }
        }
    }
}
