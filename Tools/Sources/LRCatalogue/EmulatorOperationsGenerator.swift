/// Writes the emulator's copy of the catalogue's operation list: each operation's LoginRadius
/// name, API group, SDK module, method and path, plus the request members that tell it apart
/// from other operations on the same method and path. The emulator checks its routes against
/// this list (coverage) and matches fault rules by operation name with it.
struct EmulatorOperationsGenerator {
    static let path = "Tools/Sources/LREmulator/Coverage/Generated/CatalogueOperations.swift"
    static let folder = "Tools/Sources/LREmulator/Coverage/Generated"

    let catalogue: Catalogue

    func file() -> String {
        var out = CodeGenerator.header("Tools/Catalogue/operations")
        out += "\nextension CatalogueOperation {\n"
        out += "    /// Every operation of the catalogue, by API group, in catalogue order.\n"
        out += "    static let all: [CatalogueOperation] = [\n"
        for (group, operation) in catalogue.allOperations {
            let discriminators = self.discriminators(of: operation, in: group)
            let arguments = [
                "group: " + Swift.literal(group.group),
                "name: " + Swift.literal(operation.python),
                "module: " + Swift.literal(group.module),
                "method: " + Swift.literal(operation.method),
                "path: " + Swift.literal(operation.path),
                "discriminators: [" + discriminators.map(Swift.literal).joined(separator: ", ") + "]",
            ]
            out += Layout.call("CatalogueOperation", arguments, indent: "        ", trailer: ",") + "\n"
        }
        out += "    ]\n}\n"
        return out
    }

    /// Required query parameters and top-level body members of `operation` that not every
    /// operation on the same method and path has: the candidate with the most of them present
    /// in a request is the operation (the first in catalogue order on a tie).
    func discriminators(of operation: Operation, in group: OperationGroup) -> [String] {
        let siblings = catalogue.allOperations.map(\.operation).filter {
            $0.method == operation.method && $0.path.lowercased() == operation.path.lowercased()
                && $0.python != operation.python
        }
        guard !siblings.isEmpty else { return [] }
        let common = siblings.map { Set(members(of: $0)) }.reduce(Set(members(of: operation))) { $0.intersection($1) }
        return members(of: operation).filter { !common.contains($0) }
    }

    /// Required query parameter names and body member names, lower-cased, in catalogue order.
    private func members(of operation: Operation) -> [String] {
        var names: [String] = []
        for parameter in operation.parameters {
            switch parameter.in {
            case "query" where parameter.required, "bodyField":
                names.append((parameter.wire ?? parameter.python).lowercased())
            case "body":
                let model = catalogue.modelFiles.flatMap(\.models).first { $0.name == parameter.type }
                names += (model?.fields ?? []).map { $0.wire.lowercased() }
            default:
                continue
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
