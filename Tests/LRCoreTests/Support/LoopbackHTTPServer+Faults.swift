import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fault table's name for what the server does with a request.
typealias Fault = LoopbackHTTPServer.Action

extension LoopbackHTTPServer {
    /// What the server does with a request: an answer, silence, or one network or protocol fault.
    enum Action: Sendable {
        /// Send the response.
        case respond(Response)
        /// Wait, then send the response.
        case respondAfter(Duration, Response)
        /// Keep the connection open and never answer (until the client closes it or the server stops).
        case neverRespond
        /// Close the connection at once without answering.
        case closeConnection
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
        /// on the same kept-alive connection (what anything on a plain-HTTP path could inject).
        /// ``Activity/unsolicitedRepliesSent`` counts it once the client's kernel has acknowledged
        /// the forged bytes, so a test waiting on it knows they are in the client's receive buffer.
        case replyThenUnsolicited(body: String, forged: String, after: Duration)

        /// A `status` reply with an HTML body, as a proxy or load balancer sends it.
        static func html(_ status: Int, fields: [(String, String)] = []) -> Action {
            .reply(
                status: status, fields: [("Content-Type", "text/html")] + fields,
                body: Array("<html><body><h1>\(status) Bad Gateway</h1><p>nginx</p></body></html>".utf8))
        }

        /// A `200` reply with `body` as `application/json`.
        static func rawJSON(_ body: [UInt8], fields: [(String, String)] = []) -> Action {
            .reply(status: 200, fields: [("Content-Type", "application/json")] + fields, body: body)
        }
    }

    /// Plays one of the scripted faults of ``Action`` on `connection`.
    func performFault(_ fault: Action, on connection: inout LoopbackConnection, request: Request) -> Outcome {
        func head(_ status: Int, _ fields: [(String, String)]) -> [UInt8] {
            var text = "HTTP/1.1 \(status) Fault\r\n"
            for (name, value) in fields { text += "\(name): \(value)\r\n" }
            return Array((text + "\r\n").utf8)
        }
        func json(_ text: String) -> [UInt8] {
            head(200, [("Content-Type", "application/json"), ("Content-Length", "\(text.utf8.count)")])
                + Array(text.utf8)
        }
        switch fault {
        case .respond, .respondAfter, .neverRespond, .closeConnection:
            preconditionFailure("not a fault")
        case .json(let body):
            return connection.sendAll(json(body)) ? .keepAlive : .close
        case .echo:
            let id = request.query("id") ?? ""
            return connection.sendAll(json(#"{"id":"\#(id)","path":"\#(request.path)","method":"\#(request.method)"}"#))
                ? .keepAlive : .close
        case .replyThenUnsolicited(let body, let forged, let after):
            guard connection.sendAll(json(body)) else { return .close }
            Self.sleep(after)
            guard connection.sendAll(json(forged)), connection.waitUntilAcknowledged(timeout: .seconds(5)) else {
                return .close
            }
            record { $0.unsolicitedRepliesSent += 1 }
            return .keepAlive
        case .rateLimitedUntil(let seconds):
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(secondsFromGMT: 0)
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = formatter.string(from: Date().addingTimeInterval(seconds))
            return connection.sendAll(head(429, [("Retry-After", date), ("Content-Length", "0")])) ? .keepAlive : .close
        case .resetBeforeHeaders:
            return .reset
        case .resetAfterHeaders:
            _ = connection.sendAll(head(200, [("Content-Type", "application/json"), ("Content-Length", "1000")]))
            // The head must reach the client before the RST (which would discard it in flight).
            _ = connection.waitUntilAcknowledged(timeout: .seconds(5))
            return .reset
        case .closeMidBody:
            _ = connection.sendAll(
                head(200, [("Content-Type", "application/json"), ("Content-Length", "1000")])
                    + Array(#"{"Uid":"abc","#.utf8))
            return .close
        case .slowHeaders(let interval, let lines):
            guard connection.sendAll(Array("HTTP/1.1 200 OK\r\n".utf8)) else { return .close }
            for line in 0..<lines {
                Self.sleep(interval)
                if isStopped || !connection.sendAll(Array("X-Slow-\(line): x\r\n".utf8)) { return .close }
            }
            _ = connection.sendAll(Array("Content-Length: 2\r\n\r\n{}".utf8))
            return .close
        case .trickleBody(let interval, let bytes):
            guard connection.sendAll(head(200, [("Content-Type", "application/json"), ("Content-Length", "\(bytes)")]))
            else { return .close }
            for _ in 0..<bytes {
                Self.sleep(interval)
                if isStopped || !connection.sendAll([0x20]) { return .close }
            }
            return .close
        case .reply(let status, let fields, let body):
            return connection.sendAll(head(status, fields + [("Content-Length", "\(body.count)")]) + body)
                ? .keepAlive : .close
        case .hugeBody(let bytes, let chunked):
            let chunk = [UInt8](repeating: 0x30, count: 64 * 1024)
            let framing = chunked ? ("Transfer-Encoding", "chunked") : ("Content-Length", "\(bytes)")
            guard connection.sendAll(head(200, [("Content-Type", "application/json"), framing])) else { return .close }
            var sent = 0
            while sent < bytes, !isStopped {
                let count = min(chunk.count, bytes - sent)
                let piece =
                    chunked
                    ? Array(String(count, radix: 16).utf8) + [0x0D, 0x0A] + chunk[..<count] + [0x0D, 0x0A]
                    : Array(chunk[..<count])
                guard connection.sendAll(piece) else { return .close }
                sent += count
            }
            if chunked { _ = connection.sendAll(Array("0\r\n\r\n".utf8)) }
            return .close
        case .wrongContentLength(let announced, let body, let closeAfter):
            let ok = connection.sendAll(
                head(200, [("Content-Type", "application/json"), ("Content-Length", "\(announced)")]) + body)
            if !ok || closeAfter { return .close }
            connection.drainUntilClosed()
            return .close
        }
    }
}
