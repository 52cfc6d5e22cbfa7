// The checks LoginRadius makes before an endpoint runs: API key on every request, API secret
// (or a valid request signature) on management requests, and the access token for endpoints
// that act for a user.
import Foundation

extension EmulatorEngine {
    /// 922 without `apikey`, 920 for any other key than the configured one.
    func checkAPIKey(_ request: EmulatorRequest) throws(LoginRadiusAPIError) {
        guard let key = request.query["apikey"]?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
            throw LoginRadiusAPIError(.apiKeyMissing)
        }
        guard key.lowercased() == configuration.apiKey.lowercased() else {
            throw LoginRadiusAPIError(.apiKeyInvalid)
        }
    }

    /// `X-LoginRadius-ApiSecret` (or the legacy `apisecret` query parameter) must equal the
    /// secret (902 otherwise), unless the request is signed (`X-Request-Expires` + `digest`,
    /// 1207–1212 on failure). 923 when neither is present.
    func checkAPISecret(_ request: EmulatorRequest) throws(LoginRadiusAPIError) {
        if let secret = request.header("X-LoginRadius-ApiSecret") ?? request.query["apisecret"] {
            guard secret.trimmingCharacters(in: .whitespaces) == configuration.apiSecret else {
                throw LoginRadiusAPIError(.apiSecretUnauthorized)
            }
            return
        }
        guard RequestSignatureVerifier.isSigned(request) else { throw LoginRadiusAPIError(.apiSecretMissing) }
        try signatures.verify(request, now: now)
    }

    /// The session and account behind the request's access token (1060, 905, 906).
    func authenticatedUser(_ request: EmulatorRequest) async throws(LoginRadiusAPIError) -> (AccessSession, Account) {
        let session = try await store.session(for: request.accessToken, now: now)
        guard let account = await store.account(uid: session.uid) else {
            throw LoginRadiusAPIError(.accessTokenInvalid)
        }
        return (session, account)
    }
}
