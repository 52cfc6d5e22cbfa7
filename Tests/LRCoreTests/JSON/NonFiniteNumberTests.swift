import Foundation
import LRCore
import Logging
import Testing

/// JSON has no NaN or infinity: a body holding one is refused as `invalidArgument` naming the
/// member, on every path that encodes a body, and nothing is sent (never Swift's `EncodingError`).
@Suite("Non-finite numbers in a body are invalidArgument naming the member")
struct NonFiniteNumberTests {
    struct Profile: Encodable {
        var firstName = "Ada"
        var customFields: [String: JSONValue]
    }

    struct Score: Encodable {
        var points: [Double]
    }

    static let operation = OperationDescriptor(
        name: "updateAccountByUid", group: "account", method: .put, pathTemplate: "identity/v2/manage/account/x",
        apiKey: .query("apiKey"), documentation: "x")

    static let values: [Double] = [.nan, .infinity, -.infinity, .signalingNaN]

    static func send(_ build: (inout APICall) throws -> Void) async -> (error: (any Error)?, sent: Int) {
        let transport = ScriptedTransport()
        do {
            let client = try LoginRadiusClient(
                configuration: TestCredentials.configuration(), transport: transport,
                logger: Logger(label: "lr-nonfinite", factory: { _ in SwiftLogNoOpLogHandler() }))
            var call = APICall(operation)
            try build(&call)
            _ = try await client.send(call)
            return (nil, transport.requests.count)
        } catch {
            return (error, transport.requests.count)
        }
    }

    static func parameter(_ error: (any Error)?) -> String? {
        (error as? LoginRadiusError)?.invalidArgument?.parameter
    }

    @Test("a model member", arguments: values)
    func model(value: Double) async {
        let result = await Self.send { try $0.body(Profile(customFields: ["score": .double(value)])) }
        #expect(Self.parameter(result.error) == "customFields.score", "\(String(describing: result.error))")
        #expect(result.sent == 0)
    }

    @Test("an array element of a model member", arguments: values)
    func arrayElement(value: Double) async {
        let result = await Self.send { try $0.body(Score(points: [1, value])) }
        #expect(Self.parameter(result.error) == "points.[1]", "\(String(describing: result.error))")
        #expect(result.sent == 0)
    }

    @Test("a raw JSONValue body", arguments: values)
    func rawBody(value: Double) async {
        let result = await Self.send { try $0.body(JSONValue.object(["nested": .array([.double(value)])])) }
        #expect(Self.parameter(result.error) == "nested.[0]", "\(String(describing: result.error))")
        #expect(result.sent == 0)
    }

    @Test("a member set by itself, bare or inside a value", arguments: values)
    func bodyField(value: Double) async {
        let bare = await Self.send { try $0.bodyField("ratio", value) }
        #expect(Self.parameter(bare.error) == "ratio", "\(String(describing: bare.error))")
        #expect(bare.sent == 0)
        let nested = await Self.send { try $0.bodyField("customFields", ["score": JSONValue.double(value)]) }
        #expect(Self.parameter(nested.error) == "customFields.score", "\(String(describing: nested.error))")
        #expect(nested.sent == 0)
    }

    @Test("finite numbers still go out")
    func finite() async {
        let result = await Self.send { try $0.body(Profile(customFields: ["score": .double(1.5)])) }
        #expect(result.error == nil)
        #expect(result.sent == 1)
    }
}
