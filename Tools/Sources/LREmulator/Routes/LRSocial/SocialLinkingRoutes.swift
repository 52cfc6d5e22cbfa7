// Linking social identities to an account (LRAuth):
// POST   identity/v2/auth/socialidentity {candidatetoken}       (token) — link
// DELETE identity/v2/auth/socialidentity {provider, providerid} (token) — unlink
// The candidate token is the access token a social login returned for the identity to link
// (a social-only account, which the link merges into the logged-in one). Linking by client
// GUID (`{clientGuid}`, `socialidentity/ping`) is not emulated: 1140.
import Foundation

enum SocialLinkingRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/socialidentity", link),
        Route("POST", "identity/v2/auth/socialidentity/ping", link),
        Route("DELETE", "identity/v2/auth/socialidentity", unlink),
    ]

    /// 905/906 for the candidate token, 983 when it cannot be linked, 986 when the account
    /// already has that provider. `{"IsPosted": true}`.
    @Sendable
    static func link(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        guard let candidateToken = body.string("candidatetoken") else {
            throw LoginRadiusAPIError(
                body.string("clientGuid") != nil ? FactorError.clientGuidInvalid : FactorError.accountCannotBeLinked)
        }
        let candidate = try await engine.store.session(for: candidateToken, now: engine.now)
        try await engine.store.linkSocialAccount(candidateUid: candidate.uid, into: account.uid, now: engine.now)
        return ResponseBuilders.isPosted()
    }

    /// 1078 without a provider, 1065 without a provider ID, 989 not linked, 1008 the only way
    /// to log in. `{"IsDeleted": true}`.
    @Sendable
    static func unlink(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        guard let provider = body.string("provider") else {
            throw LoginRadiusAPIError(FactorError.socialProviderInvalid)
        }
        guard let providerID = body.string("providerid") else { throw LoginRadiusAPIError(FactorError.providerInvalid) }
        try await engine.store.unlinkSocialIdentity(
            uid: account.uid, provider: provider, id: providerID, now: engine.now)
        return .ok(("IsDeleted", .bool(true)))
    }
}
