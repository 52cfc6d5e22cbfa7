import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP/1.1 server on 127.0.0.1 that records each request target exactly as it arrived on the
/// wire and answers `200 {}`, one request per connection.
final class CaptureHTTPServer: Sendable {
    let port: Int
    private let listener: Int32
    private let targets = Mutex<[String]>([])

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CaptureServerError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw CaptureServerError("bind/listen failed") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every request target received so far (`/path?query`), in order.
    var receivedTargets: [String] { targets.withLock { $0 } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        _ = close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            if let target = readTarget(client) { targets.withLock { $0.append(target) } }
            let reply =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
            _ = reply.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            _ = close(client)
        }
    }

    /// Reads the head and any `Content-Length` body; returns the request line's target.
    private func readTarget(_ client: Int32) -> String? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        var headEnd: Int?
        while headEnd == nil {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return nil }
            received.append(contentsOf: buffer[0..<count])
            headEnd = received.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
        }
        guard let headEnd else { return nil }
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let contentLength =
            lines.first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        var bodyCount = received.count - headEnd
        while bodyCount < contentLength {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { break }
            bodyCount += count
        }
        let parts = lines[0].split(separator: " ")
        return parts.count == 3 ? String(parts[1]) : nil
    }
}

struct CaptureServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
