// Field checks shared by the routes.
import Foundation

enum Validation {
    /// A pragmatic email check: one `@`, something before it, a dot in the domain, no spaces.
    static func isValidEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: \.isWhitespace)
        else { return false }
        return true
    }

    /// Throws 1038 unless the email is present and well-formed.
    static func requireEmail(_ email: String?) throws(LoginRadiusAPIError) -> String {
        guard let email, isValidEmail(email) else { throw LoginRadiusAPIError(.validEmailRequired) }
        return email
    }

    /// LoginRadius usernames: no spaces, 1 to 32 characters (its error 1204 says so).
    static func requireUsername(_ username: String?) throws(LoginRadiusAPIError) -> String {
        guard let username, !username.isEmpty else { throw LoginRadiusAPIError(.usernameRequired) }
        guard username.count <= 32, !username.contains(where: \.isWhitespace) else {
            throw LoginRadiusAPIError(.usernameInvalid)
        }
        return username
    }

    /// Throws 1134 naming `property` unless the password fits the configured length.
    static func requirePassword(
        _ password: String?, property: String, policy: ClosedRange<Int>
    ) throws(LoginRadiusAPIError) -> String {
        guard let password, !password.isEmpty else { throw LoginRadiusAPIError.required(property) }
        guard policy.contains(password.count) else {
            throw LoginRadiusAPIError.validation(
                FieldError(
                    propertyName: property,
                    errorMessage: "The field \(property) must be a string with a minimum length of "
                        + "\(policy.lowerBound) and a maximum length of \(policy.upperBound)."))
        }
        return password
    }
}
