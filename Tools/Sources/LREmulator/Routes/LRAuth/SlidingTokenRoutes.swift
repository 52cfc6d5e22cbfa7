// GET identity/v2/auth/access_token/sliding_token — (token) a fresh access token,
// `{"access_token", "refresh_token", "expires_in"}`.
import Foundation

enum SlidingTokenRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/access_token/sliding_token", slide)
    ]

    /// Exchanges a live or expired access token for a new one valid a full lifetime from now;
    /// the old one stops working, the refresh token stays *(choice: LoginRadius documents
    /// sliding expiration, not the exact exchange)*. 1060 without a token, 905 for an unknown
    /// or invalidated one.
    @Sendable
    static func slide(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let session = try await engine.store.slideSession(
            accessToken: request.accessToken, now: engine.now, lifetime: engine.accessTokenLifetime)
        return EmulatorResponse(body: ResponseBuilders.token(session))
    }
}
