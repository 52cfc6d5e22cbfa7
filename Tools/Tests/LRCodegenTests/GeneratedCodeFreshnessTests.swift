import Foundation
import LRCatalogue
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Operation catalogue and generated code")
struct GeneratedCodeFreshnessTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Catalogue.load(from: repositoryRoot.appendingPathComponent("Tools/Catalogue"))
    }

    @Test("the committed generated code is what the generator produces (run `make generate`)")
    func generatedCodeIsFresh() throws {
        let differences = try GeneratedFiles(root: repositoryRoot, generator: CodeGenerator(catalogue: catalogue))
            .differences()
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test("the catalogue has all 210 operations of the 19 API groups")
    func catalogueIsComplete() {
        #expect(catalogue.groups.count == 19)
        #expect(catalogue.allOperations.count == 210)
        #expect(catalogue.groups.first { $0.group == "authentication" }?.operations.count == 40)
    }

    @Test("operation names are unique within each API type")
    func namesAreUnique() {
        for group in catalogue.groups {
            let names = group.operations.map(\.name)
            #expect(Set(names).count == names.count, "duplicate in \(group.group)")
        }
    }

    @Test("every body parameter names a model defined in the catalogue or JSONValue")
    func bodyModelsExist() {
        let models = Set(catalogue.modelFiles.flatMap(\.models).map(\.name))
        for (group, operation) in catalogue.allOperations {
            for parameter in operation.parameters where parameter.in == "body" {
                #expect(
                    parameter.type == "JSONValue" || models.contains(parameter.type),
                    "\(group.group).\(operation.name): \(parameter.type)")
            }
        }
    }

    @Test("a changed catalogue is detected as stale")
    func staleCodeIsDetected() throws {
        var changed = catalogue
        changed.groups[0].operations[0].summary += " Changed."
        let differences = try GeneratedFiles(root: repositoryRoot, generator: CodeGenerator(catalogue: changed))
            .differences()
        // The operation's method, its `lr` command and its entry in Docs/API.md.
        #expect(
            Set(differences) == [
                "differs: Modules/LRAccount/Generated/AccountAPI+Operations.swift",
                "differs: Tools/Sources/LRCommandLine/Generated/AccountAPICommand.swift",
                "differs: Docs/API.md",
            ]
        )
    }
}
