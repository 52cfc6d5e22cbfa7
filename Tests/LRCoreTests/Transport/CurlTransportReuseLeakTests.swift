import Foundation
import LRCore
import Testing

/// More state a reused easy handle could carry from one transfer to the next.
@Suite("CurlTransport handle reuse: nothing leaks between transfers")
struct CurlTransportReuseLeakTests {
    @Test("Credentials in one request's URL are not sent with the next request on the handle")
    func urlCredentialsDoNotStick() async throws {
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let withCredentials = server.baseURL.replacingOccurrences(of: "http://", with: "http://user:secret@")
        #expect(withCredentials != server.baseURL)
        let steps: [(String, [String])] = [
            (withCredentials, ["Basic " + Data("user:secret".utf8).base64EncodedString()]),
            (server.baseURL, []),
            (withCredentials, ["Basic " + Data("user:secret".utf8).base64EncodedString()]),
            (server.baseURL, []),
        ]
        for (index, (baseURL, authorization)) in steps.enumerated() {
            let response = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: baseURL, pathSegments: ["n", "\(index)"]))
            #expect(response.status == 200, "step \(index)")
            let received = try #require(server.requests.last)
            #expect(received.values("Authorization") == authorization, "step \(index)")
        }
    }

    @Test("After a timed-out transfer, the next request gets exactly its own response")
    func timeoutThenSuccess() async throws {
        let server = try LoopbackHTTPServer { request in
            request.target == "/slow"
                ? .respondAfter(.milliseconds(1_500), .init(body: Array("slow".utf8)))
                : .respond(.init(body: Array("fast \(request.target)".utf8)))
        }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        for round in 0..<2 {
            let (error, _) = await TransportTestSupport.timedError {
                _ = try await transport.send(
                    LoginRadiusRequest(
                        method: .post, baseURL: server.baseURL, pathSegments: ["slow"], body: Data("x".utf8),
                        timeout: .milliseconds(200)))
            }
            #expect(try TransportTestSupport.requireFailure(error).kind == .timedOut, "round \(round)")
            let fast = try await transport.send(
                LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["fast"]))
            #expect(fast.status == 200, "round \(round)")
            #expect(fast.body == Data("fast /fast".utf8), "round \(round)")
            #expect(server.requests.last?.method == "GET", "round \(round)")
            #expect(server.requests.last?.body == [], "round \(round)")
        }
    }
}
