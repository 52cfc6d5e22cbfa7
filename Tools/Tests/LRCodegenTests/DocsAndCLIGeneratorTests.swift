import Foundation
import Testing

@testable import LRCatalogue

@Suite("Docs/API.md, the lr commands and doc coverage")
struct DocsAndCLIGeneratorTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Catalogue.load(from: repositoryRoot.appendingPathComponent("Tools/Catalogue"))
    }

    @Test("catalogue names become kebab-case command names")
    func kebabCase() {
        #expect(Swift.kebab("loginByEmail") == "login-by-email")
        #expect(Swift.kebab("phone_authentication") == "phone-authentication")
        #expect(Swift.kebab("phoneNo2FA") == "phone-no2-fa")
        #expect(Swift.kebab("PINAuthentication") == "pin-authentication")
        #expect(Swift.kebab("gRecaptchaResponse") == "g-recaptcha-response")
        #expect(Swift.kebab("mfaResetSMSAuthenticatorByUID") == "mfa-reset-sms-authenticator-by-uid")
        #expect(Swift.kebab("multipurposeSMSOTPGeneration") == "multipurpose-sms-otp-generation")
        #expect(Swift.kebab("getCustomObjectByRecordIDAndToken") == "get-custom-object-by-record-id-and-token")
        #expect(Swift.kebab("previousUIDs") == "previous-uids")
    }

    @Test("every group and operation has a unique command name, and options are unique per command")
    func commandNamesAreUnique() {
        let models = Dictionary(catalogue.modelFiles.flatMap(\.models).map { ($0.name, $0) }) { first, _ in first }
        let groupNames = catalogue.groups.map(CLIGenerator.commandName(of:))
        #expect(Set(groupNames).count == groupNames.count)
        #expect(CLIGenerator.reservedCommands.isDisjoint(with: groupNames))
        for group in catalogue.groups {
            let names = group.operations.map(CLIGenerator.commandName(of:))
            #expect(Set(names).count == names.count, "\(group.group)")
            for operation in group.operations {
                let options = CLIGenerator.options(for: operation, models: models)
                let optionNames = options.map(\.name)
                #expect(Set(optionNames).count == optionNames.count, "\(group.group).\(operation.name)")
                let clashes = Set(optionNames).intersection(CLIGenerator.reservedOptions.subtracting(["body"]))
                #expect(clashes.isEmpty, "\(group.group).\(operation.name): \(clashes)")
            }
        }
    }

    @Test("login-by-email takes its body's email and password as options")
    func bodyMembersAreOptions() throws {
        let models = Dictionary(catalogue.modelFiles.flatMap(\.models).map { ($0.name, $0) }) { first, _ in first }
        let group = try #require(catalogue.groups.first { $0.group == "authentication" })
        let operation = try #require(group.operations.first { $0.name == "loginByEmail" })
        let options = CLIGenerator.options(for: operation, models: models)
        #expect(options.map(\.name).starts(with: ["body", "email", "password"]))
        #expect(options.first { $0.name == "email" }?.field?.wire == "email")
        #expect(options.first { $0.name == "body" }?.isRequired == false, "members can stand in for --body")
    }

    @Test("Docs/API.md has a table of contents and every operation with its method, path, docs and examples")
    func apiReference() throws {
        let text = DocsGenerator(catalogue: catalogue).file()
        #expect(text.contains("## Contents"))
        for (group, operation) in catalogue.allOperations {
            let anchor = "\(Swift.kebab(group.group))-\(Swift.kebab(operation.name))"
            #expect(text.contains("<a id=\"\(anchor)\"></a>`\(operation.name)`"), "\(anchor)")
            #expect(text.contains("](#\(anchor))"), "\(anchor) is not in the group's table")
            #expect(text.contains("`\(operation.method) \(operation.path)`"))
            #expect(text.contains("client.\(group.clientProperty).\(operation.name)("))
            #expect(
                text.contains("lr \(CLIGenerator.commandName(of: group)) \(CLIGenerator.commandName(of: operation))"))
            if let documentation = operation.documentation { #expect(text.contains("(\(documentation))")) }
        }
        #expect(text.contains("<a id=\"model-identity\"></a>`Identity`"))
        for (group, operation) in catalogue.allOperations {
            #expect(
                text.contains(
                    "| `\(group.group).\(operation.python)` | [`client.\(group.clientProperty).\(operation.name)`]"))
        }
    }

    @Test("long generated lines are broken the way swift-format breaks them")
    func layout() {
        let long = String(repeating: "x", count: 110)
        #expect(Layout.labeled("help", "\"short\"", indent: "    ") == "    help: \"short\"")
        #expect(Layout.labeled("help", "\"\(long)\"", indent: "    ") == "    help:\n        \"\(long)\"")
        #expect(Layout.topLevelArguments(#""a, b", f(x, y), [1, 2]"#) == [#""a, b""#, "f(x, y)", "[1, 2]"])
        let collection = Layout.collection(
            "let x = ", Array(repeating: "\"\(String(repeating: "y", count: 30))\"", count: 5), indent: "")
        #expect(collection.hasPrefix("let x = [\n    \""))
        #expect(collection.hasSuffix(",\n]"))
        #expect(collection.split(separator: "\n").allSatisfy { $0.count <= Layout.lineLength })
    }

    @Test("doc coverage counts public symbols without their own doc comment")
    func docCoverage() throws {
        let graph = """
            {"module": {"name": "M"}, "symbols": [
              {"identifier": {"precise": "s:1M1AV"}, "kind": {"displayName": "Structure"}, "pathComponents": ["A"],
               "accessLevel": "public", "location": {"uri": "file:///r/A.swift", "position": {"line": 3}},
               "docComment": {"lines": [{"text": "An A."}]}},
              {"identifier": {"precise": "s:1M1BV"}, "kind": {"displayName": "Structure"}, "pathComponents": ["B"],
               "accessLevel": "public", "location": {"uri": "file:///r/B.swift", "position": {"line": 0}}},
              {"identifier": {"precise": "s:1M1AV4hashyy"}, "kind": {"displayName": "Instance Method"},
               "pathComponents": ["A", "hash(into:)"], "accessLevel": "public",
               "location": {"uri": "file:///r/A.swift", "position": {"line": 9}},
               "docComment": {"module": "Swift", "lines": [{"text": "Hashes."}]}},
              {"identifier": {"precise": "s:1M1AV::SYNTHESIZED::x"}, "kind": {"displayName": "Operator"},
               "pathComponents": ["A", "!="], "accessLevel": "public"},
              {"identifier": {"precise": "s:1M1CV"}, "kind": {"displayName": "Structure"}, "pathComponents": ["C"],
               "accessLevel": "internal", "location": {"uri": "file:///r/C.swift", "position": {"line": 0}}}
            ]}
            """
        let checker = DocCoverage(modules: ["M"], root: URL(fileURLWithPath: "/r"))
        let (checked, undocumented) = try checker.check(graph: Data(graph.utf8), module: "M")
        #expect(checked == 3)
        #expect(undocumented.map(\.path) == ["B", "A.hash(into:)"])
        #expect(undocumented.first?.location == "B.swift:1")
    }
}
