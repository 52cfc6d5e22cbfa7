import Foundation
import LRCore
import LoginRadius
import Testing

/// Every model the SDK decodes, in every module: random and adversarial replies (wrong types,
/// nulls, big numbers, duplicate keys, keys differing only in case, Unicode keys, nested shapes,
/// non-object top levels) must give equal values through the fast path (`JSONValue(parsing:)` +
/// `init(jsonValue:)`) and through `JSONDecoder` + `init(from:)`, or be refused by both.
@Suite("Every model: the fast path and JSONDecoder agree")
struct ModelParityTests {

    /// One model type: its name, its declared members, and a check that decodes a text both ways
    /// and returns a description of any difference (`nil` when the paths agree).
    struct ModelCase: Sendable, CustomTestStringConvertible {
        var name: String
        var knownFields: Set<String>
        var compare: @Sendable (Data) -> String?
        /// Decodes a text by the direct path (the model reading the bytes, no tree) and by the
        /// tree, and describes any difference (DirectParityTests.swift).
        var compareDirect: @Sendable (Data) -> String?
        /// For a model a request body can be: decodes a text by the fast path, writes the value with
        /// `writeJSON(to:)` and with `JSONEncoder`, and describes any difference between the two
        /// JSON values (`nil` when they agree, or when the text is not a value of the model).
        var compareEncodings: (@Sendable (Data) -> String?)?
        var testDescription: String { name }

        init<T: JSONValueDecodable & Equatable & Sendable & JSONWritable>(_ type: T.Type, _ knownFields: Set<String>) {
            self.init(decoding: type, knownFields)
            compareEncodings = { data in
                guard let value = try? T(jsonValue: try JSONValue(parsing: data)) else { return nil }
                do {
                    let written = try JSONValue(parsing: Data(try value.jsonBody()))
                    let encoded = try JSONValue(parsing: JSONCoding.encode(value))
                    return written == encoded ? nil : "writeJSON: \(written)\nJSONEncoder: \(encoded)"
                } catch {
                    return "\(error)"
                }
            }
        }

        init<T: JSONValueDecodable & Equatable & Sendable>(_ type: T.Type, _ knownFields: Set<String>) {
            self.init(decoding: type, knownFields)
        }

        private init<T: JSONValueDecodable & Equatable & Sendable>(decoding type: T.Type, _ knownFields: Set<String>) {
            name = String(describing: type)
            self.knownFields = knownFields
            compareDirect = { data in ModelParityTests.directDifference(T.self, data) }
            compare = { data in
                let viaDecoder = Result { try JSONCoding.decode(T.self, from: data) }
                let viaTree = Result { try T(jsonValue: try JSONValue(parsing: data)) }
                switch (viaDecoder, viaTree) {
                case (.success(let decoded), .success(let built)):
                    return decoded == built ? nil : "JSONDecoder: \(decoded)\nfast path:   \(built)"
                case (.failure, .failure):
                    return nil
                case (.success(let decoded), .failure(let error)):
                    return "only JSONDecoder decodes it (\(decoded)); fast path: \(error)"
                case (.failure(let error), .success(let built)):
                    return "only the fast path decodes it (\(built)); JSONDecoder: \(error)"
                }
            }
        }
    }

    /// Every generated model (AllModels.swift, from the catalogue) and the hand-written generic
    /// replies with typical payloads.
    static let models: [ModelCase] =
        generatedModels + [
            ModelCase(AccessToken<Identity>.self, AccessToken<Identity>.knownFields),
            ModelCase(AccessToken<JSONValue>.self, AccessToken<JSONValue>.knownFields),
            ModelCase(PostResponseWithData<AccessToken<Identity>>.self, PostResponseWithData<Identity>.knownFields),
            ModelCase(PostResponseWithData<[SecurityQuestion]>.self, PostResponseWithData<Identity>.knownFields),
        ]

    /// Every declared member name of every model: keys for nested objects, so nested models see
    /// their own members too.
    static let allKeys: [String] = Array(Set(models.flatMap(\.knownFields))).sorted()

    /// JSON scalars as written, whole numbers in every spelling included (`1.0`, `1e2`, `-0.0`).
    static let scalars: [String] = [
        "null", "true", "false", "0", "-0", "1", "-1", "42", "1.0", "1e2", "-0.0", "2.50e1", "1.5", "-2.25e-3", "0.1",
        "1e-5",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "123456789012345678901234567890", "1.7976931348623157e308", "5e-324", "1.5e300",
        #""""#, #""x""#, #""2020-01-01T00:00:00Z""#, #""\u00e9""#, #""e\u0301""#, #""\ud83d\ude00 日本""#,
        #""\"ErrorCode\"""#, #""line\nbreak\t\u0000""#, #""true""#, #""1""#, #""null""#,
    ]

    /// A member name: mostly a declared one of the model, else another model's, a case variant,
    /// Unicode (NFC and NFD forms of the same name), empty, or the `ErrorCode` key.
    static func key(_ own: [String], _ generator: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0...4 where !own.isEmpty: return own.randomElement(using: &generator)!
        case 5: return allKeys.randomElement(using: &generator)!
        case 6 where !own.isEmpty:
            let name = own.randomElement(using: &generator)!
            return Bool.random(using: &generator) ? name.lowercased() : name.uppercased()
        case 7:
            return ["\u{E9}", "e\u{301}", "Ünïcödé", "\u{1F600}", "", " ", "ErrorCode"].randomElement(
                using: &generator)!
        default: return "x" + String(Int.random(in: 0..<4, using: &generator))
        }
    }

    /// A random JSON text whose object members are drawn by `key` (with repeats: duplicate keys).
    static func value(_ own: [String], depth: Int, _ generator: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<(depth > 0 ? 10 : 6), using: &generator) {
        case 0...5:
            return scalars.randomElement(using: &generator)!
        case 6, 7:
            let count = Int.random(in: 0...4, using: &generator)
            let elements = (0..<count).map { _ in value(allKeys, depth: depth - 1, &generator) }
            return "[" + elements.joined(separator: ",") + "]"
        default:
            return object(allKeys, depth: depth - 1, &generator)
        }
    }

    static func object(_ own: [String], depth: Int, _ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...8, using: &generator)
        var members: [String] = []
        for _ in 0..<count {
            let name = key(own, &generator)
            members.append(quoted(name) + ":" + value(own, depth: depth, &generator))
            if Int.random(in: 0..<8, using: &generator) == 0 {
                // The same key again, with another value: the first one must win on both paths.
                members.append(quoted(name) + ":" + value(own, depth: depth, &generator))
            }
        }
        return "{" + members.joined(separator: Bool.random(using: &generator) ? "," : " ,\n ") + "}"
    }

    static func quoted(_ key: String) -> String {
        String(decoding: try! JSONEncoder().encode(key), as: UTF8.self)
    }

    @Test("every model: random replies decode to equal values on both paths", arguments: models)
    func randomParity(model: ModelCase) {
        var generator = SeededGenerator(seed: 0x5245_5649 &+ UInt64(model.name.utf8.count) &* 7919)
        let own = model.knownFields.sorted()
        var differences: [String] = []
        for round in 0..<300 {
            // Mostly objects; sometimes another top-level shape, which both paths must refuse.
            let text =
                round % 25 == 24
                ? Self.value(own, depth: 1, &generator) : Self.object(own, depth: 3, &generator)
            if let difference = model.compare(Data(text.utf8)) {
                differences.append("\(text)\n\(difference)")
            }
        }
        // The count, not the array, in the expectation: a failure prints the first difference only.
        let count = differences.count
        #expect(count == 0, "\(model.name): \(count) differences, first: \(differences.first ?? "")")
    }

    /// Values of every kind for the member-by-member test.
    static let memberValues = [
        "null", "true", "false", "0", "-1", "1.0", "1.5", "9223372036854775808", "-9223372036854775809", #""""#,
        #""s""#, #""2020-01-01T00:00:00Z""#, "[]", #"["a", null]"#, #"["a", "b"]"#, "{}",
        #"{"k": "v", "n": [1, {"d": null}]}"#, #"[{"Type": "Primary", "Value": "a@b.c"}]"#,
        #"{"QuestionId": "q", "Answer": 2}"#,
    ]

    @Test("every declared member with every kind of value: equal values on both paths", arguments: models)
    func memberParity(model: ModelCase) {
        var failures: [String] = []
        for field in model.knownFields.sorted() {
            let name = Self.quoted(field)
            let variant = Self.quoted(field.uppercased())
            for (index, value) in Self.memberValues.enumerated() {
                let other = Self.memberValues[(index + 7) % Self.memberValues.count]
                for text in [
                    "{\(name): \(value)}",
                    "{\(name): \(value), \"Extra\": \(other), \(variant): \(other)}",
                    "{\(name): \(value), \(name): \(other)}",
                ] where model.compare(Data(text.utf8)) != nil {
                    failures.append(text)
                }
            }
        }
        let count = failures.count
        #expect(count == 0, "\(model.name): \(count) differences, e.g. \(failures.prefix(3))")
    }
}

extension ModelParityTests {
    @Test("every body model: writeJSON(to:) writes the JSON value JSONEncoder writes", arguments: models)
    func encodingParity(model: ModelCase) throws {
        guard let compare = model.compareEncodings else { return }
        var generator = SeededGenerator(seed: 0x454E_434F &+ UInt64(model.name.utf8.count))
        let own = model.knownFields.sorted()
        var differences: [String] = []
        for _ in 0..<300 {
            let text = Self.object(own, depth: 3, &generator)
            if let difference = compare(Data(text.utf8)) { differences.append("\(text)\n\(difference)") }
        }
        let count = differences.count
        #expect(count == 0, "\(model.name): \(count) differences, first: \(differences.first ?? "")")
    }
}

/// SplitMix64: a small deterministic generator, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
