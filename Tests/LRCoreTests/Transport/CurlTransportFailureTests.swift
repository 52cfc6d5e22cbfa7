import Foundation
import LRCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Failures map to the right `TransportFailure`, promptly, and never leak secrets.
@Suite("CurlTransport failures")
struct CurlTransportFailureTests {
    private static let secret = "super-secret-value-123"

    @Test("A closed port fails with couldNotConnect, which certainly did not reach the server")
    func connectionRefused() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let transport = try TransportTestSupport.transport()
        let (error, elapsed) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: "http://127.0.0.1:\(port)", pathSegments: []))
        }
        let failure = try TransportTestSupport.requireFailure(error)
        #expect(failure.kind == .couldNotConnect)
        #expect(failure.curlCode == 7) // CURLE_COULDNT_CONNECT
        #expect(failure.mayHaveReachedServer == false)
        #expect(!failure.message.isEmpty)
        #expect(elapsed < .seconds(20)) // far below the 30 s default: the configured timeout applied
    }

    @Test("A server that never answers times out after requestTimeout (300 ms), within ~1 s")
    func requestTimeout() async throws {
        let server = try LoopbackHTTPServer { _ in .neverRespond }
        defer { server.stop() }
        let configuration = try LoginRadiusConfiguration(
            apiKey: "key", apiSecret: "secret", baseURL: server.baseURL, requestTimeout: .milliseconds(300)
        )
        let transport = try CurlTransport(configuration: configuration)
        let (error, elapsed) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(
                    method: .post, baseURL: server.baseURL, pathSegments: ["slow"],
                    headers: ["X-LoginRadius-ApiSecret": Self.secret], body: Data(Self.secret.utf8))
            )
        }
        let thrown = try #require(error)
        let failure = try TransportTestSupport.requireFailure(thrown)
        #expect(failure.kind == .timedOut)
        #expect(failure.curlCode == 28) // CURLE_OPERATION_TIMEDOUT
        #expect(failure.mayHaveReachedServer == true) // the request was sent
        #expect(elapsed >= .milliseconds(280))
        #expect(elapsed < .seconds(20)) // far below the 30 s default: the configured timeout applied
        #expect(!String(describing: thrown).contains(Self.secret))
        #expect(server.requests.count == 1)
    }

    @Test("A request's own timeout overrides the transport's")
    func perRequestTimeout() async throws {
        let server = try LoopbackHTTPServer { _ in .neverRespond }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport(requestTimeout: .seconds(30))
        let (error, elapsed) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: [], timeout: .milliseconds(200))
            )
        }
        #expect(try TransportTestSupport.requireFailure(error).kind == .timedOut)
        #expect(elapsed < .seconds(20)) // far below the 30 s default: the configured timeout applied
    }

    @Test("A connect that never completes times out without having reached the server")
    func connectTimeout() async throws {
        // A listener with a full accept queue: Linux drops further SYNs, so connect() hangs.
        let (listener, port) = try LoopbackHTTPServer.makeListener(backlog: 0)
        defer { close(listener) }
        let filler = try Self.fillAcceptQueue(port: port)
        defer { for descriptor in filler { close(descriptor) } }
        let transport = try TransportTestSupport.transport(connectTimeout: .milliseconds(300))
        let (error, elapsed) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(
                    method: .post, baseURL: "http://127.0.0.1:\(port)", pathSegments: [], body: Data("x".utf8)))
        }
        let failure = try TransportTestSupport.requireFailure(error)
        #expect(failure.kind == .timedOut)
        #expect(failure.mayHaveReachedServer == false)
        #expect(elapsed < .seconds(20)) // far below the 30 s default: the configured timeout applied
    }

    @Test("A connection closed without an answer is connectionLost, possibly after reaching the server")
    func closedWithoutAnswer() async throws {
        let server = try LoopbackHTTPServer { _ in .closeConnection }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let (error, _) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(method: .post, baseURL: server.baseURL, pathSegments: [], body: Data("x".utf8)))
        }
        let failure = try TransportTestSupport.requireFailure(error)
        #expect(failure.kind == .connectionLost)
        #expect(failure.curlCode == 52) // CURLE_GOT_NOTHING
        #expect(failure.mayHaveReachedServer == true)
    }

    @Test("A TLS handshake answered in plain text fails with tls, before anything was sent")
    func tlsHandshakeFailure() async throws {
        let server = try LoopbackHTTPServer(
            rawReply: Array("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".utf8))
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let (error, elapsed) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(
                    method: .post, baseURL: "https://127.0.0.1:\(server.port)", pathSegments: [], body: Data("x".utf8)))
        }
        let failure = try TransportTestSupport.requireFailure(error)
        #expect(failure.kind == .tls)
        #expect(failure.curlCode == 35) // CURLE_SSL_CONNECT_ERROR
        #expect(failure.mayHaveReachedServer == false)
        #expect(elapsed < .seconds(20)) // far below the 30 s default: the configured timeout applied
    }

    @Test("A server that hangs up while a large body is being sent fails the call without SIGPIPE")
    func hangUpDuringUpload() async throws {
        let server = try LoopbackHTTPServer(rawReply: []) // accept, then close at once
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        for _ in 0..<3 {
            let (error, _) = await TransportTestSupport.timedError {
                _ = try await transport.send(
                    LoginRadiusRequest(
                        method: .post, baseURL: server.baseURL, pathSegments: [], body: Data(count: 8 * 1024 * 1024))
                )
            }
            // Reaching this line at all means no SIGPIPE killed the process.
            let failure = try TransportTestSupport.requireFailure(error)
            #expect(failure.kind == .connectionLost)
            // `mayHaveReachedServer` is `false` when the connection guard saw the close before
            // the request went out (the usual case), `true` when libcurl was already writing.
        }
    }

    @Test("A reply that is not HTTP fails as other or connectionLost, never as a response")
    func garbageReply() async throws {
        let server = try LoopbackHTTPServer(rawReply: Array("SSH-2.0-OpenSSH\r\n".utf8) + [0x00, 0xFF, 0x13, 0x37])
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let (error, _) = await TransportTestSupport.timedError {
            _ = try await transport.send(LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        }
        let failure = try TransportTestSupport.requireFailure(error)
        #expect([.other, .connectionLost].contains(failure.kind))
        #expect(failure.curlCode != 0)
    }

    @Test(
        "CURLcodes map to the documented kinds and mayHaveReachedServer",
        arguments: [
            // (CURLcode, pretransfer µs, size cap hit, kind, mayHaveReachedServer)
            (6, 0, false, TransportFailure.Kind.couldNotResolveHost, false), // COULDNT_RESOLVE_HOST
            (5, 0, false, .couldNotResolveHost, false), // COULDNT_RESOLVE_PROXY
            (7, 0, false, .couldNotConnect, false), // COULDNT_CONNECT
            (35, 0, false, .tls, false), // SSL_CONNECT_ERROR
            (60, 0, false, .tlsCertificate, false), // PEER_FAILED_VERIFICATION
            (28, 0, false, .timedOut, false), // OPERATION_TIMEDOUT while connecting
            (28, 1_500, false, .timedOut, true), // OPERATION_TIMEDOUT after sending
            (55, 900, false, .connectionLost, true), // SEND_ERROR
            (56, 900, false, .connectionLost, true), // RECV_ERROR
            (52, 900, false, .connectionLost, true), // GOT_NOTHING
            (18, 900, false, .connectionLost, true), // PARTIAL_FILE
            (23, 900, true, .responseTooLarge, true), // WRITE_ERROR from the size cap
            (23, 900, false, .other, true), // WRITE_ERROR for another reason
            (63, 900, false, .responseTooLarge, true), // FILESIZE_EXCEEDED
            (3, 0, false, .other, false), // URL_MALFORMAT
        ] as [(UInt32, Int64, Bool, TransportFailure.Kind, Bool)])
    func codeMapping(code: UInt32, pretransfer: Int64, capHit: Bool, kind: TransportFailure.Kind, reached: Bool) {
        let failure = TransportFailure.curl(
            code: code, pretransferMicroseconds: pretransfer, errorMessage: nil,
            exceededSizeCap: capHit, maxResponseSize: 100)
        #expect(failure.kind == kind)
        #expect(failure.mayHaveReachedServer == reached)
        #expect(failure.curlCode == Int(code))
        #expect(!failure.message.isEmpty)
    }

    @Test(
        "A body over the size cap fails with responseTooLarge; one at the cap succeeds",
        arguments: [LoopbackHTTPServer.Response.Framing.contentLength, .chunked(chunkSize: 1000), .closeDelimited])
    func responseSizeCap(framing: LoopbackHTTPServer.Response.Framing) async throws {
        let server = try LoopbackHTTPServer { request in
            .respond(
                .init(body: Array(repeating: 0x61, count: request.target == "/big" ? 4097 : 4096), framing: framing))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport(maxResponseSize: 4096)
        let fitting = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["fits"]))
        #expect(fitting.body.count == 4096)
        let (error, _) = await TransportTestSupport.timedError {
            _ = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["big"]))
        }
        let failure = try TransportTestSupport.requireFailure(error)
        #expect(failure.kind == .responseTooLarge)
        #expect(failure.mayHaveReachedServer == true)
        #expect(failure.message.contains("4096"))
    }

    @Test("A header value with CR/LF is refused before anything is sent")
    func headerInjectionRefused() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        await #expect(throws: LoginRadiusError.self) {
            _ = try await transport.send(
                LoginRadiusRequest(
                    method: .get, baseURL: server.baseURL, pathSegments: [], headers: ["X-Bad": "a\r\nX-Injected: 1"])
            )
        }
        #expect(server.requests.isEmpty)
    }

    @Test(
        "Unusable options are refused",
        arguments: [
            CurlTransport.Options(connectTimeout: .zero),
            CurlTransport.Options(requestTimeout: .milliseconds(-1)),
            CurlTransport.Options(maxResponseSize: 0),
            CurlTransport.Options(userAgent: "a\nb"),
        ])
    func invalidOptions(options: CurlTransport.Options) {
        #expect {
            _ = try CurlTransport(options: options)
        } throws: { error in
            if (error as? LoginRadiusError)?.code == .invalidConfiguration { return true }
            return false
        }
    }

    /// Opens connections to `port` until one no longer completes at once (the queue is full).
    private static func fillAcceptQueue(port: UInt16) throws -> [Int32] {
        var sockets: [Int32] = []
        for _ in 0..<8 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            sockets.append(fd)
            if result != 0 && errno == EINPROGRESS {
                var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if poll(&descriptor, 1, 100) == 0 { return sockets } // this one hangs: the queue is full
            }
        }
        return sockets
    }
}
