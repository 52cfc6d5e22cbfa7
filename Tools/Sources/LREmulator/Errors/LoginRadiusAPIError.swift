// The error a route throws to answer with LoginRadius's error body.

/// One entry of the `Errors` array LoginRadius adds to validation failures (code 1134).
struct FieldError: Sendable, Equatable {
    let propertyName: String
    let errorMessage: String
}

struct LoginRadiusAPIError: Error, Sendable, Equatable {
    let code: LoginRadiusErrorCode
    /// Field-level details, sent as `Errors` for validation failures.
    var fieldErrors: [FieldError] = []

    init(_ code: LoginRadiusErrorCode, fieldErrors: [FieldError] = []) {
        self.code = code
        self.fieldErrors = fieldErrors
    }

    /// A validation failure (1134) naming the offending fields.
    static func validation(_ errors: FieldError...) -> LoginRadiusAPIError {
        LoginRadiusAPIError(.validationFailed, fieldErrors: errors)
    }

    /// A 1134 failure for a missing required field, worded like LoginRadius's model validation.
    static func required(_ property: String) -> LoginRadiusAPIError {
        .validation(FieldError(propertyName: property, errorMessage: "The \(property) field is required."))
    }

    /// LoginRadius's error body:
    /// `{"Description", "ErrorCode", "Message", "IsProviderError", "ProviderErrorResponse"}`.
    var body: JSON {
        var object = JSONObject([
            ("Description", .string(code.description)),
            ("ErrorCode", .int(code.code)),
            ("Message", .string(code.message)),
            ("IsProviderError", .bool(false)),
            ("ProviderErrorResponse", .null),
        ])
        if !fieldErrors.isEmpty {
            object["Errors"] = .array(
                fieldErrors.map { error in
                    .object(
                        JSONObject([
                            ("PropertyName", .string(error.propertyName)),
                            ("ErrorMessage", .string(error.errorMessage)),
                        ]))
                })
        }
        return .object(object)
    }
}
