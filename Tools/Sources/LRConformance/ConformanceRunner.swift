import Foundation
import Logging
import LoginRadius

/// Runs conformance cases through the public typed API against a capture transport.
public struct ConformanceRunner: Sendable {
    /// The outcome of one case.
    public struct Outcome: Sendable {
        /// The case id.
        public var id: String
        /// The differences; empty when the case passed.
        public var failures: [String]
        /// Whether the case cannot be written against the typed API at all: an `empty_model` case
        /// for an operation whose body model has required (non-optional) members.
        public var preventedAtCompileTime = false
        /// Whether the case passed (a case prevented at compile time counts as passed: the request
        /// it describes cannot be built).
        public var passed: Bool { failures.isEmpty }
    }

    /// The API key and secret every configuration uses.
    public static let apiKey = "00000000-aaaa-bbbb-cccc-000000000001"
    /// The API secret every configuration uses.
    public static let apiSecret = "11111111-dddd-eeee-ffff-000000000002"

    /// Creates a runner.
    public init() {}

    /// The client configuration a case's `config` names.
    public static func configuration(for name: String) throws -> LoginRadiusConfiguration {
        var configuration = try LoginRadiusConfiguration(apiKey: apiKey, apiSecret: apiSecret)
        switch name {
        case "default": break
        case "origin_ip": configuration.originIP = "203.0.113.7"
        case "signing": configuration.requestSigning = true
        case "region": configuration.serverRegion = "eu"
        default: throw ConformanceFileError(line: 0, message: "unknown config '\(name)'")
        }
        return configuration
    }

    /// Runs one case.
    public func run(_ testCase: ConformanceCase) async -> Outcome {
        guard let call = ConformanceDispatch.calls[testCase.key] else {
            return Outcome(id: testCase.id, failures: ["unknown operation \(testCase.key)"])
        }
        if testCase.variant == "empty_model", ConformanceDispatch.bodiesWithRequiredMembers.contains(testCase.key) {
            return Outcome(id: testCase.id, failures: [], preventedAtCompileTime: true)
        }
        do {
            let configuration = try Self.configuration(for: testCase.config)
            let transport = CaptureTransport()
            var logger = Logger(label: "lr.conformance")
            logger.logLevel = .error
            let client = try LoginRadiusClient(configuration: configuration, transport: transport, logger: logger)
            var thrown: (any Error)?
            do {
                try await call(client, ConformanceArguments(testCase.args))
            } catch is CaptureTransport.Captured {
            } catch {
                thrown = error
            }
            return Outcome(id: testCase.id, failures: check(testCase, configuration, transport.requests, thrown))
        } catch {
            return Outcome(id: testCase.id, failures: ["setup failed: \(error)"])
        }
    }

    private func check(
        _ testCase: ConformanceCase, _ configuration: LoginRadiusConfiguration,
        _ requests: [LoginRadiusRequest], _ thrown: (any Error)?
    ) -> [String] {
        let expect = testCase.expect
        if !expect.sent {
            var failures: [String] = []
            if !requests.isEmpty { failures.append("a request was sent; expected none") }
            guard let argument = (thrown as? LoginRadiusError)?.invalidArgument else {
                return failures + [
                    "expected invalidArgument(\(expect.parameter ?? "?")), got \(thrown.map { "\($0)" } ?? "no error")"
                ]
            }
            let python = ConformanceDispatch.pythonNames[testCase.key]?[argument.parameter] ?? argument.parameter
            if let parameter = expect.parameter, python != parameter {
                failures.append("invalidArgument names '\(python)', expected '\(parameter)'")
            }
            return failures
        }
        if let thrown { return ["threw \(thrown)"] }
        guard requests.count == 1, let request = requests.first else {
            return ["expected 1 request, captured \(requests.count)"]
        }
        return ConformanceComparison.differences(request: request, expect: expect, configuration: configuration)
    }

    /// Runs every case, printing a diff for each failure, the id of each case prevented at compile
    /// time, and the summary line `N passed (M of them prevented at compile time), N failed`.
    public func runAll(_ cases: [ConformanceCase], output: (String) -> Void = { print($0) }) async -> (
        passed: Int, failed: Int, prevented: [String]
    ) {
        var passed = 0
        var failed = 0
        var prevented: [String] = []
        for testCase in cases {
            let outcome = await run(testCase)
            if outcome.preventedAtCompileTime {
                passed += 1
                prevented.append(outcome.id)
                output("PREVENTED AT COMPILE TIME \(outcome.id): the body model has required members")
            } else if outcome.passed {
                passed += 1
            } else {
                failed += 1
                output("FAIL \(outcome.id)")
                for failure in outcome.failures { output("  \(failure)") }
            }
        }
        output("\(passed) passed (\(prevented.count) of them prevented at compile time), \(failed) failed")
        return (passed, failed, prevented)
    }
}
