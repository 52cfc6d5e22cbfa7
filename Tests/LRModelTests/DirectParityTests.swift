import Foundation
import LRCore
import LoginRadius
import Testing

/// Every model read straight from the reply's bytes (`init(reading:)` over the bytes, the path
/// the SDK takes for replies) must give what the tree path (`JSONValue(parsing:)` +
/// `init(jsonValue:)`) gives: the same value, the same `JSONSyntaxError`, or a mismatch at the top
/// (after which the SDK falls back to the tree path and reports what it always has).
extension ModelParityTests {
    static func directDifference<T: JSONValueDecodable & Equatable>(_ type: T.Type, _ data: Data) -> String? {
        guard let readable = T.self as? any JSONReadable.Type else { return "\(T.self) is not JSONReadable" }
        let tree = Result { () throws -> T in try T(jsonValue: try JSONValue(parsing: data)) }
        let direct = read(readable, as: T.self, data)
        switch (direct, tree) {
        case (.success(let read), .success(let built)):
            return read == built ? nil : "direct: \(read)\ntree:   \(built)"
        case (.failure(.syntax(let error)), .failure(let treeError)):
            return (treeError as? JSONSyntaxError) == error ? nil : "direct: \(error)\ntree:   \(treeError)"
        case (.failure(.mismatch), .failure):
            return nil
        default:
            return "direct: \(direct)\ntree:   \(tree)"
        }
    }

    private static func read<R: JSONReadable, T>(_ readable: R.Type, as type: T.Type, _ data: Data) -> Result<
        T, JSONReadError
    > {
        data.withUnsafeBytes { bytes in
            Result { () throws(JSONReadError) -> T in
                let value = try R.read(json: bytes)
                guard let typed = value as? T else { preconditionFailure("\(R.self) is not \(T.self)") }
                return typed
            }
        }
    }

    // Both tests are async and yield between texts: thousands of decodes must not hold a
    // cooperative-pool thread for seconds while the transport suites run their time-bounded tests.
    @Test("every model: random replies read from the bytes equal the tree's", arguments: models)
    func randomDirectParity(model: ModelCase) async {
        var generator = SeededGenerator(seed: 0x4449_5245 &+ UInt64(model.name.utf8.count) &* 7919)
        let own = model.knownFields.sorted()
        var differences: [String] = []
        for round in 0..<200 {
            await Task.yield()
            let text =
                round % 25 == 24
                ? Self.value(own, depth: 1, &generator) : Self.object(own, depth: 3, &generator)
            // Some texts cut short or with a stray byte: both paths must fail the same way.
            var bytes = Array(text.utf8)
            if round % 7 == 3, !bytes.isEmpty {
                bytes = Array(bytes[..<Int.random(in: 0..<bytes.count, using: &generator)])
            } else if round % 7 == 5, !bytes.isEmpty {
                bytes.insert(Array(#",:[]{}"x"#.utf8).randomElement(using: &generator)!, at: bytes.count / 2)
            }
            if let difference = model.compareDirect(Data(bytes)) {
                differences.append("\(String(decoding: bytes, as: UTF8.self))\n\(difference)")
            }
        }
        let count = differences.count
        #expect(count == 0, "\(model.name): \(count) differences, first: \(differences.first ?? "")")
    }

    @Test("every declared member with every kind of value: the bytes give the tree's value", arguments: models)
    func memberDirectParity(model: ModelCase) async {
        var failures: [String] = []
        for field in model.knownFields.sorted() {
            let name = Self.quoted(field)
            for (index, value) in Self.memberValues.enumerated() {
                await Task.yield()
                let other = Self.memberValues[(index + 7) % Self.memberValues.count]
                for text in [
                    "{\(name): \(value)}",
                    "{\(name): \(value), \"Extra\": \(other)}",
                    "{\(name): \(value), \(name): \(other)}",
                    "{\(name): \(other), \(name): \(value), \(name): null}",
                ] where model.compareDirect(Data(text.utf8)) != nil {
                    failures.append(text)
                }
            }
        }
        let count = failures.count
        #expect(count == 0, "\(model.name): \(count) differences, e.g. \(failures.prefix(3))")
    }
}
