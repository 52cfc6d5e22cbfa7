import ArgumentParser
import Foundation
import LRConformance

/// Runs wire-conformance cases through the public typed API against a capture transport.
@main
struct ConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lr-conformance",
        abstract: "Check that the SDK sends exactly the requests a conformance file expects."
    )

    @Argument(help: "A JSON Lines file of conformance cases (e.g. ../shared/conformance/requests.jsonl).")
    var file: String

    @Option(help: "Run only cases whose id starts with this prefix.")
    var only: String?

    func run() async throws {
        var cases = try ConformanceCase.load(from: URL(fileURLWithPath: file))
        if let only { cases = cases.filter { $0.id.hasPrefix(only) } }
        let result = await ConformanceRunner().runAll(cases)
        if result.failed > 0 || cases.isEmpty { throw ExitCode.failure }
    }
}
