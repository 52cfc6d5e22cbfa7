// Fault injection, as LocalStack's chaos API offers it: a rule matches an operation (by
// LoginRadius name, e.g. `login_by_email`, or by method and path) and answers instead of it
// with a LoginRadius error code, a bare HTTP status, added latency or a dropped connection —
// with a probability, and for a number of matching requests.
import Foundation

/// A fault the emulator injects into matching requests (`POST /emulator/v1/faults`,
/// ``LoginRadiusEmulator/addFault(_:)``).
public struct FaultRule: Sendable, Equatable, Codable {
    /// The rule's ID, assigned by the emulator when the rule is added.
    public var id: String?
    /// A catalogue operation name: `login_by_email` or `authentication.login_by_email`.
    public var operation: String?
    /// The HTTP method to match (with `path`), e.g. `POST`.
    public var method: String?
    /// The path to match, e.g. `identity/v2/auth/login`; `{name}` segments match anything.
    public var path: String?
    /// Answer with LoginRadius's error body for this code (e.g. 1048).
    public var errorCode: Int?
    /// The error body's `Message` (a generic one when nil).
    public var message: String?
    /// The HTTP status: with `errorCode`, overrides the status (400 by default); alone, the
    /// status is answered with an empty body.
    public var status: Int?
    /// Milliseconds to wait before answering (alone: the real answer, late).
    public var delayMilliseconds: Int?
    /// Close the connection without an answer.
    public var dropConnection: Bool?
    /// The chance, from 0 to 1, that a matching request gets the fault (1 when nil).
    public var probability: Double?
    /// How many matching requests get the fault; unlimited when nil. Counts down.
    public var count: Int?

    /// A rule; give an `operation` or a `method` and `path`, and at least one effect.
    public init(
        operation: String? = nil, method: String? = nil, path: String? = nil, errorCode: Int? = nil,
        message: String? = nil, status: Int? = nil, delayMilliseconds: Int? = nil, dropConnection: Bool? = nil,
        probability: Double? = nil, count: Int? = nil
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.errorCode = errorCode
        self.message = message
        self.status = status
        self.delayMilliseconds = delayMilliseconds
        self.dropConnection = dropConnection
        self.probability = probability
        self.count = count
    }

    /// Why the rule cannot be used, or nil when it can.
    var problem: String? {
        if operation == nil && path == nil { return "a rule needs an operation, or a method and a path" }
        if let operation, CatalogueOperation.named(operation).isEmpty { return "no operation is named \(operation)" }
        if errorCode == nil && status == nil && delayMilliseconds == nil && dropConnection != true {
            return "a rule needs errorCode, status, delayMilliseconds or dropConnection"
        }
        if let probability, !(0...1).contains(probability) { return "probability must be between 0 and 1" }
        if let count, count < 1 { return "count must be at least 1" }
        if let status, !(100...599).contains(status) { return "status must be an HTTP status" }
        if let delayMilliseconds, delayMilliseconds < 0 { return "delayMilliseconds must not be negative" }
        return nil
    }

    func matches(_ request: EmulatorRequest, candidates: [CatalogueOperation]) -> Bool {
        if let operation {
            return candidates.contains { $0.isNamed(operation) }
        }
        if let method, method.uppercased() != request.method { return false }
        guard let path else { return false }
        let pattern = path.split(separator: "/")
        let segments = request.pathSegments
        guard pattern.count == segments.count else { return false }
        return zip(pattern, segments).allSatisfy { expected, actual in
            expected.hasPrefix("{") || expected.lowercased() == actual
        }
    }

    /// The answer the fault gives; nil when it only delays the real answer.
    var response: EmulatorResponse? {
        if dropConnection == true {
            var response = EmulatorResponse(status: 500, body: .null)
            response.dropConnection = true
            return response
        }
        if let errorCode {
            let code = LoginRadiusErrorCode(
                code: errorCode, message: message ?? "Emulated fault \(errorCode)",
                description: message ?? "The emulator answered with a configured fault.",
                httpStatus: status ?? 400)
            return .error(LoginRadiusAPIError(code))
        }
        if let status {
            var response = EmulatorResponse(status: status, body: .null)
            response.text = ""
            return response
        }
        return nil
    }
}

/// The active fault rules.
actor FaultInjector {
    private var rules: [FaultRule] = []
    private var nextId = 1

    func add(_ rule: FaultRule) -> FaultRule {
        var rule = rule
        rule.id = "fault-\(nextId)"
        nextId += 1
        rules.append(rule)
        return rule
    }

    func all() -> [FaultRule] { rules }

    func clear() { rules.removeAll() }

    func remove(id: String) -> Bool {
        let before = rules.count
        rules.removeAll { $0.id == id }
        return rules.count != before
    }

    /// The first rule that matches and fires (probability), counted down; nil for none.
    func fault(for request: EmulatorRequest) -> FaultRule? {
        guard !rules.isEmpty, request.pathSegments.first != "emulator" else { return nil }
        let candidates = CatalogueOperation.candidates(for: request)
        for index in rules.indices where rules[index].matches(request, candidates: candidates) {
            if let probability = rules[index].probability, Double.random(in: 0..<1) >= probability { continue }
            let rule = rules[index]
            if let count = rule.count {
                if count <= 1 { rules.remove(at: index) } else { rules[index].count = count - 1 }
            }
            return rule
        }
        return nil
    }
}
