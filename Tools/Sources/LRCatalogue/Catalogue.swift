import Foundation

/// The operation catalogue: every LoginRadius operation and request/response model, declared once.
///
/// Loaded from `Tools/Catalogue/operations/*.json` (one file per API group) and
/// `Tools/Catalogue/models/*.json` (model definitions per module). The code generator, the
/// conformance dispatch table, the docs and the command line all follow from it.
public struct Catalogue: Sendable {
    /// The API groups, sorted by name.
    public var groups: [OperationGroup]
    /// The model files, sorted by module.
    public var modelFiles: [ModelFile]

    /// Loads the catalogue from its directory (the one holding `operations/` and `models/`).
    public static func load(from directory: URL) throws -> Catalogue {
        let decoder = JSONDecoder()
        func files(_ sub: String) throws -> [URL] {
            try FileManager.default.contentsOfDirectory(
                at: directory.appendingPathComponent(sub), includingPropertiesForKeys: nil
            )
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        let groups = try files("operations").map { try decoder.decode(OperationGroup.self, from: Data(contentsOf: $0)) }
        let models = try files("models").map { try decoder.decode(ModelFile.self, from: Data(contentsOf: $0)) }
        return Catalogue(groups: groups.sorted { $0.group < $1.group }, modelFiles: models)
    }

    /// The modules that have operations or models, sorted.
    public var modules: [String] {
        Array(Set(groups.map(\.module) + modelFiles.map(\.module))).sorted()
    }

    /// All models of `module`, across its model files, sorted by name.
    public func models(in module: String) -> [ModelDefinition] {
        modelFiles.filter { $0.module == module }.flatMap(\.models).sorted { $0.name < $1.name }
    }

    /// Every operation, with its group.
    public var allOperations: [(group: OperationGroup, operation: Operation)] {
        groups.flatMap { group in group.operations.map { (group, $0) } }
    }
}

/// One API group (a LoginRadius API object, e.g. `authentication`).
public struct OperationGroup: Codable, Sendable {
    /// The Python SDK's attribute name, e.g. `authentication`.
    public var group: String
    /// The Swift module, e.g. `LRAuth`.
    public var module: String
    /// The Swift API type, e.g. `AuthenticationAPI`.
    public var type: String
    /// The client property, e.g. `authentication`.
    public var clientProperty: String
    /// One sentence on what the group does.
    public var summary: String
    /// LoginRadius's documentation for the group.
    public var documentation: String?
    /// The operations, in the Python SDK's order.
    public var operations: [Operation]
}

/// One operation.
public struct Operation: Codable, Sendable {
    /// The Swift name, e.g. `loginByEmail` (``NamingRules/operationName(_:group:)`` of ``python``).
    public var name: String
    /// LoginRadius's name for the operation: the Python SDK's method name, e.g. `login_by_email`.
    public var python: String
    /// What the operation does.
    public var summary: String
    /// `GET`, `POST`, `PUT` or `DELETE`.
    public var method: String
    /// `api` or `config`.
    public var host: String
    /// The path template with `{name}` placeholders.
    public var path: String
    /// Where the API key goes: `query:NAME`, or `nil`.
    public var apiKey: String?
    /// Where the API secret goes: `header:NAME`, `query:NAME`, or `nil`.
    public var apiSecret: String?
    /// Where an access token goes: `bearer`, `query:NAME`, or `nil`.
    public var accessToken: String?
    /// The parameters in signature order.
    public var parameters: [Parameter]
    /// The Swift response type, e.g. `AccessToken<Identity>`.
    public var response: String
    /// What the Python SDK's docstring says it returns.
    public var pythonReturns: String?
    /// The Python SDK's section number.
    public var section: String?
    /// LoginRadius's documentation URL for the operation.
    public var documentation: String?
    /// A deprecation message, when LoginRadius deprecated the operation.
    public var deprecated: String?
    /// Whether the operation may be retried after reaching the server (defaults from the method).
    public var idempotent: Bool?
    /// The `ErrorCode`s LoginRadius documents for the operation (its endpoint descriptor's
    /// `errorcodes`), in ascending order; `nil` when it documents none.
    public var errorCodes: [Int]?

    /// The body parameter, when the operation sends a model or JSON value as its body.
    public var bodyParameter: Parameter? { parameters.first { $0.in == "body" } }
}

/// One parameter of an operation.
public struct Parameter: Codable, Sendable {
    /// LoginRadius's name: the Python SDK's, e.g. `email_template`.
    public var python: String
    /// The Swift label, e.g. `emailTemplate` (``NamingRules/memberName(_:)`` of ``python``).
    public var swift: String
    /// `String`, `Bool`, `Int`, `JSONValue` or a model name.
    public var type: String
    /// Whether a value must be given (blank strings are refused).
    public var required: Bool
    /// The default, for optional booleans and integers that are always sent.
    public var `default`: DefaultValue?
    /// `path`, `query`, `header`, `accessToken`, `body`, `bodyField` or `unused`.
    public var `in`: String
    /// The wire name (query or body member name, header name, path placeholder).
    public var wire: String?
    /// What the parameter is.
    public var summary: String?
}

/// A parameter default.
public enum DefaultValue: Codable, Sendable, Equatable {
    case bool(Bool)
    case int(Int)
    case string(String)

    /// Decodes a JSON Boolean, integer or string default, trying them in that order.
    ///
    /// - Parameter decoder: The decoder positioned at the default's value.
    /// - Throws: `DecodingError` when the value is none of a Boolean, an integer or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes the default as a bare JSON Boolean, integer or string.
    ///
    /// - Parameter encoder: The encoder to write the value to.
    /// - Throws: Whatever the encoder's single-value container throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}

/// A file of model definitions for one module.
public struct ModelFile: Codable, Sendable {
    /// The Swift module the models belong to.
    public var module: String
    /// The models.
    public var models: [ModelDefinition]
}

/// One model: a JSON object with known fields; unknown fields are kept by the generated code.
public struct ModelDefinition: Codable, Sendable {
    /// The Swift type name, e.g. `ResetPINByEmailAndOTPModel` (``NamingRules/typeName(_:)`` of
    /// ``loginRadius``).
    public var name: String
    /// LoginRadius's name for the model (the Python SDK's), e.g. `ResetPinByEmailAndOtpModel`.
    public var loginRadius: String
    /// What the model is.
    public var summary: String
    /// LoginRadius's documentation for it.
    public var documentation: String?
    /// The declared fields.
    public var fields: [Field]

    /// The fields LoginRadius requires, in declaration order: non-optional in Swift.
    public var requiredFields: [Field] { fields.filter(\.isRequired) }
}

/// One field of a model.
public struct Field: Codable, Sendable {
    /// The JSON member name, e.g. `FirstName`: LoginRadius's own name for the field.
    public var wire: String
    /// The Swift property name, e.g. `firstName` (``NamingRules/memberName(_:)`` of ``wire``).
    public var swift: String
    /// The Swift type without optionality, e.g. `[EmailAddress]`.
    public var type: String
    /// What the field is.
    public var summary: String?
    /// Whether LoginRadius requires the member in every flow of every operation that sends the
    /// model (its endpoint descriptors' `is_required`): then the Swift property is non-optional.
    public var required: Bool?
    /// Whether LoginRadius requires the member in some flows only (e.g. an email where a phone
    /// number would do): it stays optional, and its documentation says so.
    public var requiredInSomeFlows: Bool?

    /// Whether the Swift property is non-optional.
    public var isRequired: Bool { required ?? false }
}
