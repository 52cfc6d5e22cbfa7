import Foundation
import LRConformance
import Testing

/// The repository root, found from this file's path (Tools/Tests/LRConformanceTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Shared wire conformance")
struct SharedConformanceTests {
    static let casesURL = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/requests.jsonl")

    @Test("every case of shared/conformance/requests.jsonl sends exactly the expected request")
    func allSharedCasesPass() async throws {
        let cases = try ConformanceCase.load(from: Self.casesURL)
        #expect(cases.count >= 1392)
        var lines: [String] = []
        let result = await ConformanceRunner().runAll(cases) { lines.append($0) }
        print(lines.suffix(60).joined(separator: "\n"))
        #expect(result.failed == 0, "\(lines.prefix(40).joined(separator: "\n"))")
        #expect(result.passed == cases.count)
    }

    @Test("only empty_model cases of bodies with required members are prevented at compile time, each by name")
    func preventedCases() async throws {
        let cases = try ConformanceCase.load(from: Self.casesURL)
        var lines: [String] = []
        let result = await ConformanceRunner().runAll(cases) { lines.append($0) }
        let expected = cases.filter {
            $0.variant == "empty_model" && ConformanceDispatch.bodiesWithRequiredMembers.contains($0.key)
        }.map(\.id)
        #expect(!expected.isEmpty)
        #expect(result.prevented == expected)
        #expect(result.prevented.contains("default:authentication.login_by_email.empty_model"))
        for id in result.prevented {
            #expect(lines.contains { $0.hasPrefix("PREVENTED AT COMPILE TIME \(id):") })
        }
        #expect(lines.last?.contains("(\(expected.count) of them prevented at compile time), 0 failed") ?? false)
    }

    @Test("the authentication cases all pass")
    func authenticationCasesPass() async throws {
        let cases = try ConformanceCase.load(from: Self.casesURL).filter { $0.group == "authentication" }
        #expect(cases.count > 100)
        let result = await ConformanceRunner().runAll(cases) { _ in }
        #expect(result.failed == 0)
    }

    @Test("a wrong expectation is reported, so the runner can fail")
    func runnerDetectsMismatch() async throws {
        let line =
            #"{"id":"x","config":"default","group":"authentication","operation":"check_email_availability","args":{"email":"a@b.c"},"expect":{"sent":true,"method":"GET","host":"api","path":["identity","v2","auth","email"],"query":{"apiKey":"00000000-aaaa-bbbb-cccc-000000000001","email":"other@b.c"},"headers":{},"body":null}}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID()).jsonl")
        try line.write(to: file, atomically: true, encoding: .utf8)
        let cases = try ConformanceCase.load(from: file)
        let outcome = await ConformanceRunner().run(cases[0])
        #expect(!outcome.passed)
        #expect(outcome.failures.contains { $0.hasPrefix("query:") })
    }

    @Test("an unknown operation fails")
    func unknownOperationFails() async throws {
        let line =
            #"{"id":"y","config":"default","group":"nope","operation":"nothing","args":{},"expect":{"sent":false}}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID()).jsonl")
        try line.write(to: file, atomically: true, encoding: .utf8)
        let outcome = await ConformanceRunner().run(try ConformanceCase.load(from: file)[0])
        #expect(outcome.failures == ["unknown operation nope.nothing"])
    }
}
