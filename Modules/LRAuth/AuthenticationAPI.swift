public import LRCore

/// LoginRadius's Authentication API: registration, login, profile, password and token operations
/// performed for an end user (`identity/v2/auth/...`).
///
/// Get it from a client: `client.authentication`.
public struct AuthenticationAPI: Sendable {
    /// The client that sends the calls.
    public let client: LoginRadiusClient

    /// Creates the API object for `client`.
    public init(client: LoginRadiusClient) {
        self.client = client
    }
}

extension LoginRadiusClient {
    /// The Authentication API.
    public var authentication: AuthenticationAPI { AuthenticationAPI(client: self) }
}
