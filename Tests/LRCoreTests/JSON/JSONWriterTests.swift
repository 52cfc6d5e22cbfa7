import Foundation
import LRCore
import Testing

/// The bytes generated code writes for a request body are the bytes `JSONEncoder` wrote before:
/// same escaping (`"`, `\`, control characters; `/` and non-ASCII as they are), same numbers.
/// Object member order was never fixed (`JSONEncoder` keeps members in a hash table whose order
/// changes from process to process), so objects of several members are compared as JSON values
/// and everything else byte for byte.
@Suite("JSONWriter: the bytes JSONEncoder wrote")
struct JSONWriterTests {
    static func encoder(_ value: JSONValue) throws -> String {
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    }

    static func writer(_ value: JSONValue) throws -> String {
        String(decoding: try value.jsonBody(), as: UTF8.self)
    }

    /// Every character class that escaping treats differently.
    static let strings: [String] = [
        "", "plain", "user+tag@example.com", "a/b\\c\"d", "http://x.test/a?b=c&d=e#f",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}\u{80}\u{85}\u{A0}",
        "é e\u{301} 日本 😀 \u{2028}\u{2029} \u{FEFF}", "tab\there\nnew\rline\u{8}\u{C}",
        "'<>&'", String(repeating: "long ", count: 40),
    ]

    static let doubles: [Double] = [
        0, -0.0, 1, -1, 1.5, 0.1, 0.2 + 0.1, 1e20, 1e21, 1e22, 1e-5, 1e-7, 123456789012345680, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude, 100, 1e16, 1e17, 12345.678,
        -3.25, 2.5e-3, 9007199254740994, 4.35, 1 / 3, 2e15, 1.0000000000000002,
    ]

    @Test("strings: escaped exactly as JSONEncoder escapes them", arguments: strings)
    func string(text: String) throws {
        #expect(try Self.writer(.string(text)) == Self.encoder(.string(text)))
    }

    @Test("every single Unicode scalar class below U+0800, and a sample above")
    func scalars() throws {
        let scalars =
            (0..<0x800).compactMap(Unicode.Scalar.init) + [0xFFFD, 0x1F600, 0x10FFFF].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = "x\(Character(scalar))y"
            #expect(
                try Self.writer(.string(text)) == Self.encoder(.string(text)), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("doubles: the shortest form, whole numbers without .0", arguments: doubles)
    func double(value: Double) throws {
        #expect(try Self.writer(.double(value)) == Self.encoder(.double(value)))
        #expect(try Self.writer(.double(-value)) == Self.encoder(.double(-value)))
    }

    @Test("random doubles and integers")
    func randomNumbers() throws {
        var generator = SeededGenerator(seed: 0x4A53_4F4E)
        for _ in 0..<5000 {
            let bits = UInt64.random(in: .min ... .max, using: &generator)
            let double = Double(bitPattern: bits)
            if double.isFinite {
                #expect(try Self.writer(.double(double)) == Self.encoder(.double(double)), "\(bits)")
            }
            let scaled = Double.random(in: -1e6...1e6, using: &generator).rounded() / 100
            #expect(try Self.writer(.double(scaled)) == Self.encoder(.double(scaled)))
            let integer = Int64(bitPattern: bits) >> Int64.random(in: 0...63, using: &generator)
            #expect(try Self.writer(.int(integer)) == Self.encoder(.int(integer)))
        }
        for integer in [Int64.min, .max, 0, -1, 10, 99, 100, 1_000_000_000_000_000_000] {
            #expect(try Self.writer(.int(integer)) == Self.encoder(.int(integer)))
        }
    }

    /// A random value whose objects have at most one member, so the bytes are comparable.
    static func value(depth: Int, _ generator: inout SeededGenerator) -> JSONValue {
        switch Int.random(in: 0..<(depth > 0 ? 9 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64.random(in: -1_000_000...1_000_000, using: &generator))
        case 3: return .double(doubles.randomElement(using: &generator) ?? 0)
        case 4, 5: return .string(strings.randomElement(using: &generator) ?? "")
        case 6, 7:
            return .array(
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth: depth - 1, &generator) })
        default:
            guard Bool.random(using: &generator) else { return .object([:]) }
            let key = strings.randomElement(using: &generator) ?? ""
            return .object([key: value(depth: depth - 1, &generator)])
        }
    }

    @Test("nested values: byte for byte")
    func nested() throws {
        var generator = SeededGenerator(seed: 0x5752_4954)
        for _ in 0..<2000 {
            let value = Self.value(depth: 4, &generator)
            #expect(try Self.writer(value) == Self.encoder(value))
        }
    }

    @Test("objects of several members: the same JSON value, every member once")
    func objects() throws {
        var generator = SeededGenerator(seed: 0x4F42_4A53)
        for _ in 0..<500 {
            var members: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 2...8, using: &generator) {
                members["k\(index)" + (Self.strings.randomElement(using: &generator) ?? "")] = Self.value(
                    depth: 2, &generator)
            }
            let written = try JSONValue(parsing: Data(try JSONValue.object(members).jsonBody()))
            let encoded = try JSONValue(parsing: JSONCoding.encode(JSONValue.object(members)))
            #expect(written == encoded)
            #expect(written.objectValue?.keys.sorted() == members.keys.sorted())
        }
    }

    @Test("members set one by one: one object in call order, no JSONDecoder involved")
    func bodyFields() throws {
        var call = APICall(MiddlewareTestSupport.login)
        try call.bodyField("email", required: "a/b@example.com", parameter: "email")
        try call.bodyField("password", required: "p\"w\u{1}", parameter: "password")
        try call.bodyField("flag", true)
        try call.bodyField("blank", " ")
        try call.bodyField("absent", String?.none)
        try call.bodyField("nested", ["k": JSONValue.array([1, 2.5, "x"])])
        let client = try MiddlewareTestSupport.client(
            try MiddlewareTestSupport.configuration(), transport: ScriptedTransport([]))
        let body = try #require(try client.makeRequest(for: call).body)
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"email":"a/b@example.com","password":"p\"w\u0001","flag":true,"nested":{"k":[1,2.5,"x"]}}"#)
    }
}
