import ArgumentParser
import Foundation
import LRCatalogue

/// Regenerates the Swift code that follows from the operation catalogue.
@main
struct CodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lr-codegen",
        abstract: "Generate the SDK's API code, models and conformance dispatch from Tools/Catalogue."
    )

    @Option(help: "The repository root.")
    var root: String = "."

    @Flag(help: "Only check that the committed files are up to date; exit 1 when they are not.")
    var check = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        let catalogue = try Catalogue.load(from: rootURL.appendingPathComponent("Tools/Catalogue"))
        let generator = CodeGenerator(catalogue: catalogue)
        let report = try GeneratedFiles(root: rootURL, generator: generator).differences()
        if check {
            if report.isEmpty {
                print("Generated code is up to date (\(generator.files().count) files).")
                return
            }
            for line in report { print(line) }
            throw ExitCode.failure
        }
        try GeneratedFiles(root: rootURL, generator: generator).write()
        print("Wrote \(generator.files().count) files; \(report.count) changed.")
    }
}
