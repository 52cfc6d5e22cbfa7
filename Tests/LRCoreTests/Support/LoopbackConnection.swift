#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One accepted connection of ``LoopbackHTTPServer``: reads request heads and bodies, writes
/// responses and raw bytes. Used by its connection thread only.
struct LoopbackConnection {
    let socket: Int32
    private var buffer: [UInt8] = []
    private var keepAlive = true

    init(socket: Int32) {
        self.socket = socket
    }

    /// Reads the next request; `nil` when the peer closed, the request is malformed, or the
    /// previous exchange ended the connection. `Expect: 100-continue` is answered before the body.
    mutating func readRequest(connectionNumber: Int) -> LoopbackHTTPServer.Request? {
        guard keepAlive else { return nil }
        let terminator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: terminator)?.lowerBound
            if headEnd == nil, !receive() { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeSubrange(..<(headEnd + 4))
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
        guard requestLine.count == 3 else { return nil }
        let fields = lines.compactMap { line -> LoopbackHTTPServer.Field? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return .init(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var request = LoopbackHTTPServer.Request(
            method: requestLine[0], target: requestLine[1], fields: fields,
            body: [], connection: connectionNumber)
        if request.values("Connection").contains(where: { $0.lowercased() == "close" }) { keepAlive = false }
        if request.values("Expect").contains(where: { $0.lowercased() == "100-continue" }) {
            guard sendAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        let length = request.values("Content-Length").first.flatMap { Int($0) } ?? 0
        guard readBody(length: length, into: &request) else { return nil }
        return request
    }

    private mutating func readBody(length: Int, into request: inout LoopbackHTTPServer.Request) -> Bool {
        while buffer.count < length {
            if !receive() { return false }
        }
        request.body = Array(buffer[..<length])
        buffer.removeSubrange(..<length)
        return true
    }

    /// Writes `response` to `request`; `false` when the connection is to be closed afterwards.
    mutating func sendResponse(_ response: LoopbackHTTPServer.Response, to request: LoopbackHTTPServer.Request) -> Bool
    {
        if response.interimContinue {
            guard sendAll(Array("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n".utf8)) else { return false }
        }
        var head = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
        for field in response.fields { head += "\(field.name): \(field.value)\r\n" }
        let sendsBody = request.method != "HEAD" && response.status != 204 && response.status != 304
        var payload: [UInt8] = []
        switch response.framing {
        case .contentLength:
            head += "Content-Length: \(response.body.count)\r\n"
            if sendsBody { payload = response.body }
        case .chunked(let chunkSize):
            head += "Transfer-Encoding: chunked\r\n"
            if sendsBody {
                var offset = 0
                while offset < response.body.count {
                    let end = min(offset + max(1, chunkSize), response.body.count)
                    payload +=
                        Array(String(end - offset, radix: 16).utf8) + [0x0D, 0x0A] + response.body[offset..<end] + [
                            0x0D, 0x0A,
                        ]
                    offset = end
                }
                payload += Array("0\r\n\r\n".utf8)
            }
        case .closeDelimited:
            keepAlive = false
            if sendsBody { payload = response.body }
        }
        if !keepAlive { head += "Connection: close\r\n" }
        head += "\r\n"
        return sendAll(Array(head.utf8) + payload) && keepAlive
    }

    /// Writes all of `bytes`; `false` when the peer is gone. Never raises `SIGPIPE`.
    func sendAll(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            sent += result
        }
        return true
    }

    /// Returns once the peer's kernel has acknowledged every byte written (they are in the
    /// client's receive buffer, whether or not the client has read them); `false` when that
    /// did not happen within `timeout` or the socket cannot say.
    func waitUntilAcknowledged(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var pending: Int32 = 0
            #if os(Linux)
                // SIOCOUTQ (= TIOCOUTQ): bytes in the send queue not yet acknowledged by the peer.
                let status = withUnsafeMutablePointer(to: &pending) { ioctl(socket, UInt(TIOCOUTQ), $0) }
                guard status == 0 else { return false }
            #else
                var length = socklen_t(MemoryLayout<Int32>.size)
                guard getsockopt(socket, SOL_SOCKET, SO_NWRITE, &pending, &length) == 0 else { return false }
            #endif
            if pending == 0 { return true }
            usleep(200) // the ACK on loopback takes microseconds
        }
        return false
    }

    /// Reads and discards until the peer closes or the server shuts the socket down.
    mutating func drainUntilClosed() {
        while receive() { buffer.removeAll(keepingCapacity: true) }
    }

    /// Appends what arrives to `buffer`; `false` on end of stream or error.
    private mutating func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
    }
}
