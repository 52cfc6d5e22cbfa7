import LoginRadius

/// A conformance case's `args`, read by Python parameter name and converted to Swift values.
public struct ConformanceArguments: Sendable {
    /// The raw arguments.
    public let values: [String: JSONValue]

    /// Wraps the arguments.
    public init(_ values: [String: JSONValue]) {
        self.values = values
    }

    /// A required string; a missing or `null` value is passed as `""` so the SDK's own check runs.
    public func string(_ name: String) -> String {
        optionalString(name) ?? ""
    }

    /// An optional string; non-string scalars are passed in their JSON text form.
    public func optionalString(_ name: String) -> String? {
        switch values[name] {
        case .string(let value)?: value
        case .int(let value)?: String(value)
        case .double(let value)?: String(value)
        case .bool(let value)?: value ? "true" : "false"
        default: nil
        }
    }

    /// A boolean with a default.
    public func bool(_ name: String, default fallback: Bool) -> Bool {
        optionalBool(name) ?? fallback
    }

    /// An optional boolean (`"true"`/`"false"` strings are accepted).
    public func optionalBool(_ name: String) -> Bool? {
        switch values[name] {
        case .bool(let value)?: value
        case .string(let value)?: value.lowercased() == "true" ? true : value.lowercased() == "false" ? false : nil
        default: nil
        }
    }

    /// An integer with a default.
    public func int(_ name: String, default fallback: Int) -> Int {
        optionalInt(name) ?? fallback
    }

    /// An optional integer.
    public func optionalInt(_ name: String) -> Int? {
        switch values[name] {
        case .int(let value)?: Int(value)
        case .string(let value)?: Int(value)
        default: nil
        }
    }

    /// A model decoded from the JSON value; a missing value decodes from `{}`.
    public func model<Model: Decodable>(_ name: String, as type: Model.Type = Model.self) throws -> Model {
        try Self.decode(Model.self, values[name]?.nonNull ?? .object([:]))
    }

    /// An optional model; `nil` when missing or `null`.
    public func optionalModel<Model: Decodable>(_ name: String, as type: Model.Type = Model.self) throws -> Model? {
        guard let value = values[name], !value.isNull else { return nil }
        return try Self.decode(Model.self, value)
    }

    /// `value` as `Model`. A Python caller writes a boolean member as the string `"True"` or
    /// `"False"`; where a model declares that member `Bool` and requires it, the Swift caller
    /// writes `true` or `false`, so the strings are read as booleans when the value does not
    /// decode as it is.
    static func decode<Model: Decodable>(_ type: Model.Type, _ value: JSONValue) throws -> Model {
        do {
            return try JSONCoding.decode(Model.self, from: JSONCoding.encode(value))
        } catch {
            guard case .object(let members) = value else { throw error }
            let booleans = members.mapValues { member -> JSONValue in
                switch member {
                case .string("True"): .bool(true)
                case .string("False"): .bool(false)
                default: member
                }
            }
            guard booleans != members else { throw error }
            return try JSONCoding.decode(Model.self, from: JSONCoding.encode(JSONValue.object(booleans)))
        }
    }
}
