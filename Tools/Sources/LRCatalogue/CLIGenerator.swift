import Foundation

/// One option of a generated `lr <group> <operation>` command.
struct CLIOption {
    /// What kind of value the option takes.
    enum Kind {
        /// A string; `--name value`.
        case string
        /// An integer; `--name 5`.
        case int
        /// A boolean flag: `--name` / `--no-name` (and `--name true|false`).
        case bool
        /// A repeatable string; `--name a --name b`.
        case stringArray
        /// The JSON body: a file, or `-` for standard input.
        case body
        /// A JSON value given inline.
        case json
    }

    /// The long name, without `--`.
    var name: String
    /// The Swift property of the command.
    var property: String
    /// The property's declared type and default, e.g. `String?`, `Bool = false`.
    var declaredType: String
    /// The kind of value.
    var kind: Kind
    /// Whether the command refuses to run without it.
    var isRequired: Bool
    /// The help text.
    var help: String
    /// The operation parameter it sets, or `nil` for a member of the body.
    var parameter: Parameter?
    /// The body member it sets, or `nil` for a parameter.
    var field: Field?
}

/// Writes the `lr` command line's commands: one command per API group
/// (`Tools/Sources/LRCommandLine/Generated/<Type>Command.swift`), one subcommand per operation
/// that calls the public typed SDK, and the table of groups and boolean options.
struct CLIGenerator {
    let catalogue: Catalogue

    /// The folder the command files go to.
    static let folder = "Tools/Sources/LRCommandLine/Generated"

    /// Command names the hand-written commands already use.
    static let reservedCommands: Set<String> = ["demo", "emulator", "help", "sott"]

    /// Options every operation command has (connection and output), and `body`.
    static let reservedOptions: Set<String> = [
        "api-key", "api-secret", "base-url", "config-url", "region", "origin-ip", "signing", "raw", "verbose",
        "body", "help",
    ]

    /// Property names the generated command uses itself.
    static let reservedProperties: Set<String> = ["body", "connection", "operation", "configuration", "builder"]

    /// Model field types a command can set with an option.
    static let scalarFieldTypes: Set<String> = ["String", "Int", "Bool", "[String]"]

    private var models: [String: ModelDefinition] {
        Dictionary(
            catalogue.modelFiles.flatMap(\.models).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Names

    /// The command name of a group: `phone_authentication` → `phone-authentication`; a name a
    /// hand-written command already has gets `-api` (`sott` → `sott-api`).
    static func commandName(of group: OperationGroup) -> String {
        let name = Swift.kebab(group.group)
        return reservedCommands.contains(name) ? name + "-api" : name
    }

    /// The Swift type of a group's command, e.g. `AuthenticationAPICommand`.
    static func typeName(of group: OperationGroup) -> String {
        group.type + "Command"
    }

    /// The command name of an operation: `loginByEmail` → `login-by-email`.
    static func commandName(of operation: Operation) -> String {
        Swift.kebab(operation.name)
    }

    /// The options of an operation's command, in signature order, body members after the body.
    static func options(for operation: Operation, models: [String: ModelDefinition]) -> [CLIOption] {
        let parameters = operation.parameters.filter(\.isInSignature)
        let parameterNames = Set(parameters.map { Swift.kebab($0.swift) })
        let parameterProperties = Set(parameters.map(\.swift))
        var options: [CLIOption] = []
        for parameter in parameters {
            let summary = parameter.summary.map(Swift.sentence) ?? ""
            let help = (summary.isEmpty ? "" : summary + " ") + parameter.placementDescription
            let name = Swift.kebab(parameter.swift)
            switch parameter.type {
            case "String" where parameter.in != "body":
                options.append(
                    CLIOption(
                        name: name, property: parameter.swift, declaredType: parameter.required ? "String" : "String?",
                        kind: .string, isRequired: parameter.required, help: help, parameter: parameter
                    )
                )
            case "Int":
                let type: String
                if case .int(let value)? = parameter.default {
                    type = "Int = \(value)"
                } else {
                    type = parameter.required ? "Int" : "Int?"
                }
                options.append(
                    CLIOption(
                        name: name, property: parameter.swift, declaredType: type, kind: .int,
                        isRequired: parameter.required && parameter.default == nil, help: help, parameter: parameter
                    )
                )
            case "Bool":
                let type: String
                if case .bool(let value)? = parameter.default {
                    type = "Bool = \(value)"
                } else {
                    type = parameter.required ? "Bool" : "Bool?"
                }
                options.append(
                    CLIOption(
                        name: name, property: parameter.swift, declaredType: type, kind: .bool,
                        isRequired: parameter.required && parameter.default == nil, help: help, parameter: parameter
                    )
                )
            default:
                if parameter.in == "body" {
                    let model = models[parameter.type]
                    let settable =
                        model.map {
                            settableFields(
                                $0, parameterNames: parameterNames, properties: parameterProperties,
                                bodyLocal: parameter.swift)
                        } ?? []
                    var bodyHelp =
                        "The JSON body, \(article(parameter.type)) `\(parameter.type)`: a file, or - for standard input."
                    if !settable.isEmpty { bodyHelp += " The body member options below change single members." }
                    options.append(
                        CLIOption(
                            name: "body", property: "body",
                            declaredType: parameter.required && settable.isEmpty ? "String" : "String?",
                            kind: .body, isRequired: parameter.required && settable.isEmpty, help: bodyHelp,
                            parameter: parameter
                        )
                    )
                    for field in settable {
                        let summary = field.summary.map(Swift.sentence) ?? ""
                        let kind: CLIOption.Kind
                        let type: String
                        switch field.type {
                        case "Int": (kind, type) = (.int, "Int?")
                        case "Bool": (kind, type) = (.bool, "Bool?")
                        case "[String]": (kind, type) = (.stringArray, "[String] = []")
                        default: (kind, type) = (.string, "String?")
                        }
                        let repeatable = field.type == "[String]" ? " Repeat it for several values." : ""
                        options.append(
                            CLIOption(
                                name: Swift.kebab(field.swift), property: field.swift, declaredType: type, kind: kind,
                                isRequired: false,
                                help: "Body member `\(field.wire)`." + (summary.isEmpty ? "" : " " + summary)
                                    + repeatable,
                                field: field
                            )
                        )
                    }
                } else {
                    options.append(
                        CLIOption(
                            name: name, property: parameter.swift,
                            declaredType: parameter.required ? "String" : "String?",
                            kind: .json, isRequired: parameter.required,
                            help: help + " A JSON `\(parameter.type)`.", parameter: parameter
                        )
                    )
                }
            }
        }
        return options
    }

    /// The members of a body model the command sets with options of their own: scalar members
    /// whose names clash with nothing else.
    private static func settableFields(
        _ model: ModelDefinition, parameterNames: Set<String>, properties: Set<String>, bodyLocal: String
    ) -> [Field] {
        var taken = parameterNames.union(reservedOptions)
        var takenProperties = properties.union(reservedProperties).union([bodyLocal])
        var result: [Field] = []
        for field in model.fields where scalarFieldTypes.contains(field.type) {
            let name = Swift.kebab(field.swift)
            guard !taken.contains(name), !takenProperties.contains(field.swift) else { continue }
            taken.insert(name)
            takenProperties.insert(field.swift)
            result.append(field)
        }
        return result
    }

    private static func article(_ word: String) -> String {
        "AEIOU".contains(word.prefix(1)) ? "an" : "a"
    }

    // MARK: Files

    /// Every generated command file, by path relative to the repository root.
    func files() -> [String: String] {
        var files: [String: String] = [:]
        let models = self.models
        for group in catalogue.groups {
            files["\(Self.folder)/\(Self.typeName(of: group)).swift"] = groupFile(group, models: models)
        }
        files["\(Self.folder)/CommandTable.swift"] = tableFile(models: models)
        return files
    }

    private func tableFile(models: [String: ModelDefinition]) -> String {
        var out = CodeGenerator.header("Tools/Catalogue/operations") + "import ArgumentParser\n\n"
        out += "/// The generated command groups, and the boolean options of every operation command.\n"
        out += "enum CommandTable {\n"
        out += "    /// One command per API group, in catalogue order.\n"
        out += "    static let groups: [any ParsableCommand.Type] = [\n"
        out += catalogue.groups.map { "        \(Self.typeName(of: $0)).self," }.joined(separator: "\n") + "\n    ]\n\n"
        out += "    /// The command names of the groups, in catalogue order.\n"
        out +=
            Layout.collection(
                "static let groupNames: [String] = ", catalogue.groups.map { Swift.literal(Self.commandName(of: $0)) },
                indent: "    "
            ) + "\n\n"
        out += "    /// The number of operation commands.\n"
        out += "    static let operationCount = \(catalogue.allOperations.count)\n\n"
        out += "    /// The boolean options by `group operation`: `--name true` and `--name false` are read as\n"
        out += "    /// `--name` and `--no-name`.\n"
        var entries: [String] = []
        for (group, operation) in catalogue.allOperations {
            let names = Self.options(for: operation, models: models).filter { $0.kind == .bool }.map(\.name)
            guard !names.isEmpty else { continue }
            let key = Swift.literal("\(Self.commandName(of: group)) \(Self.commandName(of: operation))")
            entries.append(key + ": [" + names.map(Swift.literal).joined(separator: ", ") + "]")
        }
        out += "    static let booleanOptions: [String: Set<String>] = [\n"
        out += entries.map { "        \($0)," }.joined(separator: "\n") + "\n    ]\n}\n"
        return out
    }

    private func groupFile(_ group: OperationGroup, models: [String: ModelDefinition]) -> String {
        let type = Self.typeName(of: group)
        let name = Self.commandName(of: group)
        var out = CodeGenerator.header("Tools/Catalogue/operations/\(group.group).json")
        out += "import ArgumentParser\nimport LoginRadius\n\n"
        out +=
            Swift.doc(
                "`lr \(name)`: LoginRadius's \(group.type.replacingOccurrences(of: "API", with: "")) API "
                    + "(`client.\(group.clientProperty)`, \(group.module)), one subcommand per operation.",
                indent: ""
            ) + "\n"
        out += "struct \(type): ParsableCommand {\n"
        out += "    static let configuration = CommandConfiguration(\n"
        out += Layout.labeled("commandName", Swift.literal(name), indent: "        ", trailer: ",") + "\n"
        out +=
            Layout.labeled("abstract", Swift.literal(Swift.sentence(group.summary)), indent: "        ", trailer: ",")
            + "\n"
        var discussion = [
            "The \(group.group) API of LoginRadius's Python SDK, as `client.\(group.clientProperty)` of the Swift SDK "
                + "(module \(group.module)).",
            "Every subcommand takes --api-key/--api-secret (or LOGINRADIUS_API_KEY/LOGINRADIUS_API_SECRET) and "
                + "prints LoginRadius's reply as JSON.",
        ]
        if let documentation = group.documentation { discussion.append("Docs: \(documentation)") }
        out += "        discussion: " + multilineLiteral(discussion, indent: "            ") + ",\n"
        out += "        subcommands: [\n"
        let separator = group.operations.count == 1 ? "" : ","
        out += group.operations.map { "            \(Swift.upperCamel($0.name))Command.self\(separator)" }.joined(
            separator: "\n")
        out += "\n        ]\n    )\n}\n"
        for operation in group.operations {
            out += "\n" + command(operation, group: group, models: models)
        }
        return out
    }

    private func command(_ operation: Operation, group: OperationGroup, models: [String: ModelDefinition]) -> String {
        let options = Self.options(for: operation, models: models)
        let groupName = Self.commandName(of: group)
        let name = Self.commandName(of: operation)
        let indent = "        "
        var out = "extension \(Self.typeName(of: group)) {\n"
        out += Swift.doc("`lr \(groupName) \(name)`: `\(operation.method) \(operation.path)`.", indent: "    ") + "\n"
        out += "    struct \(Swift.upperCamel(operation.name))Command: AsyncParsableCommand {\n"
        out += "        static let configuration = CommandConfiguration(\n"
        out += Layout.labeled("commandName", Swift.literal(name), indent: indent + "    ", trailer: ",") + "\n"
        out +=
            Layout.labeled(
                "abstract", Swift.literal(Swift.firstSentence(operation.summary)), indent: indent + "    ", trailer: ","
            ) + "\n"
        out +=
            indent + "    discussion: "
            + multilineLiteral(discussion(operation, group: group, options: options), indent: indent + "        ")
            + "\n"
        out += indent + ")\n\n"
        out += indent + "/// The operation's descriptor.\n"
        out +=
            Layout.assignment(
                "static let operation", "\(group.type).Operations.\(operation.name)", indent: indent
            ) + "\n\n"
        for option in options {
            out += declaration(option, indent: indent) + "\n"
        }
        out += indent + "@OptionGroup(title: \"Connection and output\")\n"
        out += indent + "var connection: ConnectionOptions\n"
        out += "\n" + run(operation, group: group, options: options, indent: indent)
        out += "    }\n}\n"
        return out
    }

    private func discussion(_ operation: Operation, group: OperationGroup, options: [CLIOption]) -> [String] {
        var lines: [String] = []
        let summary = Swift.sentence(operation.summary)
        if summary != Swift.firstSentence(operation.summary) { lines += [summary, ""] }
        lines.append("Sends \(operation.method) \(operation.path)\(operation.credentialsDescription).")
        lines.append(
            "Calls client.\(group.clientProperty).\(operation.name)(…) (\(group.module)) and prints its "
                + "\(operation.response) reply as JSON; --raw prints LoginRadius's bytes."
        )
        if let body = options.first(where: { $0.kind == .body }), let parameter = body.parameter {
            let hasFields = options.contains { $0.field != nil }
            lines.append(
                "The body is \(Self.article(parameter.type)) \(parameter.type) in JSON: --body FILE, or --body - to read "
                    + "standard input" + (hasFields ? "; the body member options set or replace single members." : ".")
            )
        }
        if let deprecated = operation.deprecated { lines.append("Deprecated: \(deprecated)") }
        lines += [
            "", "Docs: \(operation.documentation ?? group.documentation ?? "https://www.loginradius.com/docs/api/v2/")",
        ]
        return lines
    }

    private func declaration(_ option: CLIOption, indent: String) -> String {
        var arguments = ["name: .customLong(\(Swift.literal(option.name)))"]
        let attribute: String
        switch option.kind {
        case .bool:
            attribute = "@Flag"
            arguments.append("inversion: .prefixedNo")
        default:
            attribute = "@Option"
        }
        var out = indent + attribute + "(\n"
        out += arguments.map { indent + "    " + $0 + ",\n" }.joined()
        if option.kind == .body {
            out += indent + "    help: ArgumentHelp(\n"
            out += indent + "        " + Swift.literal(option.help) + ",\n"
            out += indent + "        valueName: \"file\"\n" + indent + "    )\n"
        } else {
            out += Layout.labeled("help", Swift.literal(option.help), indent: indent + "    ") + "\n"
        }
        out += indent + ")\n"
        out += indent + "var \(Swift.identifier(option.property)): \(option.declaredType)\n"
        return out
    }

    private func run(_ operation: Operation, group: OperationGroup, options: [CLIOption], indent: String) -> String {
        var out = indent + "func run() async throws {\n"
        let body = indent + "    "
        for option in options where option.kind == .body {
            guard let parameter = option.parameter else { continue }
            let local = Swift.identifier(parameter.swift)
            let fields = options.filter { $0.field != nil }
            if parameter.type == "JSONValue" || fields.isEmpty {
                let load = parameter.isOptional || !option.isRequired ? "BodyInput.optional" : "BodyInput.required"
                out +=
                    Layout.call("let \(local) = try \(load)", ["\(parameter.type).self", "from: body"], indent: body)
                    + "\n"
                continue
            }
            out +=
                Layout.call("var builder = try BodyBuilder", ["\(parameter.type).self", "from: body"], indent: body)
                + "\n"
            for field in fields {
                let property = Swift.identifier(field.property)
                let label = field.kind == .stringArray ? "values: " : ""
                out +=
                    body + "builder.set(\(Swift.literal(field.field?.wire ?? field.property)), \(label)\(property))\n"
            }
            out += body + "let \(local) = try builder.\(parameter.isOptional ? "optional" : "required")()\n"
        }
        for option in options where option.kind == .json {
            guard let parameter = option.parameter else { continue }
            let local = Swift.identifier(parameter.swift)
            let value = "self." + local
            out +=
                Layout.call(
                    "let \(local) = try JSONArgument.\(parameter.required ? "decode" : "decodeIfPresent")",
                    ["\(parameter.type).self", "from: \(value)", "option: \(Swift.literal(option.name))"], indent: body
                ) + "\n"
        }
        let parameters = operation.signatureParameters
        let call = "try await client.\(group.clientProperty).\(operation.name)"
        out += body + "try await OperationRunner.run(Self.operation, connection) { client in\n"
        if parameters.isEmpty {
            out += body + "    " + call + "()\n"
        } else {
            out += body + "    " + call + "(\n"
            out += parameters.enumerated().map { index, parameter in
                let trailer = index == parameters.count - 1 ? "" : ","
                if parameter.in == "body" { return body + "        " + Swift.identifier(parameter.swift) + trailer }
                return Layout.labeled(
                    parameter.swift, Swift.identifier(parameter.swift), indent: body + "        ", trailer: trailer)
            }.joined(separator: "\n")
            out += "\n" + body + "    )\n"
        }
        out += body + "}\n"
        out += indent + "}\n"
        return out
    }

    /// A multi-line string literal of `lines` (closing delimiter at `indent`), with `\` and
    /// `"""` escaped.
    private func multilineLiteral(_ lines: [String], indent: String) -> String {
        var out = "\"\"\"\n"
        for line in lines {
            let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"\"\"", with: "\\\"\"\"")
            out += (escaped.isEmpty ? "" : indent + escaped) + "\n"
        }
        return out + indent + "\"\"\""
    }
}
