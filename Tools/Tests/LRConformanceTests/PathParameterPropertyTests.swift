import Foundation
import LRCatalogue
import LRConformance
import LRTestSupport
import Logging
import LoginRadius
import Testing

/// Every path parameter of every catalogue operation stays exactly one segment at the server,
/// whatever its value: each call goes through the public API (the generated conformance dispatch)
/// and real libcurl to a capture server on loopback, which must see the template's number of
/// segments with the parameter's segment decoding back to the value given — or the call throws
/// `invalidArgument` and nothing arrives. The operation list is read from the catalogue at run time.
@Suite("Path parameters stay one segment (property test over the catalogue)")
struct PathParameterPropertyTests {
    /// Values that have reached another endpoint before, or could: dot segments, encoded dots,
    /// separators, backslash, NUL, whitespace, non-ASCII.
    static let hostile = [
        ".", "..", "...", "../x", "x/..", "./", "%2e%2e", "%2E", ".%2e", "/", "//", "?", "#", "\\", "..\\x",
        "\u{0}", "a\u{0}b", " ", "\t", "é", "😀", "a b", "+", "&x=1", ";x", "%", "%zz", "\r\nX: y",
    ]
    /// Values the SDK must refuse: they cannot be one segment (blank, or a dot segment).
    static func mustRefuse(_ value: String) -> Bool {
        value == "." || value == ".." || value.allSatisfy(\.isWhitespace)
    }

    /// Random strings over an alphabet weighted towards the characters that matter in a path.
    static func randomValues(count: Int, using generator: inout some RandomNumberGenerator) -> [String] {
        let alphabet: [String] = [
            ".", ".", ".", "/", "?", "#", "\\", "%", "2", "e", "E", "a", " ", "\u{0}", "é", "+", "~", ":",
        ]
        return (0..<count).map { _ in
            String(
                (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                    .joined())
        }
    }

    struct PathOperation: Sendable, CustomTestStringConvertible {
        var key: String
        var template: [String]
        var pathParameters: [(python: String, placeholder: String)]
        var otherArguments: [String: JSONValue]
        var testDescription: String { key }
    }

    static let catalogueURL = repositoryRoot.appendingPathComponent("Tools/Catalogue")

    static func operations() throws -> [PathOperation] {
        // A body with every member LoginRadius requires cannot be made up from the catalogue's
        // parameter types alone, so the other arguments come from the operation's shared
        // conformance cases: each argument's first non-blank value, sent cases first (an operation
        // may have only "missing" cases, each with a different argument blanked).
        let cases = try ConformanceCase.load(from: SharedConformanceTests.casesURL).filter { $0.config == "default" }
        var shared: [String: [String: JSONValue]] = [:]
        for testCase in cases.filter({ $0.expect.sent }) + cases {
            for (name, value) in testCase.args {
                let current = shared[testCase.key]?[name]
                if current == nil || current?.stringValue?.allSatisfy(\.isWhitespace) == true {
                    shared[testCase.key, default: [:]][name] = value
                }
            }
        }
        return try Catalogue.load(from: catalogueURL).allOperations.compactMap { group, operation in
            let path = operation.parameters.filter { $0.in == "path" }
            guard !path.isEmpty else { return nil }
            var others: [String: JSONValue] = shared[group.group + "." + operation.python] ?? [:]
            for parameter in operation.parameters
            where parameter.in != "path" && parameter.required && others[parameter.python] == nil {
                switch parameter.type {
                case "String": others[parameter.python] = .string("x")
                case "Int": others[parameter.python] = .int(1)
                case "Bool": others[parameter.python] = .bool(true)
                default: others[parameter.python] = .object([:])
                }
            }
            return PathOperation(
                key: group.group + "." + operation.python,
                template: operation.path.split(separator: "/").map(String.init),
                pathParameters: path.map { ($0.python, "{" + ($0.wire ?? $0.python) + "}") },
                otherArguments: others)
        }
    }

    static func client(_ server: LoopbackServer) throws -> LoginRadiusClient {
        var configuration = try ConformanceRunner.configuration(for: "default")
        configuration.baseURL = "http://127.0.0.1:\(server.port)/"
        configuration.configURL = "http://127.0.0.1:\(server.port)/"
        configuration.retry = .disabled
        var logger = Logger(label: "lr.path-property")
        logger.logLevel = .critical
        return try LoginRadiusClient(configuration: configuration, logger: logger)
    }

    @Test("the catalogue has operations with path parameters, each in the dispatch")
    func catalogueCoverage() throws {
        let operations = try Self.operations()
        #expect(operations.count >= 40)
        for operation in operations {
            #expect(ConformanceDispatch.calls[operation.key] != nil, "\(operation.key) has no dispatch entry")
            for parameter in operation.pathParameters {
                #expect(
                    operation.template.contains(parameter.placeholder), "\(operation.key): \(parameter.placeholder)")
            }
        }
    }

    @Test("hostile and random values arrive as one segment each, or are refused with nothing sent")
    func everyOperation() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let client = try Self.client(server)
        var generator = SystemRandomNumberGenerator()
        var failures: [String] = []
        var refused = 0
        var delivered = 0
        for operation in try Self.operations() {
            guard let call = ConformanceDispatch.calls[operation.key] else { continue }
            for (index, parameter) in operation.pathParameters.enumerated() {
                for value in Self.hostile + Self.randomValues(count: 12, using: &generator) {
                    // The other path parameters get ordinary values, so only this one is under test.
                    var arguments = operation.otherArguments
                    for (other, otherParameter) in operation.pathParameters.enumerated() {
                        arguments[otherParameter.python] = .string(other == index ? value : "p\(other)")
                    }
                    let before = server.targets.count
                    var thrown: (any Error)?
                    do {
                        try await call(client, ConformanceArguments(arguments))
                    } catch {
                        thrown = error
                    }
                    let targets = server.targets
                    let label = "\(operation.key) \(parameter.python)=\(value.debugDescription)"
                    if let argument = (thrown as? LoginRadiusError)?.invalidArgument {
                        refused += 1
                        if targets.count != before { failures.append("\(label): refused after sending") }
                        if !Self.mustRefuse(value) { failures.append("\(label): refused (\(argument.reason))") }
                        continue
                    }
                    guard targets.count == before + 1, let target = targets.last else {
                        failures.append(
                            "\(label): \(targets.count - before) requests arrived; error \(String(describing: thrown))")
                        continue
                    }
                    delivered += 1
                    if Self.mustRefuse(value) { failures.append("\(label): was sent as \(target)") }
                    let path = target.prefix { $0 != "?" }
                    let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(
                        String.init)
                    guard segments.count == operation.template.count else {
                        failures.append(
                            "\(label): \(segments.count) segments in \(target), expected \(operation.template.count)")
                        continue
                    }
                    for (position, expected) in operation.template.enumerated() {
                        let decoded = PercentEncoding.decode(segments[position])
                        if expected == parameter.placeholder {
                            if decoded != value {
                                failures.append("\(label): segment decodes to \(String(describing: decoded))")
                            }
                        } else if !expected.hasPrefix("{"), decoded?.lowercased() != expected.lowercased() {
                            failures.append(
                                "\(label): segment \(position) is \(segments[position]), expected \(expected)")
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(30).joined(separator: "\n"))")
        #expect(refused > 0)
        #expect(delivered > 1000)
    }

    @Test("deleteRoleContextByUID(contextName: \"..\") is invalidArgument and nothing reaches the server")
    func deleteRoleContextDotDot() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let client = try Self.client(server)
        for contextName in ["..", "."] {
            await #expect {
                _ = try await client.role.deleteRoleContextByUID(contextName: contextName, uid: "victim-uid")
            } throws: { error in
                return (error as? LoginRadiusError)?.invalidArgument?.parameter == "contextName"
            }
        }
        await #expect(throws: LoginRadiusError.self) {
            _ = try await client.account.getAccountProfileByUID(uid: "..")
        }
        #expect(server.targets.isEmpty)
        // The same call with an ordinary name arrives with the name as its last segment.
        _ = try? await client.role.deleteRoleContextByUID(contextName: "ctx", uid: "victim-uid")
        #expect(
            server.targets.map { $0.prefix { $0 != "?" } } == [
                "/identity/v2/manage/account/victim-uid/rolecontext/ctx"
            ])
    }
}
