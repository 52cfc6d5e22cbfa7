import Foundation

/// Writes one model struct: typed properties (non-optional where LoginRadius requires the
/// member), kept unknown fields, and one decoding path that `init(from:)` and
/// `init(jsonValue:)` share.
struct ModelGenerator {
    let model: ModelDefinition
    let module: String

    /// Required fields first (in declaration order), then the optional ones: the memberwise
    /// initializer's order.
    private var orderedFields: [Field] { model.fields.filter(\.isRequired) + model.fields.filter { !$0.isRequired } }

    func file() -> String {
        let imports = module == "LRCore" ? "" : "public import LRCore\n\n"
        let known = model.fields.map { Swift.literal($0.wire) }
        var out = CodeGenerator.header("Tools/Catalogue/models") + imports
        out += Swift.doc(Swift.sentence(model.summary), indent: "") + "\n"
        out += "///\n"
        let required = model.requiredFields
        if required.isEmpty {
            out += "/// Every field is optional; members LoginRadius sends that are not declared here are kept in\n"
            out += "/// ``additionalFields`` and sent back when the value is encoded.\n"
        } else {
            let names = required.map { "``\($0.swift)``" }
            out +=
                Swift.doc(
                    "LoginRadius requires \(Swift.list(names)), so \(names.count == 1 ? "it is" : "they are") "
                        + "not optional; the other fields are. Members not declared here are kept in "
                        + "``additionalFields`` and sent back when the value is encoded.",
                    indent: "") + "\n"
        }
        if model.loginRadius != model.name {
            out += "///\n/// LoginRadius's name for it: `\(model.loginRadius)`.\n"
        }
        if let documentation = model.documentation { out += "///\n/// - SeeAlso: \(documentation)\n" }
        out += "public struct \(model.name): Codable, Sendable, Hashable, JSONValueDecodable {\n"
        for field in model.fields {
            let summary = field.summary.map(Swift.sentence) ?? ""
            let requirement =
                field.isRequired
                ? " Required by LoginRadius."
                : (field.requiredInSomeFlows ?? false ? " Required by LoginRadius in some flows." : "")
            out +=
                Swift.doc(
                    (summary.isEmpty ? "" : summary + " ") + "JSON member `\(field.wire)`." + requirement,
                    indent: "    ")
                + "\n"
            out += "    public var \(Swift.identifier(field.swift)): \(field.type)\(field.isRequired ? "" : "?")\n"
        }
        out += "    /// Members not declared above, as LoginRadius sent them (or as you want them sent).\n"
        out += "    public var additionalFields: [String: JSONValue]\n\n"
        out += "    /// The JSON member names of the declared fields.\n"
        out += Layout.collection("package static let knownFields: Set<String> = ", known, indent: "    ") + "\n\n"
        out += initializer()
        out += decoder()
        out += jsonValueDecoder()
        out += encoder()
        out += writer()
        out += "}\n\n"
        out += "// Request bodies are written with `writeJSON(to:)`, without `JSONEncoder`.\n"
        out += "extension \(model.name): JSONWritable {}\n\n"
        out += "// Replies are read straight from their bytes with `init(reading:)`, without a tree.\n"
        out += "extension \(model.name): JSONReadable {}\n"
        return out
    }

    private func initializer() -> String {
        var out: String
        if model.requiredFields.isEmpty {
            out = "    /// Creates a value; every field defaults to absent.\n    public init(\n"
        } else {
            out = "    /// Creates a value from LoginRadius's required members; the other fields default to absent.\n"
            out += "    public init(\n"
        }
        for field in orderedFields {
            out += "        \(Swift.identifier(field.swift)): \(field.type)\(field.isRequired ? "" : "? = nil"),\n"
        }
        out += "        additionalFields: [String: JSONValue] = [:]\n    ) {\n"
        for field in model.fields {
            out += "        self.\(field.swift) = \(Swift.identifier(field.swift))\n"
        }
        out += "        self.additionalFields = additionalFields\n    }\n\n"
        return out
    }

    /// `init(from:)` reads the value as a ``JSONValue`` and builds the model with
    /// ``init(jsonValue:)``, so `init(reading:)`: one set of decoding rules, whatever the decoder.
    private func decoder() -> String {
        var out =
            "    /// Decodes the value with the rules of ``init(jsonValue:)``: a member of an unexpected type is\n"
        out += "    /// kept in ``additionalFields``"
        out += model.requiredFields.isEmpty ? ".\n" : "; a missing or mistyped required member fails.\n"
        out += "    public init(from decoder: any Decoder) throws {\n"
        out += "        let jsonValue = try JSONValue(from: decoder)\n"
        out += "        do {\n            try self.init(jsonValue: jsonValue)\n        } catch {\n"
        out += "            throw DecodingError.dataCorrupted(\n"
        out += "                .init(codingPath: decoder.codingPath, debugDescription: error.description))\n"
        out += "        }\n    }\n\n"
        return out
    }

    /// `init(jsonValue:)` and `init(reading:)`: the one decoding routine, generic over the reader
    /// (the reply's bytes or a parsed tree). One pass over the members present, each key looked up
    /// in a static table (no hash of a `String`, none per absent field) and its value read as the
    /// member's type; unknown members kept as they are.
    private func jsonValueDecoder() -> String {
        let known = model.fields.map { Swift.literal($0.wire) }
        var out = "    /// The declared JSON members; a member's position here is its case in `init(reading:)`.\n"
        out +=
            Layout.collection(
                "private static let members = JSONMemberTable(", known, indent: "    ", trailer: ")") + "\n\n"
        out += "    /// Builds the value from a parsed JSON object, with `init(reading:)`: `null` is absent, a\n"
        out += "    /// member of an unexpected type is kept in ``additionalFields``, unknown members are kept\n"
        out += "    /// as they are.\n"
        out += "    ///\n    /// - Throws: `JSONValueMismatch` when `jsonValue` is not an object"
        out += model.requiredFields.isEmpty ? ".\n" : " or lacks a required member.\n"
        out += "    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {\n"
        out += "        self = try JSONTreeReader.read(Self.self, from: jsonValue)\n    }\n\n"
        out += "    /// The one decoding routine, from a reply's bytes or from a parsed tree: each member present\n"
        out += "    /// is read as its declared type (`null` is absent; a value of another type is kept, untouched,\n"
        out += "    /// in ``additionalFields``), unknown members are kept as they are.\n"
        out += "    package init<Reader: JSONReader>(reading reader: inout Reader) throws(JSONReadError) {\n"
        out += "        var object = try reader.beginObject(Self.self, members: Self.members)\n"
        guard !model.fields.isEmpty else {
            out += "        while try reader.nextMember(&object) != nil {}\n"
            return out + "        self.init(additionalFields: object.additionalFields)\n    }\n\n"
        }
        for field in model.fields {
            out += "        var \(Swift.identifier(field.swift)): \(field.type)? = nil\n"
        }
        out += "        while let member = try reader.nextMember(&object) {\n"
        out += "            switch member {\n"
        for (index, field) in model.fields.enumerated() {
            let head = "\(Swift.identifier(field.swift)) = try reader.member"
            let arguments = ["\(field.type).self", "&object"]
            let single = "            case \(index): " + Layout.call(head, arguments, indent: "")
            if single.count <= Layout.lineLength {
                out += single + "\n"
            } else {
                out += "            case \(index):\n"
                out += Layout.call(head, arguments, indent: "                ") + "\n"
            }
        }
        out += "            default: break\n"
        out += "            }\n        }\n"
        for (index, field) in model.fields.enumerated() where field.isRequired {
            let name = Swift.identifier(field.swift)
            out += "        guard let \(name) else { throw object.missing(\(index), in: Self.self) }\n"
        }
        let arguments = orderedFields.map { "\($0.swift): \(Swift.identifier($0.swift))" }
        out +=
            Layout.call("self.init", arguments + ["additionalFields: object.additionalFields"], indent: "        ")
            + "\n"
        out += "    }\n\n"
        return out
    }

    /// `writeJSON(to:)`: the request body's bytes written directly, in the order and with the
    /// rules of `encode(to:)` (declared fields that are set, then the additional ones not shadowed
    /// by a set declared field).
    private func writer() -> String {
        var out =
            "\n    /// Writes the declared fields that are set, in declaration order, then ``additionalFields`` (a\n"
        out += "    /// declared field wins): the bytes a request body is sent as, without `JSONEncoder`.\n"
        out += "    package func writeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {\n"
        out += "        writer.beginObject()\n"
        for field in model.fields {
            let key = Swift.literal(field.wire)
            let name = Swift.identifier(field.swift)
            out +=
                field.isRequired
                ? "        try writer.member(\(key), \(name))\n"
                : Self.block("if let value = \(name)", "try writer.member(\(key), value)", indent: "        ")
        }
        if model.fields.isEmpty {
            out += "        try writer.additionalMembers(additionalFields, excluding: [])\n"
        } else {
            out += "        if !additionalFields.isEmpty {\n"
            out += "            var written = Set<String>()\n"
            for field in model.fields {
                let key = Swift.literal(field.wire)
                out +=
                    field.isRequired
                    ? "            written.insert(\(key))\n"
                    : Self.block(
                        "if \(Swift.identifier(field.swift)) != nil", "written.insert(\(key))", indent: "            ")
            }
            out += "            try writer.additionalMembers(additionalFields, excluding: written)\n"
            out += "        }\n"
        }
        out += "        writer.endObject()\n    }\n"
        return out
    }

    /// `head { body }` on one line when it fits, else over three.
    private static func block(_ head: String, _ body: String, indent: String) -> String {
        let line = "\(indent)\(head) { \(body) }"
        if line.count <= Layout.lineLength { return line + "\n" }
        return "\(indent)\(head) {\n\(indent)    \(body)\n\(indent)}\n"
    }

    private func encoder() -> String {
        var out =
            "    /// Encodes the declared fields that are set, then ``additionalFields`` (a declared field wins).\n"
        out += "    public func encode(to encoder: any Encoder) throws {\n"
        out += "        var container = encoder.container(keyedBy: DynamicCodingKey.self)\n"
        out += model.fields.isEmpty ? "" : "        var encoded = Set<String>()\n"
        for field in model.fields {
            let key = Swift.literal(field.wire)
            let encode = Layout.call(
                "try container.encode",
                [field.isRequired ? Swift.identifier(field.swift) : "value", "forKey: DynamicCodingKey(\(key))"],
                indent: field.isRequired ? "        " : "            ")
            if field.isRequired {
                out += encode + "\n        encoded.insert(\(key))\n"
            } else {
                out += "        if let value = \(Swift.identifier(field.swift)) {\n"
                out += encode + "\n"
                out += "            encoded.insert(\(key))\n        }\n"
            }
        }
        out +=
            "        try container.encodeAdditionalFields(additionalFields, excluding: \(model.fields.isEmpty ? "[]" : "encoded"))\n    }\n"
        return out
    }
}
