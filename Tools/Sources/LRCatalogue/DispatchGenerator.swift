import Foundation

/// Writes the conformance runner's dispatch table: for each operation, a closure that reads the
/// case's arguments by Python parameter name and calls the public typed API.
struct DispatchGenerator {
    let catalogue: Catalogue

    private var models: [String: ModelDefinition] {
        Dictionary(catalogue.modelFiles.flatMap(\.models).map { ($0.name, $0) }) { first, _ in first }
    }

    func file() -> String {
        var out = CodeGenerator.header("Tools/Catalogue/operations") + "import LoginRadius\n\n"
        out += "/// Calls an operation of the public API with a conformance case's arguments.\n"
        out +=
            "public typealias ConformanceCall = @Sendable (LoginRadiusClient, ConformanceArguments) async throws -> Void\n\n"
        out += "/// Every catalogue operation by `group.python_name`, with its Python → Swift parameter names.\n"
        out += "public enum ConformanceDispatch {\n"
        out += "    /// The call for each operation.\n"
        out += "    public static let calls: [String: ConformanceCall] = [\n"
        for (group, operation) in catalogue.allOperations {
            out += "        \(Swift.literal(group.group + "." + operation.python)): { client, arguments in\n"
            let parameters = operation.signatureParameters
            let deprecated = operation.deprecated != nil
            let call = "client.\(group.clientProperty).\(operation.name)"
            if parameters.isEmpty {
                out += "            _ = try await \(call)()\n"
            } else {
                out += "            _ = try await \(call)(\n"
                out += parameters.enumerated().map { index, parameter in
                    argumentLine(parameter, trailer: index == parameters.count - 1 ? "" : ",")
                }.joined(separator: "\n")
                out += "\n            )\n"
            }
            _ = deprecated
            out += "        },\n"
        }
        out += "    ]\n\n"
        out += "    /// Swift parameter name → Python parameter name, per operation.\n"
        out += "    public static let pythonNames: [String: [String: String]] = [\n"
        for (group, operation) in catalogue.allOperations {
            let pairs = operation.parameters.filter(\.isInSignature)
                .map { "\(Swift.literal($0.swift)): \(Swift.literal($0.python))" }
            let key = Swift.literal(group.group + "." + operation.python) + ": "
            out +=
                (pairs.isEmpty
                    ? "        \(key)[:],"
                    : Layout.collection(key, pairs, indent: "        ", trailer: ",")) + "\n"
        }
        out += "    ]\n\n"
        let prevented = catalogue.allOperations.compactMap { group, operation -> String? in
            guard let body = operation.bodyParameter, let model = models[body.type], !model.requiredFields.isEmpty
            else { return nil }
            return Swift.literal(group.group + "." + operation.python)
        }
        out += "    /// The operations whose body model has members LoginRadius requires: an empty body for them\n"
        out += "    /// does not compile, so their `empty_model` cases are prevented at compile time.\n"
        out += Layout.collection(
            "public static let bodiesWithRequiredMembers: Set<String> = ", prevented, indent: "    ")
        out += "\n}\n"
        return out
    }

    /// `label: value` at the argument indent, broken the way swift-format breaks it when too long.
    private func argumentLine(_ parameter: Parameter, trailer: String) -> String {
        let indent = "                "
        let value = argument(parameter)
        if parameter.in == "body" { return Layout.statement(value, indent: indent, trailer: trailer) }
        return Layout.statement(parameter.swift + ": " + value, indent: indent, trailer: trailer)
    }

    private func argument(_ parameter: Parameter) -> String {
        let name = Swift.literal(parameter.python)
        switch parameter.type {
        case "String":
            return parameter.required ? "arguments.string(\(name))" : "arguments.optionalString(\(name))"
        case "Bool":
            if case .bool(let value)? = parameter.default { return "arguments.bool(\(name), default: \(value))" }
            return parameter.required ? "arguments.bool(\(name), default: false)" : "arguments.optionalBool(\(name))"
        case "Int":
            if case .int(let value)? = parameter.default { return "arguments.int(\(name), default: \(value))" }
            return parameter.required ? "arguments.int(\(name), default: 0)" : "arguments.optionalInt(\(name))"
        default:
            return parameter.isOptional ? "try arguments.optionalModel(\(name))" : "try arguments.model(\(name))"
        }
    }
}
