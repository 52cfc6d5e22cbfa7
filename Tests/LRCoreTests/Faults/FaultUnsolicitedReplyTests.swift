import Foundation
import LRCore
import Logging
import Testing

/// The fault table's keep-alive row: a server (or anything on a plain-HTTP path) writes a second,
/// unasked-for response on a kept-alive connection 50 ms after the first. The next call on the
/// same client — here with another user's token — must get the server's answer to *its* request,
/// never the forged one: a connection with unread bytes is not reused (see Docs/Reliability.md,
/// "Threat model").
@Suite("Fault: an unsolicited reply on an idle kept-alive connection", .timeLimit(.minutes(1)))
struct FaultUnsolicitedReplyTests {
    static let forged = #"{"access_token":"forged","Profile":{"Uid":"attacker"}}"#

    static func call(token: String) throws -> APICall {
        var call = APICall(FaultTableTests.getOperation)
        try call.accessToken(token)
        return call
    }

    /// Returns once `count` forged replies are in the client's receive buffer: the server reports
    /// each after the client's kernel acknowledged its bytes (no fixed sleep).
    static func waitForUnsolicited(_ server: LoopbackHTTPServer, count: Int) async throws {
        try await server.waitUntil { $0.unsolicitedRepliesSent >= count }
    }

    @Test("the next call gets its own answer, never the forged one", arguments: [1, 2])
    func nextCallGetsItsOwnAnswer(calls: Int) async throws {
        // Each request is answered with its own token's user; the first (and, with two, the
        // second) is followed by a forged reply on the same connection.
        let server = try LoopbackHTTPServer { request in
            let token = request.values("Authorization").first?.replacingOccurrences(of: "Bearer ", with: "") ?? ""
            let body = #"{"access_token":"\#(token)","Profile":{"Uid":"user-of-\#(token)"}}"#
            return token.hasPrefix("victim")
                ? .json(body) : .replyThenUnsolicited(body: body, forged: Self.forged, after: .milliseconds(50))
        }
        defer { server.stop() }
        let client = try FaultTableTests.client(baseURL: server.baseURL, retry: false)
        for index in 1...calls {
            let first = try await client.perform(try Self.call(token: "first\(index)"), as: AccessToken<Identity>.self)
            #expect(first.profile?.uid == "user-of-first\(index)")
            try await Self.waitForUnsolicited(server, count: index)
        }
        let next = try await client.perform(try Self.call(token: "victim"), as: AccessToken<Identity>.self)
        #expect(next.accessToken == "victim", "the next call returned the forged reply")
        #expect(next.profile?.uid == "user-of-victim")
        #expect(server.requests.filter { $0.values("Authorization").first == "Bearer victim" }.count == 1)
        print(
            "RELIABILITY fault | unsolicited reply 50 ms after a kept-alive reply | GET | retry off | expected the next call's own answer | got \(next.profile?.uid ?? "nil") | attempts 1"
        )
    }

    @Test("without unsolicited bytes the kept-alive connection is still reused (control)")
    func reuseStillWorks() async throws {
        let server = try LoopbackHTTPServer { _ in .json(#"{"access_token":"t","Profile":{"Uid":"u1"}}"#) }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(connectTimeout: .seconds(1), requestTimeout: .seconds(2)))
        let client = try FaultTableTests.client(baseURL: server.baseURL, retry: false, transport: transport)
        for _ in 0..<5 {
            _ = try await client.perform(try Self.call(token: "t"), as: AccessToken<Identity>.self)
        }
        #expect(server.connectionCount == 1)
    }
}
