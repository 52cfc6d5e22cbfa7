import Foundation
import LRCore
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

private typealias Support = MiddlewareTestSupport

/// `client.with(originIP:timeout:logger:headers:metadata:)`: per-call options on views that share
/// one client.
@Suite("Client per-call options")
struct ClientCallOptionsTests {
    @Test("a view's origin IP, timeout and headers reach its request only; the configuration's IP is the default")
    func viewOptionsReachTheRequest() async throws {
        let transport = ScriptedTransport([Support.ok])
        let client = try Support.client(try Support.configuration(originIP: "192.0.2.1"), transport: transport)
        let view = client.with(
            originIP: "203.0.113.7", timeout: .seconds(3), headers: ["X-Trace": "t-1"], metadata: ["request": "r-1"])
        _ = try await view.send(try Support.call(Support.getProfile))
        _ = try await client.send(try Support.call(Support.getProfile))
        let (viewRequest, plainRequest) = (transport.requests[0], transport.requests[1])
        #expect(viewRequest.headers[LoginRadiusHeaderName.originIP] == "203.0.113.7")
        #expect(viewRequest.headers["X-Trace"] == "t-1")
        #expect(viewRequest.timeout == .seconds(3))
        #expect(plainRequest.headers[LoginRadiusHeaderName.originIP] == "192.0.2.1")
        #expect(plainRequest.headers["X-Trace"] == nil)
        #expect(plainRequest.timeout == client.configuration.requestTimeout)
        // A view of a view keeps what it does not replace.
        let nested = view.with(originIP: "198.51.100.9")
        #expect(nested.callOptions.originIP == "198.51.100.9")
        #expect(nested.callOptions.timeout == .seconds(3))
        #expect(nested.callOptions.headers["X-Trace"] == "t-1")
        #expect(nested.callOptions.metadata["request"] == "r-1")
    }

    @Test(
        "a bad origin IP on a view is a typed error naming the call, and nothing is sent",
        arguments: ["", "  ", "1.2.3.4\r\nX: y"])
    func badOriginIP(_ value: String) async throws {
        let transport = ScriptedTransport([Support.ok])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let error = await Support.error {
            _ = try await client.with(originIP: value).send(try Support.call(Support.getProfile))
        }
        let thrown = try #require(error as? LoginRadiusError)
        #expect(thrown.invalidArgument?.parameter == "originIP")
        #expect(thrown.operation?.swiftName == "getProfileByAccessToken")
        #expect(thrown.attempts == 0)
        #expect(transport.requests.isEmpty)
    }

    @Test(
        "1,000 concurrent calls through with(originIP:) views of one client: each request carries only its own IP, over one libcurl thread"
    )
    func thousandConcurrentViews() async throws {
        let server = try LoopbackHTTPServer { request in
            let ips = request.values(LoginRadiusHeaderName.originIP)
            return .respond(
                .init(
                    fields: [.init(name: "Content-Type", value: "application/json")],
                    body: Array(#"{"ips":"\#(ips.joined(separator: ","))"}"#.utf8)))
        }
        defer { server.stop() }
        let client = try LoginRadiusClient(configuration: try Support.configuration(baseURL: server.baseURL))
        let curl = try #require(client.transport as? CurlTransport)
        let loopThread = curl.loopThreadKernelID
        let count = 1_000
        let echoed = try await withThrowingTaskGroup(of: (String, String, Bool).self) { group in
            for index in 0..<count {
                let ip = "10.0.\(index / 256).\(index % 256)"
                let view = client.with(originIP: ip)
                group.addTask {
                    let response = try await view.send(try Support.call(Support.getProfile))
                    let body = try JSONValue(parsing: response.body)
                    return (ip, body.objectValue?["ips"]?.stringValue ?? "", view.transport as? CurlTransport === curl)
                }
            }
            var results: [(String, String, Bool)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(echoed.count == count)
        #expect(echoed.allSatisfy { $0.0 == $0.1 }, "a request carried another call's origin IP")
        #expect(echoed.allSatisfy { $0.2 }, "a view had a transport of its own")
        // Every request the server saw carried exactly one X-Origin-IP, and all differ.
        let seen = server.requests.map { $0.values(LoginRadiusHeaderName.originIP) }
        #expect(seen.count == count)
        #expect(seen.allSatisfy { $0.count == 1 })
        #expect(Set(seen.compactMap(\.first)).count == count)
        // One loop thread served them all: the client's, still alive and named.
        #expect(curl.loopThreadKernelID == loopThread)
        #expect(TransportTestSupport.threadName(kernelID: loopThread) == "lr-curl-loop")
        try await client.shutdown()
    }
}
