import Foundation
import LRCore
import Logging
import Synchronization
import Testing

/// SplitMix64: a tiny, seedable, deterministic generator.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random and mutated bodies for the shapes the client decodes most: LoginRadius error bodies,
/// `Identity` and `AccessToken<Identity>`.
enum FuzzCorpus {
    static let errorBody = #"""
        {"Description":"Please use a valid user ID and password combination.","ErrorCode":966,"Message":"Invalid user ID and/or password",
         "IsProviderError":false,"ProviderErrorResponse":null,"Errors":[{"Field":"Email","Message":"bad"}],
         "Data":{"PINAuthToken":"abc","Nested":{"a":[1,2.5,-3e10,true,null]}}}
        """#
    static let identity = #"""
        {"Uid":"2b1c3f9a","ID":"1234","FirstName":"Ada","LastName":"Lovelace","FullName":"Ada Lovelace",
         "Email":[{"Type":"Primary","Value":"ada@example.com"}],"PhoneNumbers":[{"PhoneType":"Mobile","PhoneNumber":"+4412345"}],
         "Addresses":[{"Type":"home","Address1":"1 St","City":"London","Country":"UK"}],"Gender":"F","BirthDate":"12-10-1815",
         "Age":"36","IsActive":true,"IsDeleted":false,"EmailVerified":true,"CreatedDate":"2024-05-01T10:52:36.1644137Z",
         "ModifiedDate":"2024-05-01T10:52:36Z","LastLoginDate":"2024-05-01T10:52:36.164+02:00","NoOfLogins":42,
         "CustomFields":{"plan":"gold"},"Roles":["admin","user"],"Password":"hash","PhoneIdVerified":null}
        """#
    static var accessToken: String {
        #"{"access_token":"c3b8130e-1111","refresh_token":"5b8a0b7c-2222","expires_in":"2024-05-01T10:52:36.1644137Z","session_token":"s","session_expires_in":"2024-05-01T10:52:36Z","Profile":"#
            + identity + "}"
    }

    static let tokens: [[UInt8]] =
        [
            "null", "{", "}", "[", "]", "\"", ",", ":", "1e999", "-0", "true", "false", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\uD83D\\uDE00\"", "9223372036854775808", "-9223372036854775809", "0.0000000000000000000001", "{}", "[]",
            "\"ErrorCode\"", "\"Profile\"", "\"2024-13-45T99:99:99Z\"", "\"\\\"", "NaN", "Infinity", "\"Uid\":",
        ].map { Array($0.utf8) } + [
            [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xEF, 0xBB, 0xBF],
        ]

    /// The `iteration`th body for `seed`: a random byte string, deep nesting, or a mutated seed body.
    static func body(_ generator: inout SeededGenerator, seedBody: [UInt8]) -> [UInt8] {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0:
            return (0..<Int.random(in: 0..<200, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
        case 1:
            let depth = Int.random(in: 100..<2_000, using: &generator)
            let open: [UInt8] = Bool.random(using: &generator) ? Array("[".utf8) : Array(#"{"a":"#.utf8)
            return Array(repeating: open, count: depth).flatMap { $0 } + Array("1".utf8)
        default:
            var body = seedBody
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                mutate(&body, &generator)
            }
            return body
        }
    }

    static func mutate(_ body: inout [UInt8], _ generator: inout SeededGenerator) {
        guard !body.isEmpty else {
            body = tokens.randomElement(using: &generator) ?? []
            return
        }
        let index = Int.random(in: 0..<body.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0:
            body[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
        case 1:
            let end = min(body.count, index + Int.random(in: 1...16, using: &generator))
            body.removeSubrange(index..<end)
        case 2:
            body.insert(contentsOf: tokens.randomElement(using: &generator) ?? [], at: index)
        case 3:
            body.removeSubrange(index...)
        case 4:
            let end = min(body.count, index + Int.random(in: 1...32, using: &generator))
            body.insert(contentsOf: body[index..<end], at: index)
        default:
            // Replace a value-ish byte run with a token of another type.
            let end = min(body.count, index + Int.random(in: 1...6, using: &generator))
            body.replaceSubrange(index..<end, with: tokens.randomElement(using: &generator) ?? [])
        }
    }
}

/// A transport that answers with whatever body and status the test sets next.
final class FuzzTransport: LoginRadiusTransport {
    private let next = Mutex<LoginRadiusResponse>(LoginRadiusResponse(status: 200, headers: [:], body: Data()))

    func set(status: Int, body: [UInt8]) {
        next.withLock {
            $0 = LoginRadiusResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body))
        }
    }

    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        next.withLock { $0 }
    }
}

/// A log handler at trace that drops everything (so redaction parses every fuzzed body).
struct DiscardingLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {}
}

/// Random and mutated bodies through the client's whole response path (logging with redaction at
/// trace, response validation, decoding): a call returns or throws `LoginRadiusError`, never
/// anything else, and never crashes. Seeded, so every run sends the same bodies.
@Suite("Fault fuzz: decoding never crashes", .timeLimit(.minutes(1)))
struct FaultFuzzDecodingTests {
    static let iterationsPerShape = 1_500
    static let statuses = [200, 200, 200, 200, 201, 400, 401, 403, 404, 429, 500, 502, 503, 302]

    enum Shape: String, CaseIterable, Sendable {
        case errorBody, identity, accessToken
    }

    static func client(_ transport: FuzzTransport) throws -> LoginRadiusClient {
        let configuration = try LoginRadiusConfiguration(
            apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.apiSecret, retry: .disabled)
        return try LoginRadiusClient(
            configuration: configuration, transport: transport,
            logger: Logger(label: "lr-fuzz", factory: { _ in DiscardingLogHandler() }))
    }

    /// Outcomes by kind: `ok`, or the error case name.
    static func run(_ shape: Shape, seed: UInt64) async throws -> [String: Int] {
        let transport = FuzzTransport()
        let client = try client(transport)
        var generator = SeededGenerator(seed: seed)
        let seedBody: [UInt8] =
            switch shape {
            case .errorBody: Array(FuzzCorpus.errorBody.utf8)
            case .identity: Array(FuzzCorpus.identity.utf8)
            case .accessToken: Array(FuzzCorpus.accessToken.utf8)
            }
        var outcomes: [String: Int] = [:]
        let operation = OperationDescriptor(
            name: "fuzz", group: "fuzz", method: .get, pathTemplate: "identity/v2/auth/account", documentation: "x")
        for _ in 0..<iterationsPerShape {
            // The transport never suspends: yield, so the loop does not hold a cooperative thread
            // (there are as many as cores) while the transport tests wait to be resumed.
            await Task.yield()
            let body = FuzzCorpus.body(&generator, seedBody: seedBody)
            let status =
                shape == .errorBody
                ? [400, 401, 403, 404, 500, 200].randomElement(using: &generator) ?? 400
                : statuses.randomElement(using: &generator) ?? 200
            transport.set(status: status, body: body)
            do {
                switch shape {
                case .identity: _ = try await client.perform(APICall(operation), as: Identity.self)
                case .accessToken, .errorBody:
                    _ = try await client.perform(APICall(operation), as: AccessToken<Identity>.self)
                }
                outcomes["ok", default: 0] += 1
            } catch let error as LoginRadiusError {
                outcomes[Self.kind(error), default: 0] += 1
            } catch {
                Issue.record(
                    "\(shape) body \(body.prefix(80)) status \(status): not a LoginRadiusError: \(type(of: error)) \(error)"
                )
            }
        }
        return outcomes
    }

    static func kind(_ error: LoginRadiusError) -> String {
        error.code.description
    }

    @Test("random and mutated bodies only return or throw LoginRadiusError", arguments: Shape.allCases)
    func fuzz(_ shape: Shape) async throws {
        let outcomes = try await Self.run(shape, seed: 0x4C52_0000 + UInt64(shape.rawValue.count))
        #expect(outcomes.values.reduce(0, +) == Self.iterationsPerShape)
        print(
            "RELIABILITY fuzz shape=\(shape.rawValue) iterations=\(Self.iterationsPerShape) outcomes=\(outcomes.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ","))"
        )
        // The mutations are mild enough that some bodies still decode, and rough enough that many do not.
        #expect(outcomes["decoding", default: 0] > 0 || outcomes["api", default: 0] > 0)
    }

    @Test("the corpus is deterministic: the same seed gives the same bodies")
    func deterministic() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        let seedBody = Array(FuzzCorpus.accessToken.utf8)
        for _ in 0..<200 {
            #expect(FuzzCorpus.body(&first, seedBody: seedBody) == FuzzCorpus.body(&second, seedBody: seedBody))
        }
    }

    @Test("the unmutated seed bodies decode (control)")
    func seedsDecode() async throws {
        let transport = FuzzTransport()
        let client = try Self.client(transport)
        let operation = OperationDescriptor(
            name: "fuzz", group: "fuzz", method: .get, pathTemplate: "x", documentation: "x")
        transport.set(status: 200, body: Array(FuzzCorpus.accessToken.utf8))
        let token = try await client.perform(APICall(operation), as: AccessToken<Identity>.self)
        #expect(token.profile?.uid == "2b1c3f9a")
        transport.set(status: 200, body: Array(FuzzCorpus.identity.utf8))
        #expect(try await client.perform(APICall(operation), as: Identity.self).firstName == "Ada")
        transport.set(status: 401, body: Array(FuzzCorpus.errorBody.utf8))
        await #expect(throws: LoginRadiusError.self) {
            _ = try await client.perform(APICall(operation), as: Identity.self)
        }
    }
}
