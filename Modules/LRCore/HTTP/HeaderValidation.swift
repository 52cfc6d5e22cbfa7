/// Refuses header values that could split a request: CR, LF and NUL (RFC 9110 §5.5).
enum HeaderValidation {
    static func validate(value: String, parameter: String) throws {
        if value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
            throw LoginRadiusError.invalidArgument(
                .init(parameter: parameter, reason: "contains CR, LF or NUL, which cannot be sent in an HTTP header")
            )
        }
    }

    static func validate(_ headers: LoginRadiusHeaders) throws {
        for field in headers {
            try validate(value: field.name, parameter: field.name)
            try validate(value: field.value, parameter: field.name)
        }
    }
}

extension String {
    /// Whether the string is empty or only whitespace, as LoginRadius's SDKs treat a missing value.
    package var isBlank: Bool {
        allSatisfy(\.isWhitespace)
    }
}
