// Helpers shared by the management routes.
import Foundation

extension EmulatorEngine {
    /// The account of a `{uid}` path parameter or `uid` query parameter (938 if unknown).
    func requireAccount(uid: String?) async throws(LoginRadiusAPIError) -> Account {
        guard let uid, !uid.isEmpty, let account = await store.account(uid: uid) else {
            throw LoginRadiusAPIError(.userDoesNotExist)
        }
        return account
    }

    /// The `apikey` and API secret checks for paths outside `identity/` (webhooks, `ciam/`),
    /// which the dispatcher does not guard.
    func checkManagementCredentials(_ request: EmulatorRequest) throws(LoginRadiusAPIError) {
        try checkAPIKey(request)
        try checkAPISecret(request)
    }
}

extension JSONObject {
    /// A list of strings under `name` (any letter case): a JSON array of strings, or a single
    /// string. Nil when the field is absent.
    func strings(_ name: String) -> [String]? {
        guard let value = self[caseInsensitive: name] else { return nil }
        if let single = value.lenientString { return [single] }
        return value.stringArray
    }

    /// An object field (any letter case).
    func object(_ name: String) -> JSONObject? {
        self[caseInsensitive: name]?.objectValue
    }
}

extension EmulatorRequest {
    /// The request's client details for consent logs: `User-Agent`, the client IP (from
    /// `X-Origin-IP`, `X-Forwarded-For`, else loopback) and the `Host`.
    var consentInfo: ConsentRequestInfo {
        let forwarded = header("X-Forwarded-For")?.split(separator: ",").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return ConsentRequestInfo(
            userAgent: header("User-Agent"), ip: header("X-Origin-IP") ?? forwarded ?? "127.0.0.1", host: host)
    }
}
