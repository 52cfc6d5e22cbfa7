extension APICall {
    /// ``require(_:parameter:)``, with a refusal naming this call's operation.
    @discardableResult
    func require(_ value: String, parameter: String) throws -> String {
        try attributed { try Self.require(value, parameter: parameter) }
    }

    /// Refuses a header value with CR, LF or NUL, naming this call's operation.
    func validateHeader(_ value: String, parameter: String) throws {
        try attributed { try HeaderValidation.validate(value: value, parameter: parameter) }
    }

    /// Runs `body`; a ``LoginRadiusError`` it throws names this call's operation (nothing was sent).
    func attributed<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as LoginRadiusError {
            throw error.attributed(to: operation.operationName, attempts: 0)
        }
    }
}
