// Response bodies shared by several endpoints.

enum ResponseBuilders {
    /// `access_token`, `refresh_token`, `expires_in` (ISO 8601).
    static func tokenFields(_ session: AccessSession) -> [(String, JSON)] {
        [
            ("access_token", .string(session.accessToken)),
            ("refresh_token", .string(session.refreshToken)),
            ("expires_in", .string(LoginRadiusDates.iso8601(session.expiresAt))),
        ]
    }

    /// `{"access_token", "refresh_token", "expires_in"}`
    static func token(_ session: AccessSession) -> JSON {
        .object(JSONObject(tokenFields(session)))
    }

    /// `{"Profile": Identity, "access_token", "refresh_token", "expires_in"}`, the login shape.
    static func profileAndToken(_ account: Account, _ session: AccessSession) -> JSON {
        .object(JSONObject([("Profile", IdentitySerializer.json(account))] + tokenFields(session)))
    }

    static func isPosted() -> EmulatorResponse {
        .ok(("IsPosted", .bool(true)))
    }
}
