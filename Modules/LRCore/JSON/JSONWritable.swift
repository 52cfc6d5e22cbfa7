/// A value generated code can write as JSON with ``JSONWriter``: the request bodies' models, and
/// the values their members hold.
///
/// Refines `Encodable` so that a body of a type with both conformances takes this path (the more
/// specific overload of ``APICall/body(_:)``), while any other `Encodable` still goes through
/// `JSONEncoder`.
package protocol JSONWritable: Encodable {
    /// Writes the value at the writer's current position.
    ///
    /// - Throws: ``JSONWriter/NonFiniteNumber`` for a number JSON cannot hold.
    func writeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber)
}

extension String: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Bool: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Int: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) { writer.write(Int64(self)) }
}

extension Int64: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Double: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) { try writer.write(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) { try writer.write(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) { try writer.write(self) }
}

extension LoginRadiusDate: JSONWritable {
    /// As ``encode(to:)``: the text as LoginRadius sent it.
    package func writeJSON(to writer: inout JSONWriter) { writer.write(rawValue) }
}

extension JSONValue: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        switch self {
        case .null: writer.writeNull()
        case .bool(let value): writer.write(value)
        case .int(let value): writer.write(value)
        case .double(let value): try writer.write(value)
        case .string(let value): writer.write(value)
        case .array(let value): try writer.write(value)
        case .object(let value): try writer.write(value)
        }
    }
}

extension JSONWritable {
    /// The value as JSON text, for a request body.
    ///
    /// - Throws: ``LoginRadiusError/Code/invalidArgument`` naming the member (e.g.
    ///   `customFields.score`) when a number in it is NaN or infinite; `member` prefixes the path.
    package func jsonBody(member: String? = nil) throws(LoginRadiusError) -> [UInt8] {
        var writer = JSONWriter()
        do {
            try writeJSON(to: &writer)
        } catch {
            throw error.invalidArgument(member: member)
        }
        return writer.bytes
    }
}

extension JSONWriter.NonFiniteNumber {
    /// The error the API documents for it: ``LoginRadiusError/Code/invalidArgument`` naming the
    /// member, with the reason `JSONCoding.encodeBody` gives.
    package func invalidArgument(member: String? = nil) -> LoginRadiusError {
        let components = (member.map { [$0] } ?? []) + path
        return LoginRadiusError.invalidArgument(
            .init(
                parameter: components.isEmpty ? "body" : components.joined(separator: "."),
                reason: "is \(value), which JSON cannot represent; send a finite number"))
    }
}
