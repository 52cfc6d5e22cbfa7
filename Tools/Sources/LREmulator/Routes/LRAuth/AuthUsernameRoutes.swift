// GET identity/v2/auth/username?username=  — availability, {"IsExist"}
// PUT identity/v2/auth/username {username} — set or change (access token)
import Foundation

enum AuthUsernameRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/username", checkAvailability),
        Route("PUT", "identity/v2/auth/username", setUsername),
    ]

    @Sendable
    static func checkAvailability(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        guard let username = request.query["username"] else { throw LoginRadiusAPIError(.usernameRequired) }
        return .ok(("IsExist", .bool(await engine.store.isUsernameTaken(username))))
    }

    /// Taken by someone else → 1017; spaces or more than 32 characters → 1204.
    @Sendable
    static func setUsername(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        let body = try request.jsonBody()
        let username = try Validation.requireUsername(body.string("username"))
        let now = engine.now
        try await engine.store.update(uid: account.uid) { account in
            account.username = username
            account.touch(now)
        }
        await AuthEvents.user("SetUsername", uid: account.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }
}
