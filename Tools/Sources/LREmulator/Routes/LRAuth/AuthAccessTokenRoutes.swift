// GET identity/v2/auth/access_token             — token info
// GET identity/v2/auth/access_token/validate    — {"access_token", "refresh_token", "expires_in"}
// GET identity/v2/auth/access_token/invalidate  — ?preventRefresh=true also revokes the refresh token
// GET identity/v2/manage/account/access_token/refresh?refresh_token=  — new access token
import Foundation

enum AuthAccessTokenRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/access_token", info),
        Route("GET", "identity/v2/auth/access_token/validate", validate),
        Route("GET", "identity/v2/auth/access_token/invalidate", invalidate),
        Route("GET", "identity/v2/manage/account/access_token/refresh", refresh),
    ]

    /// The apidocs sample's fields (`provider`, `access_token`, `isrememberme`) plus `expires_in`.
    @Sendable
    static func info(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (session, _) = try await engine.authenticatedUser(request)
        return .ok(
            ("provider", .string("Email")),
            ("access_token", .string(session.accessToken)),
            ("expires_in", .string(LoginRadiusDates.iso8601(session.expiresAt))),
            ("isrememberme", .bool(false)))
    }

    @Sendable
    static func validate(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (session, _) = try await engine.authenticatedUser(request)
        return EmulatorResponse(body: ResponseBuilders.token(session))
    }

    @Sendable
    static func invalidate(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (session, _) = try await engine.authenticatedUser(request)
        await engine.store.invalidate(
            accessToken: session.accessToken, preventRefresh: request.query.bool("preventRefresh") ?? false)
        return ResponseBuilders.isPosted()
    }

    /// LoginRadius's Python SDK spells the parameter `refresh_Token`; any case is accepted.
    @Sendable
    static func refresh(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let session = try await engine.store.refresh(
            refreshToken: request.query["refresh_token"], now: engine.now, lifetime: engine.accessTokenLifetime)
        return EmulatorResponse(body: ResponseBuilders.token(session))
    }
}
