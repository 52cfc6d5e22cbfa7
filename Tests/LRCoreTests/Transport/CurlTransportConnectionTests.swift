import Foundation
import LRCore
import Testing

/// Connection reuse, concurrency and proxies.
@Suite("CurlTransport connections")
struct CurlTransportConnectionTests {
    @Test("Sequential requests reuse one kept-alive connection, and the metrics say so")
    func keepAliveReuse() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        var newConnections: [Int] = []
        for index in 0..<5 {
            let response = try await transport.send(
                LoginRadiusRequest(
                    method: .post, baseURL: server.baseURL, pathSegments: ["n", "\(index)"], body: Data("\(index)".utf8)
                )
            )
            #expect(response.body == Data("\(index)".utf8))
            let metrics = try #require(response.metrics)
            #expect(metrics.totalTime > .zero)
            #expect(metrics.totalTime < .seconds(5))
            newConnections.append(metrics.newConnections)
        }
        #expect(newConnections == [1, 0, 0, 0, 0])
        #expect(server.connectionCount == 1)
        #expect(Set(server.requests.map(\.connection)) == [1])
    }

    @Test("A connection closed by the server is replaced by a new one")
    func closedConnectionIsReplaced() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(.init(body: Array("x".utf8), framing: .closeDelimited)) }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        for _ in 0..<3 {
            let response = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
            #expect(response.body == Data("x".utf8))
            #expect(response.metrics?.newConnections == 1)
        }
        #expect(server.connectionCount == 3)
    }

    @Test("50 concurrent requests all complete, each with its own body")
    func concurrentRequests() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let bodies = try await withThrowingTaskGroup(of: (Int, LoginRadiusResponse).self) { group in
            for index in 0..<50 {
                group.addTask {
                    let body = Data("request-\(index)-".utf8) + Data(repeating: UInt8(index), count: index * 100)
                    let request = LoginRadiusRequest(
                        method: .post, baseURL: server.baseURL, pathSegments: ["item", "\(index)"], body: body)
                    return (index, try await transport.send(request))
                }
            }
            var results: [Int: LoginRadiusResponse] = [:]
            for try await (index, response) in group { results[index] = response }
            return results
        }
        #expect(bodies.count == 50)
        for index in 0..<50 {
            let response = try #require(bodies[index])
            #expect(response.status == 200)
            #expect(response.headers["X-Target"] == "/item/\(index)")
            #expect(response.body == Data("request-\(index)-".utf8) + Data(repeating: UInt8(index), count: index * 100))
        }
        #expect(server.requests.count == 50)
        // Follow-up requests reuse the pooled connections instead of opening new ones.
        let again = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["again"]))
        #expect(again.metrics?.newConnections == 0)
    }

    @Test("An HTTP proxy receives the absolute URL and the proxy credentials")
    func httpProxy() async throws {
        let proxy = try LoopbackHTTPServer { request in
            .respond(
                .init(
                    status: 200, fields: [.init(name: "Via", value: "loopback-proxy")], body: Array(request.target.utf8)
                ))
        }
        defer { proxy.stop() }
        let transport = try TransportTestSupport.transport(
            proxy: ProxyConfiguration(url: proxy.baseURL, username: "proxy-user", password: "proxy-pass")
        )
        let response = try await transport.send(
            LoginRadiusRequest(
                method: .get, baseURL: "http://api.example.invalid/", pathSegments: ["identity", "v2"],
                queryItems: [QueryItem(name: "apiKey", value: "k")])
        )
        #expect(response.status == 200)
        #expect(response.headers["Via"] == "loopback-proxy")
        #expect(response.body == Data("http://api.example.invalid/identity/v2?apiKey=k".utf8))
        let received = try #require(proxy.requests.first)
        #expect(received.values("Host") == ["api.example.invalid"])
        let credentials = Data("proxy-user:proxy-pass".utf8).base64EncodedString()
        #expect(received.values("Proxy-Authorization") == ["Basic \(credentials)"])
    }

    @Test("init(configuration:) takes the configuration's timeouts, proxy and User-Agent")
    func optionsFromConfiguration() throws {
        let configuration = try LoginRadiusConfiguration(
            apiKey: "key", apiSecret: "secret", proxy: ProxyConfiguration(url: "socks5h://127.0.0.1:1080"),
            connectTimeout: .seconds(3), requestTimeout: .milliseconds(1500), userAgent: "agent/1"
        )
        let transport = try CurlTransport(configuration: configuration)
        #expect(transport.options.connectTimeout == .seconds(3))
        #expect(transport.options.requestTimeout == .milliseconds(1500))
        #expect(transport.options.proxy?.url == "socks5h://127.0.0.1:1080")
        #expect(transport.options.userAgent == "agent/1")
        #expect(transport.options.maxResponseSize == 16 * 1024 * 1024)
    }
}
