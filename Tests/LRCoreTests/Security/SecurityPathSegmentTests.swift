import Foundation
import LRCore
import Logging
import Testing

/// Replaces one path segment in the retry loop, as a careless custom middleware could.
struct PathRewritingMiddleware: LoginRadiusMiddleware {
    var index: Int
    var segment: String

    func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext) async throws
        -> LoginRadiusResponse
    {
        var request = request
        request.pathSegments[index] = segment
        return try await next(request, context)
    }
}

/// A path parameter stays one segment at the server: `.`, `..` and blank values are refused before
/// anything is sent (a dot segment is removed on its way and the call reaches another endpoint),
/// and the last step before the transport refuses a request whose path has one, whoever built it.
@Suite("Security: dot and empty path segments are refused before sending")
struct SecurityPathSegmentTests {
    static let operation = OperationDescriptor(
        name: "deleteRoleContextByUid", group: "role", method: .delete,
        pathTemplate: "identity/v2/manage/account/{uid}/rolecontext/{rolecontextname}",
        apiKey: .query("apiKey"), apiSecret: .header("X-LoginRadius-ApiSecret"), documentation: "x")

    static func client(_ transport: ScriptedTransport, attemptMiddleware: [any LoginRadiusMiddleware] = [])
        throws -> LoginRadiusClient
    {
        try LoginRadiusClient(
            configuration: TestCredentials.configuration(), transport: transport, attemptMiddleware: attemptMiddleware,
            logger: Logger(label: "lr-security", factory: { _ in SwiftLogNoOpLogHandler() }), clock: FakeClock(),
            randomFraction: { 0 })
    }

    @Test(
        "a dot, dot-dot, empty or blank path parameter is invalidArgument naming it", arguments: [".", "..", "", " "])
    func refusedValue(value: String) throws {
        var call = APICall(Self.operation)
        try call.pathParameter("uid", "victim", parameter: "uid")
        #expect {
            try call.pathParameter("rolecontextname", value, parameter: "contextName")
        } throws: { error in
            return (error as? LoginRadiusError)?.invalidArgument?.parameter == "contextName"
        }
        #expect(call.pathParameters["rolecontextname"] == nil)
    }

    @Test(
        "values that only look like dot segments are sent, percent-encoded, as one segment",
        arguments: ["...", "../x", "%2e%2e", "./", "a/..", "/", "?", "#", "\\", "\u{0}", "é"])
    func acceptedValue(value: String) async throws {
        let transport = ScriptedTransport()
        let client = try Self.client(transport)
        var call = APICall(Self.operation)
        try call.pathParameter("uid", "victim", parameter: "uid")
        try call.pathParameter("rolecontextname", value, parameter: "contextName")
        _ = try await client.send(call)
        let request = try #require(transport.requests.first)
        #expect(request.pathSegments == ["identity", "v2", "manage", "account", "victim", "rolecontext", value])
        let path = String(request.encodedPathAndQuery.prefix { $0 != "?" })
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        #expect(segments.count == 7)
        #expect(segments.last.flatMap { PercentEncoding.decode(String($0)) } == value)
    }

    @Test(
        "a middleware that puts a dot segment into the path is stopped before the transport",
        arguments: [".", "..", ""])
    func middlewareDotSegment(segment: String) async throws {
        let transport = ScriptedTransport()
        let client = try Self.client(
            transport, attemptMiddleware: [PathRewritingMiddleware(index: 6, segment: segment)])
        var call = APICall(Self.operation)
        try call.pathParameter("uid", "victim", parameter: "uid")
        try call.pathParameter("rolecontextname", "admin", parameter: "contextName")
        await #expect {
            _ = try await client.send(call)
        } throws: { error in
            return (error as? LoginRadiusError)?.invalidArgument?.parameter == "path segment 7"
        }
        #expect(transport.requests.isEmpty)
    }
}
