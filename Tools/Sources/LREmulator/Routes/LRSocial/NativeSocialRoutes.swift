// Native social login (LRSocial `nativeSocial`): a provider token obtained by a mobile app is
// exchanged for a LoginRadius session. The emulator accepts tokens minted for the same
// provider by `POST emulator/v1/social/token` (SocialRoutes), once each.
// GET api/v2/access_token/facebook?key=&fb_Access_Token=       (and facebookjwt?id_Token=)
// GET api/v2/access_token/twitter?key=&tw_Access_Token=&tw_Token_Secret=
// GET api/v2/access_token/google?key=&google_Access_Token= | google_authcode=  (googlejwt?id_Token=)
// GET api/v2/access_token/linkedin?key=&ln_Access_Token=
// GET api/v2/access_token/foursquare?key=&fs_Access_Token=
// GET api/v2/access_token/vkontakte?key=&vk_Access_Token=
// GET api/v2/access_token/apple?key=&code=                       (applejwt?id_Token=)
// GET api/v2/access_token/wechat?key=&code=
// GET api/v2/access_token/jwt?key=&id_Token=&providername=       — custom JWT provider
// → `{"access_token", "refresh_token", "expires_in"}`; 929 without the provider token, 930
// without Twitter's secret, 1000 for a token the provider does not know (unknown, used,
// expired, or minted for another provider).
import Foundation

enum NativeSocialRoutes {
    static let routes = [
        Route("GET", "api/v2/access_token/{provider}", nativeLogin)
    ]

    /// Endpoint → (provider, the query parameters that may carry its token).
    private static let endpoints: [String: (provider: String, parameters: [String])] = [
        "facebook": ("facebook", ["fb_Access_Token"]),
        "facebookjwt": ("facebook", ["id_Token"]),
        "twitter": ("twitter", ["tw_Access_Token"]),
        "google": ("google", ["google_Access_Token", "google_authcode"]),
        "googlejwt": ("google", ["id_Token"]),
        "linkedin": ("linkedin", ["ln_Access_Token"]),
        "foursquare": ("foursquare", ["fs_Access_Token"]),
        "vkontakte": ("vkontakte", ["vk_Access_Token"]),
        "apple": ("apple", ["code"]),
        "applejwt": ("apple", ["id_Token"]),
        "wechat": ("wechat", ["code"]),
    ]

    @Sendable
    static func nativeLogin(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let endpoint = (parameters["provider"] ?? "").lowercased()
        let provider: String
        let tokenParameters: [String]
        if endpoint == "jwt" {
            guard let name = request.query["providername"] else {
                throw LoginRadiusAPIError(FactorError.providerInvalid)
            }
            (provider, tokenParameters) = (name.lowercased(), ["id_Token"])
        } else if let known = endpoints[endpoint] {
            (provider, tokenParameters) = known
        } else {
            throw LoginRadiusAPIError(.notFound)
        }
        try SocialRoutes.requireKey(request, engine)
        guard let token = tokenParameters.lazy.compactMap({ request.query[$0] }).first else {
            throw LoginRadiusAPIError(FactorError.providerAccessTokenMissing)
        }
        if endpoint == "twitter", request.query["tw_Token_Secret"] == nil {
            throw LoginRadiusAPIError(FactorError.providerTokenSecretMissing)
        }
        guard case .valid(let profile) = await engine.store.takeSocialToken(token, provider: provider, now: engine.now)
        else {
            throw LoginRadiusAPIError(FactorError.providerError)
        }
        let session = try await SocialRoutes.login(profile, engine: engine)
        return EmulatorResponse(body: ResponseBuilders.token(session))
    }
}
