import Foundation

/// Writes one model struct: optional typed properties, kept unknown fields, lenient decoding.
struct ModelGenerator {
    let model: ModelDefinition
    let module: String

    func file() -> String {
        let imports = module == "LRCore" ? "" : "public import LRCore\n\n"
        let known = model.fields.map { Swift.literal($0.wire) }
        var out = CodeGenerator.header("Tools/Catalogue/models") + imports
        out += Swift.doc(Swift.sentence(model.summary), indent: "") + "\n"
        out += "///\n/// Every field is optional; members LoginRadius sends that are not declared here are kept in\n"
        out += "/// ``additionalFields`` and sent back when the value is encoded.\n"
        if let documentation = model.documentation { out += "///\n/// - SeeAlso: \(documentation)\n" }
        out += "public struct \(model.name): Codable, Sendable, Hashable {\n"
        for field in model.fields {
            let summary = field.summary.map(Swift.sentence) ?? ""
            out +=
                Swift.doc((summary.isEmpty ? "" : summary + " ") + "JSON member `\(field.wire)`.", indent: "    ")
                + "\n"
            out += "    public var \(Swift.identifier(field.swift)): \(field.type)?\n"
        }
        out += "    /// Members not declared above, as LoginRadius sent them (or as you want them sent).\n"
        out += "    public var additionalFields: [String: JSONValue]\n\n"
        out += "    /// The JSON member names of the declared fields.\n"
        out += Layout.collection("public static let knownFields: Set<String> = ", known, indent: "    ") + "\n\n"
        out += initializer()
        out += decoder()
        out += encoder()
        out += "}\n"
        return out
    }

    private func initializer() -> String {
        var out = "    /// Creates a value; every field defaults to absent.\n    public init(\n"
        for field in model.fields {
            out += "        \(Swift.identifier(field.swift)): \(field.type)? = nil,\n"
        }
        out += "        additionalFields: [String: JSONValue] = [:]\n    ) {\n"
        for field in model.fields {
            out += "        self.\(field.swift) = \(Swift.identifier(field.swift))\n"
        }
        out += "        self.additionalFields = additionalFields\n    }\n\n"
        return out
    }

    private func decoder() -> String {
        var out = "    /// Decodes the value; a member of an unexpected type is kept in ``additionalFields``.\n"
        out += "    public init(from decoder: any Decoder) throws {\n"
        out += "        let container = try decoder.container(keyedBy: DynamicCodingKey.self)\n"
        out +=
            "        \(model.fields.isEmpty ? "let" : "var") additional = try container.additionalFields(excluding: Self.knownFields)\n"
        for field in model.fields {
            out +=
                Layout.call(
                    "\(field.swift) = container.decodeLenient",
                    ["\(field.type).self", "forKey: \(Swift.literal(field.wire))", "additionalFields: &additional"],
                    indent: "        "
                ) + "\n"
        }
        out += "        additionalFields = additional\n    }\n\n"
        return out
    }

    private func encoder() -> String {
        var out =
            "    /// Encodes the declared fields that are set, then ``additionalFields`` (a declared field wins).\n"
        out += "    public func encode(to encoder: any Encoder) throws {\n"
        out += "        var container = encoder.container(keyedBy: DynamicCodingKey.self)\n"
        out += model.fields.isEmpty ? "" : "        var encoded = Set<String>()\n"
        for field in model.fields {
            let key = Swift.literal(field.wire)
            out += "        if let value = \(Swift.identifier(field.swift)) {\n"
            out +=
                Layout.call(
                    "try container.encode", ["value", "forKey: DynamicCodingKey(\(key))"], indent: "            ")
                + "\n"
            out += "            encoded.insert(\(key))\n        }\n"
        }
        out +=
            "        try container.encodeAdditionalFields(additionalFields, excluding: \(model.fields.isEmpty ? "[]" : "encoded"))\n    }\n"
        return out
    }
}
