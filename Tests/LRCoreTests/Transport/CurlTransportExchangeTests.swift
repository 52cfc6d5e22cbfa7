import Foundation
import LRCore
import Testing

/// Requests and responses travel exactly: methods, bodies, header fields, statuses.
@Suite("CurlTransport exchanges")
struct CurlTransportExchangeTests {
    @Test("GET sends the encoded target and header fields in order, and returns status, fields and body")
    func getRoundTrip() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(
                .init(
                    status: 201, reason: "Created",
                    fields: [
                        .init(name: "X-Reply", value: "yes"), .init(name: "Set-Cookie", value: "a=1"),
                        .init(name: "Set-Cookie", value: "b=2"), .init(name: "X-Spaces", value: "  padded  "),
                    ],
                    body: Array("{\"ok\":true}".utf8)))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let request = LoginRadiusRequest(
            method: .get, baseURL: server.baseURL + "/", pathSegments: ["identity", "v2", "auth", "a b"],
            queryItems: [QueryItem(name: "apiKey", value: "k+1&x")],
            headers: ["X-First": "1", "Authorization": "Bearer secret-token", "X-Last": "3"]
        )
        let response = try await transport.send(request)

        #expect(response.status == 201)
        #expect(response.body == Data("{\"ok\":true}".utf8))
        #expect(
            response.headers.fields.map(\.name) == [
                "X-Reply", "Set-Cookie", "Set-Cookie", "X-Spaces", "Content-Length",
            ])
        #expect(response.headers["x-reply"] == "yes")
        #expect(response.headers.fields.filter { $0.name == "Set-Cookie" }.map(\.value) == ["a=1", "b=2"])
        #expect(response.headers["X-Spaces"] == "padded")
        #expect(response.headers["Content-Length"] == "11")

        let received = try #require(server.requests.first)
        #expect(received.method == "GET")
        #expect(received.target == "/identity/v2/auth/a%20b?apiKey=k%2B1%26x")
        // Host first (libcurl), then the request's fields exactly and in order; nothing else.
        #expect(received.fields.map(\.name) == ["Host", "User-Agent", "X-First", "Authorization", "X-Last"])
        #expect(received.values("X-First") == ["1"])
        #expect(received.values("Authorization") == ["Bearer secret-token"])
        #expect(received.values("User-Agent") == ["lr-tests/1"])
        #expect(received.values("Host") == ["127.0.0.1:\(server.port)"])
        #expect(received.body.isEmpty)
    }

    @Test("POST sends the exact body bytes (NUL included) with the request's Content-Type only")
    func postRoundTrip() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let body = Data([0x7B, 0x00, 0xFF, 0x0D, 0x0A, 0x7D])
        let request = LoginRadiusRequest(
            method: .post, baseURL: server.baseURL, pathSegments: ["login"],
            headers: [
                "Content-Type": "application/json", "X-LoginRadius-ApiSecret": "s3cret", "User-Agent": "custom/2",
            ],
            body: body
        )
        let response = try await transport.send(request)

        #expect(response.status == 200)
        #expect(response.body == body)
        #expect(response.headers["X-Method"] == "POST")
        let received = try #require(server.requests.first)
        #expect(received.body == Array(body))
        #expect(received.values("Content-Type") == ["application/json"])
        #expect(received.values("Content-Length") == ["6"])
        #expect(received.values("User-Agent") == ["custom/2"]) // the request's, not the default
        #expect(received.values("Expect").isEmpty)
        #expect(received.values("Accept").isEmpty)
        #expect(received.values("Accept-Encoding").isEmpty)
    }

    @Test("A 2 MiB body is sent without Expect: 100-continue and echoed exactly")
    func largeBody() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let body = Data((0..<(2 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
        let response = try await transport.send(
            LoginRadiusRequest(method: .put, baseURL: server.baseURL, pathSegments: ["big"], body: body)
        )
        #expect(response.body == body)
        let received = try #require(server.requests.first)
        #expect(received.method == "PUT")
        #expect(received.values("Expect").isEmpty)
        #expect(received.values("Content-Type").isEmpty) // libcurl's form-urlencoded guess is suppressed
        #expect(received.body.count == body.count)
    }

    @Test(
        "DELETE, PATCH and GET with a body send it; PUT/PATCH/POST without one send Content-Length: 0",
        arguments: [
            (LoginRadiusRequest.Method.delete, Data("{\"id\":1}".utf8) as Data?, "8"),
            (.patch, Data("{\"p\":2}".utf8), "7"),
            (.get, Data("q".utf8), "1"),
            (.put, nil, "0"),
            (.patch, nil, "0"),
            (.post, nil, "0"),
        ])
    func methodsAndBodies(method: LoginRadiusRequest.Method, body: Data?, contentLength: String) async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let response = try await transport.send(
            LoginRadiusRequest(method: method, baseURL: server.baseURL, pathSegments: ["r"], body: body)
        )
        #expect(response.headers["X-Method"] == method.rawValue)
        #expect(response.body == (body ?? Data()))
        let received = try #require(server.requests.first)
        #expect(received.method == method.rawValue)
        #expect(received.body == Array(body ?? Data()))
        #expect(received.values("Content-Length") == [contentLength])
        #expect(received.values("Content-Type").isEmpty) // libcurl's form-urlencoded guess is suppressed
    }

    @Test("DELETE without a body sends neither a body nor Content-Length")
    func deleteWithoutBody() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let response = try await transport.send(
            LoginRadiusRequest(method: .delete, baseURL: server.baseURL, pathSegments: ["r"]))
        #expect(response.status == 200)
        let received = try #require(server.requests.first)
        #expect(received.method == "DELETE")
        #expect(received.values("Content-Length").isEmpty)
    }

    @Test("HEAD returns status and fields without waiting for a body")
    func head() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(
                .init(
                    status: 200, fields: [.init(name: "X-Head", value: "1")], body: Array(repeating: 0x41, count: 100)))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport(maxResponseSize: 10) // the announced 100 bytes never come
        let response = try await transport.send(
            LoginRadiusRequest(method: .head, baseURL: server.baseURL, pathSegments: []))
        #expect(response.status == 200)
        #expect(response.headers["X-Head"] == "1")
        #expect(response.headers["Content-Length"] == "100")
        #expect(response.body.isEmpty)
        #expect(server.requests.first?.method == "HEAD")
        #expect(server.requests.first?.target == "/")
    }

    @Test("An empty header value is sent as an empty field, not dropped")
    func emptyHeaderValue() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        _ = try await transport.send(
            LoginRadiusRequest(
                method: .get, baseURL: server.baseURL, pathSegments: [],
                headers: ["X-Empty": "", "Accept": "application/json"])
        )
        let received = try #require(server.requests.first)
        #expect(received.values("X-Empty") == [""])
        #expect(received.values("Accept") == ["application/json"])
    }

    @Test("Only the final response's fields are returned after a 100 Continue")
    func interimResponseIsDropped() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(
                .init(
                    status: 200, fields: [.init(name: "X-Final", value: "1")], body: Array("done".utf8),
                    interimContinue: true))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let response = try await transport.send(
            LoginRadiusRequest(method: .post, baseURL: server.baseURL, pathSegments: [], body: Data("x".utf8))
        )
        #expect(response.status == 200)
        #expect(response.headers.fields.map(\.name) == ["X-Final", "Content-Length"])
        #expect(response.headers["X-Interim"] == nil)
        #expect(response.body == Data("done".utf8))
    }

    @Test("Folded header lines are joined into one value")
    func foldedHeaderField() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(
                .init(fields: [.init(name: "X-Folded", value: "first\r\n\tsecond"), .init(name: "X-After", value: "1")])
            )
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let response = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        #expect(response.headers["X-Folded"] == "first second")
        #expect(response.headers["X-After"] == "1")
    }

    @Test("A chunked response body is assembled exactly")
    func chunkedResponse() async throws {
        let payload = Array((0..<100_000).map { UInt8(truncatingIfNeeded: $0) })
        let server = try LoopbackHTTPServer { _ in .respond(.init(body: payload, framing: .chunked(chunkSize: 7_000))) }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let response = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        #expect(response.body == Data(payload))
        #expect(response.headers["Transfer-Encoding"] == "chunked")
    }

    @Test("A 3xx is returned as a response, never followed", arguments: [301, 302, 307, 308])
    func redirectsAreNotFollowed(status: Int) async throws {
        let server = try LoopbackHTTPServer { request in
            request.target == "/elsewhere"
                ? .respond(.init(status: 200, body: Array("followed".utf8)))
                : .respond(
                    .init(
                        status: status, fields: [.init(name: "Location", value: "/elsewhere")],
                        body: Array("moved".utf8)))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let response = try await transport.send(
            LoginRadiusRequest(method: .post, baseURL: server.baseURL, pathSegments: ["start"], body: Data("b".utf8)))
        #expect(response.status == status)
        #expect(response.headers["Location"] == "/elsewhere")
        #expect(response.body == Data("moved".utf8))
        #expect(server.requests.map(\.target) == ["/start"])
    }
}
