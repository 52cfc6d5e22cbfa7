import Foundation

/// Writes an API group's type, its operation descriptors, and its operation methods.
struct APIGenerator {
    let group: OperationGroup

    private var source: String { "Tools/Catalogue/operations/\(group.group).json" }
    private var documentation: String {
        group.documentation ?? "https://www.loginradius.com/docs/api/v2/"
    }

    func apiFile() -> String {
        var out = CodeGenerator.header(source) + "public import LRCore\n\n"
        out +=
            Swift.doc(
                "LoginRadius's \(group.type.replacingOccurrences(of: "API", with: "")) API: \(group.summary)",
                indent: "") + "\n"
        out += "///\n/// Get it from a client: `client.\(group.clientProperty)`. Every method is `async throws` and\n"
        out += "/// throws only \(errorLink(nil)) (or `CancellationError` when the task is cancelled).\n"
        out += "///\n/// - SeeAlso: \(documentation)\n"
        out += "public struct \(group.type): Sendable {\n"
        out += "    /// The client that sends the calls.\n    public let client: LoginRadiusClient\n\n"
        out +=
            "    /// Creates the API object for `client`.\n    public init(client: LoginRadiusClient) {\n        self.client = client\n    }\n}\n\n"
        out += "extension LoginRadiusClient {\n"
        out += "    /// LoginRadius's \(group.type.replacingOccurrences(of: "API", with: "")) API.\n"
        out += "    public var \(group.clientProperty): \(group.type) { \(group.type)(client: self) }\n}\n\n"
        out += "extension \(group.type) {\n"
        out += "    /// The descriptors of this API's operations: paths, methods and credential placement.\n"
        out += "    public enum Operations {\n"
        for operation in group.operations {
            out += "        /// `\(operation.method) \(operation.path)` (LoginRadius's `\(operation.python)`)\n"
            out += "        public static let \(operation.name) = OperationDescriptor(\n"
            out += "            name: \(Swift.literal(operation.name)),\n"
            out += "            loginRadiusName: \(Swift.literal(operation.python)),\n"
            out += "            group: \(Swift.literal(group.group)),\n"
            out += "            method: \(operation.methodCase),\n"
            out += "            host: .\(operation.host),\n"
            out += "            pathTemplate: \(Swift.literal(operation.path)),\n"
            out += "            apiKey: \(Operation.placement(operation.apiKey)),\n"
            out += "            apiSecret: \(Operation.placement(operation.apiSecret)),\n"
            out += "            accessToken: \(Operation.placement(operation.accessToken)),\n"
            if let idempotent = operation.idempotent { out += "            isIdempotent: \(idempotent),\n" }
            out +=
                Layout.labeled(
                    "documentation", Swift.literal(operation.documentation ?? documentation), indent: "            "
                ) + "\n"
            out += "        )\n"
        }
        out += "\n        /// Every operation of the group, in catalogue order.\n"
        out += "        public static let all: [OperationDescriptor] = [\n"
        let separator = group.operations.count == 1 ? "" : ","
        out += group.operations.map { "            \($0.name)\(separator)" }.joined(separator: "\n") + "\n        ]\n"
        out += "    }\n}\n"
        return out
    }

    func operationsFile() -> String {
        var out = CodeGenerator.header(source) + "public import LRCore\n\nextension \(group.type) {\n"
        out += group.operations.map(method).joined(separator: "\n")
        out += "}\n"
        return out
    }

    private func method(_ operation: Operation) -> String {
        let parameters = operation.signatureParameters
        var out = Swift.doc(Swift.sentence(operation.summary), indent: "    ") + "\n"
        out +=
            "    ///\n"
            + Swift.doc(
                "Sends `\(operation.method) \(operation.path)`\(operation.credentialsDescription).", indent: "    ")
            + "\n"
        if parameters.count == 1, let parameter = parameters.first {
            // swift-format's ValidateDocumentationComments wants the singular form for one parameter.
            out +=
                "    ///\n" + Swift.docItem(parameterText(parameter), indent: "    ", first: "- Parameter ", rest: "  ")
                + "\n"
        } else if !parameters.isEmpty {
            out += "    ///\n    /// - Parameters:\n"
            for parameter in parameters {
                out += Swift.docItem(parameterText(parameter), indent: "    ") + "\n"
            }
        }
        out += "    /// - Returns: LoginRadius's reply decoded as `\(operation.response)`.\n"
        let validated = parameters.filter { $0.required && $0.type == "String" }.map { "`\($0.swift)`" }
        var throwsText = "- Throws: "
        if !validated.isEmpty {
            throwsText +=
                "\(errorLink("invalidArgument")) when \(validated.joined(separator: ", ")) is blank (nothing is sent); "
        }
        throwsText += "\(errorLink("api")) with LoginRadius's `ErrorCode` when it refuses the call"
        if let codes = operation.errorCodes, !codes.isEmpty {
            throwsText += " (LoginRadius documents \(codes.map(String.init).joined(separator: ", ")) for it)"
        }
        throwsText += "; "
        throwsText += "\(errorLink("tooManyRequests")), \(errorLink("http")), \(errorLink("transport")) "
        throwsText += "and \(errorLink("decoding")) as described on \(errorLink(nil))."
        out += Swift.docItem(String(throwsText.dropFirst(2)), indent: "    ", first: "- ", rest: "  ") + "\n"
        out += "    /// - SeeAlso: \(operation.documentation ?? documentation) (LoginRadius's `\(operation.python)`)\n"
        if let deprecated = operation.deprecated {
            out += "    @available(*, deprecated, message: \(Swift.literal(deprecated)))\n"
        }
        out += "    public func \(operation.name)("
        if parameters.isEmpty {
            out += ") async throws -> \(operation.response) {\n"
        } else {
            out +=
                "\n" + parameters.map { "        \($0.signatureLabel): \($0.signatureType)" }.joined(separator: ",\n")
            out += "\n    ) async throws -> \(operation.response) {\n"
        }
        // The call is built inside `perform`, so a value refused before anything is sent is still
        // a traced and counted call.
        if parameters.isEmpty {
            out += "        try await client.perform(Operations.\(operation.name)) { _ in }\n    }\n"
            return out
        }
        out += "        try await client.perform(Operations.\(operation.name)) { call in\n"
        for parameter in parameters {
            out += Layout.statement(statement(parameter), indent: "            ") + "\n"
        }
        out += "        }\n    }\n"
        return out
    }

    /// A reference to `LoginRadiusError` or one of its cases: a DocC link inside LRCore, a code
    /// span elsewhere (each module's documentation is built on its own, where LRCore's symbols
    /// cannot be linked).
    /// `LoginRadiusError` itself, or one of its codes (a DocC link inside LRCore, code text elsewhere).
    private func errorLink(_ code: String?) -> String {
        if group.module == "LRCore" { return "``LoginRadiusError" + (code.map { "/Code/" + $0 } ?? "") + "``" }
        return "`LoginRadiusError" + (code.map { ".Code." + $0 } ?? "") + "`"
    }

    private func parameterText(_ parameter: Parameter) -> String {
        let summary = parameter.summary.map(Swift.sentence) ?? ""
        return "\(parameter.swift): " + (summary.isEmpty ? "" : summary + " ") + parameter.placementDescription
    }

    private func statement(_ parameter: Parameter) -> String {
        let name = Swift.identifier(parameter.swift)
        let wire = Swift.literal(parameter.wire ?? parameter.python)
        let label = Swift.literal(parameter.swift)
        switch parameter.in {
        case "path":
            return "try call.pathParameter(\(wire), \(name), parameter: \(label))"
        case "query":
            if parameter.required && parameter.default == nil {
                return parameter.type == "String" || parameter.type == "Int"
                    ? "\(parameter.type == "String" ? "try " : "")call.query(\(wire), required: \(name), parameter: \(label))"
                    : "call.query(\(wire), \(name))"
            }
            return "call.query(\(wire), \(name))"
        case "accessToken":
            return "try call.accessToken(\(name), parameter: \(label))"
        case "header":
            return parameter.required
                ? "try call.header(\(wire), required: \(name), parameter: \(label))"
                : "try call.header(\(wire), \(name), parameter: \(label))"
        case "body":
            return parameter.isOptional ? "if let \(name) { try call.body(\(name)) }" : "try call.body(\(name))"
        case "bodyField":
            return parameter.required && parameter.type == "String"
                ? "try call.bodyField(\(wire), required: \(name), parameter: \(label))"
                : "try call.bodyField(\(wire), \(name))"
        default:
            return "_ = \(name)"
        }
    }
}
