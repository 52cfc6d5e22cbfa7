import LRAuth

/// The user's own code: signs a customer up and logs them in.
public struct SignUp: Sendable {
    let authentication: AuthenticationAPI

    /// A sign-up flow on this authentication API.
    public init(authentication: AuthenticationAPI) {
        self.authentication = authentication
    }

    /// Logs a customer in; returns their access token.
    public func logIn(email: String, password: String) async throws -> String? {
        try await authentication.loginByEmail(
            EmailAuthenticationModel(email: email, password: password)
        ).accessToken
    }
}
