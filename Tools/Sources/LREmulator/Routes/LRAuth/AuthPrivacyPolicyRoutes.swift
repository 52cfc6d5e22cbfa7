// Privacy policy acceptance, by access token:
// GET identity/v2/auth/privacypolicy/accept    — accepts the current version, answers the Identity
// GET identity/v2/auth/privacypolicy/history   — `{"Uid", "Current", "History"}`
// (by uid: LRAccount/ManageAccountExtrasRoutes.swift). The emulator's app has one policy
// version, `PrivacyPolicies.currentVersion`; the accepted versions live in the profile.
import Foundation

enum PrivacyPolicies {
    static let currentVersion = "1.0"
    /// The profile member holding the accepted versions, oldest first (not an Identity field,
    /// so it is never shown; it is saved with the account).
    static let historyKey = "emulator.PrivacyPolicyHistory"

    /// Records an acceptance: `PrivacyPolicy` in the Identity shows it as current.
    static func accept(_ account: inout Account, source: String, now: Date) {
        let accepted = JSON.object(
            JSONObject([
                ("Version", .string(currentVersion)), ("AcceptSource", .string(source)),
                ("AcceptDateTime", .string(LoginRadiusDates.iso8601(now))),
            ]))
        account.profile["PrivacyPolicy"] = accepted
        account.profile[historyKey] = .array((account.profile[historyKey]?.arrayValue ?? []) + [accepted])
        account.touch(now)
    }

    /// `{"Uid", "Current", "History"}`; `Current` is null before any acceptance.
    static func history(_ account: Account) -> EmulatorResponse {
        let history = account.profile[historyKey]?.arrayValue ?? []
        return .ok(
            ("Uid", .string(account.uid)), ("Current", history.last ?? .null), ("History", .array(history)))
    }
}

enum AuthPrivacyPolicyRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/privacypolicy/accept", accept),
        Route("GET", "identity/v2/auth/privacypolicy/history", history),
    ]

    @Sendable
    static func accept(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            PrivacyPolicies.accept(&account, source: "API", now: now)
        }
        return EmulatorResponse(body: IdentitySerializer.json(updated))
    }

    @Sendable
    static func history(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        return PrivacyPolicies.history(account)
    }
}
