package import Foundation

/// One call of an operation, assembled by the generated API methods before it becomes a
/// ``LoginRadiusRequest``: path parameters, query parameters, credentials and body.
///
/// Every setter that takes a required value checks it first and throws
/// ``LoginRadiusError/invalidArgument(_:)`` for a blank one, so nothing is sent.
/// Optional values that are `nil` or blank are left out, as LoginRadius's SDKs do.
package struct APICall: Sendable {
    /// The operation being called.
    package let operation: OperationDescriptor
    /// Path parameter values by placeholder name.
    package private(set) var pathParameters: [String: String] = [:]
    /// Query items in order, not counting credentials (the client adds those).
    package private(set) var queryItems: [QueryItem] = []
    /// Extra header fields (SOTT, or an access token sent as a header).
    package private(set) var headers = LoginRadiusHeaders()
    /// The access token for ``OperationDescriptor/accessToken``.
    package private(set) var accessToken: String?
    /// The encoded body, when the operation sends a model.
    package private(set) var body: Data?
    /// Body members set one by one, for operations whose body is built from parameters: the JSON
    /// text of an object written so far (`{` and its members, no closing `}`).
    private var bodyMembers: JSONWriter?

    /// Starts a call of `operation`.
    package init(_ operation: OperationDescriptor) {
        self.operation = operation
    }

    /// Throws ``LoginRadiusError/invalidArgument(_:)`` when `value` is blank.
    @discardableResult
    package static func require(_ value: String, parameter: String) throws -> String {
        if value.isBlank {
            throw LoginRadiusError.invalidArgument(.init(parameter: parameter, reason: "is blank"))
        }
        return value
    }

    /// Sets a path parameter; `value` must not be blank, `.` or `..` (a dot segment would be removed
    /// from the path on its way, so the call would reach another endpoint). A `/`, `?` or `#` in it
    /// is percent-encoded and stays part of the segment.
    package mutating func pathParameter(_ name: String, _ value: String, parameter: String) throws {
        try require(value, parameter: parameter)
        try attributed { try PathSegmentValidation.validate(value, parameter: parameter) }
        pathParameters[name] = value
    }

    /// Adds a required query parameter; `value` must not be blank.
    package mutating func query(_ name: String, required value: String, parameter: String) throws {
        queryItems.append(QueryItem(name: name, value: try require(value, parameter: parameter)))
    }

    /// Adds an optional query parameter, unless it is `nil` or blank.
    package mutating func query(_ name: String, _ value: String?) {
        guard let value, !value.isBlank else { return }
        queryItems.append(QueryItem(name: name, value: value))
    }

    /// Adds a boolean query parameter as `true`/`false`, unless it is `nil`.
    package mutating func query(_ name: String, _ value: Bool?) {
        guard let value else { return }
        queryItems.append(QueryItem(name: name, value: value ? "true" : "false"))
    }

    /// Adds an integer query parameter, unless it is `nil`.
    package mutating func query(_ name: String, _ value: Int?) {
        guard let value else { return }
        queryItems.append(QueryItem(name: name, value: String(value)))
    }

    /// Adds a required integer query parameter.
    package mutating func query(_ name: String, required value: Int, parameter: String) {
        queryItems.append(QueryItem(name: name, value: String(value)))
    }

    /// Sets the access token; where it goes is the operation's ``OperationDescriptor/accessToken``.
    package mutating func accessToken(_ token: String, parameter: String = "accessToken") throws {
        try require(token, parameter: parameter)
        try validateHeader(token, parameter: parameter)
        accessToken = token
    }

    /// Sets a required header (for example `X-LoginRadius-Sott`); CR/LF are refused.
    package mutating func header(_ name: String, required value: String, parameter: String) throws {
        try require(value, parameter: parameter)
        try validateHeader(value, parameter: parameter)
        headers[name] = value
    }

    /// Sets an optional header, unless it is `nil` or blank; CR/LF are refused.
    package mutating func header(_ name: String, _ value: String?, parameter: String) throws {
        guard let value, !value.isBlank else { return }
        try validateHeader(value, parameter: parameter)
        headers[name] = value
    }

    /// Writes `model` as the JSON body; a non-finite number in it is
    /// ``LoginRadiusError/invalidArgument(_:)`` naming the member.
    package mutating func body<Model: JSONWritable>(_ model: Model) throws {
        body = Data(try model.jsonBody())
    }

    /// Encodes `model` as the JSON body with `JSONEncoder`, for a type that cannot write itself
    /// (generated models and ``JSONValue`` take ``body(_:)-(JSONWritable)``); a non-finite number
    /// in it is ``LoginRadiusError/invalidArgument(_:)`` naming the member.
    @_disfavoredOverload
    package mutating func body<Model: Encodable>(_ model: Model) throws {
        body = try JSONCoding.encodeBody(model)
    }

    /// Sets one body member from a required string. Each member is set once.
    package mutating func bodyField(_ name: String, required value: String, parameter: String) throws {
        try require(value, parameter: parameter)
        try writeBodyMember { writer throws(JSONWriter.NonFiniteNumber) in try writer.member(name, value) }
    }

    /// Sets one body member, unless it is `nil` (strings: or blank); a non-finite number in it is
    /// ``LoginRadiusError/invalidArgument(_:)`` naming the member. Each member is set once.
    package mutating func bodyField<Value: JSONWritable>(_ name: String, _ value: Value?) throws {
        guard let value else { return }
        if let string = value as? String, string.isBlank { return }
        try writeBodyMember { writer throws(JSONWriter.NonFiniteNumber) in try writer.member(name, value) }
    }

    /// ``bodyField(_:_:)-(_,JSONWritable?)`` for a value that cannot write itself: encoded with
    /// `JSONEncoder`, its bytes copied into the body as they are (never decoded again).
    @_disfavoredOverload
    package mutating func bodyField<Value: Encodable>(_ name: String, _ value: Value?) throws {
        guard let value else { return }
        if let string = value as? String, string.isBlank { return }
        let json = try JSONCoding.encodeBody(value, member: name)
        try writeBodyMember { writer in writer.member(name, json: json) }
    }

    /// Appends one member to ``bodyMembers``; a non-finite number is
    /// ``LoginRadiusError/invalidArgument(_:)`` naming the member.
    private mutating func writeBodyMember(
        _ write: (inout JSONWriter) throws(JSONWriter.NonFiniteNumber) -> Void
    ) throws(LoginRadiusError) {
        var writer = bodyMembers ?? JSONWriter()
        bodyMembers = nil // keeps the buffer uniquely referenced while it grows
        defer { bodyMembers = writer }
        if writer.bytes.isEmpty { writer.beginObject() }
        do {
            try write(&writer)
        } catch {
            throw error.invalidArgument()
        }
    }

    /// The body bytes to send: the model, the members set one by one, or `{}` for a non-GET
    /// without either; `nil` for GET.
    func encodedBody() -> Data? {
        if let body { return body }
        if var members = bodyMembers {
            members.endObject()
            return Data(members.bytes)
        }
        return operation.method == .get ? nil : Data("{}".utf8)
    }

    /// The decoded path segments, with placeholders replaced (the operation's own segments,
    /// shared, when it has none).
    func pathSegments() throws -> [String] {
        let template = operation.pathTemplateSegments
        guard !template.placeholders.isEmpty else { return template.segments }
        var segments = template.segments
        for placeholder in template.placeholders {
            guard let value = pathParameters[placeholder.name] else {
                throw LoginRadiusError.invalidArgument(.init(parameter: placeholder.name, reason: "is missing"))
            }
            try PathSegmentValidation.validate(value, parameter: placeholder.name)
            segments[placeholder.index] = value
        }
        return segments
    }
}
