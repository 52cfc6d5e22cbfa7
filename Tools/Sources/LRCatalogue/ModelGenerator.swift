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
        out += "public struct \(model.name): Codable, Sendable, Hashable, JSONValueDecodable {\n"
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
        out += jsonValueDecoder()
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

    /// `init(jsonValue:)`: one pass over the members present, each dispatched by its index in a
    /// static table (one hash per member, none per absent field), unknown members kept as they are.
    private func jsonValueDecoder() -> String {
        var out = ""
        if !model.fields.isEmpty {
            let entries = model.fields.enumerated().map { "\(Swift.literal($0.element.wire)): \($0.offset)" }
            out +=
                "    /// The position of each declared JSON member in ``knownFields`` order, for ``init(jsonValue:)``.\n"
            out +=
                Layout.collection("private static let memberIndex: [String: Int] = ", entries, indent: "    ") + "\n\n"
        }
        out += "    /// Builds the value from a parsed JSON object, with the same rules as ``init(from:)``.\n"
        out += "    ///\n    /// - Throws: `JSONValueMismatch` when `jsonValue` is not an object.\n"
        out += "    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {\n"
        out +=
            "        guard case .object(let members) = jsonValue else { throw JSONValueMismatch(Self.self, jsonValue) }\n"
        out += "        self.init()\n"
        guard !model.fields.isEmpty else {
            return out + "        additionalFields = members\n    }\n\n"
        }
        out += "        var additional: [String: JSONValue] = [:]\n"
        out += "        for (jsonKey, jsonMember) in members {\n"
        out += "            switch Self.memberIndex[jsonKey] ?? -1 {\n"
        for (index, field) in model.fields.enumerated() {
            let call = Layout.call(
                "self.\(Swift.identifier(field.swift)) = jsonMember.lenient",
                ["\(field.type).self", "key: jsonKey", "additionalFields: &additional"],
                indent: "")
            let single = "            case \(index): " + call
            if single.count <= Layout.lineLength && !call.contains("\n") {
                out += single + "\n"
            } else {
                out += "            case \(index):\n"
                out +=
                    Layout.call(
                        "self.\(Swift.identifier(field.swift)) = jsonMember.lenient",
                        ["\(field.type).self", "key: jsonKey", "additionalFields: &additional"],
                        indent: "                ") + "\n"
            }
        }
        out += "            default: additional[jsonKey] = jsonMember\n"
        out += "            }\n        }\n"
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
