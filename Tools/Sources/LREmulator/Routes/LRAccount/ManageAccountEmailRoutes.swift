// Account management — email addresses (API secret required):
// PUT    identity/v2/manage/account/{uid}/email {Email: [{Type, Value}]} — Upsert Email, Identity
// DELETE identity/v2/manage/account/{uid}/email {email}                  — Account Email Delete, Identity
import Foundation

enum ManageAccountEmailRoutes {
    static let routes = [
        Route("PUT", "identity/v2/manage/account/{uid}/email", upsertEmail),
        Route("DELETE", "identity/v2/manage/account/{uid}/email", removeEmail),
    ]

    /// An email whose type the account already has replaces that address; other types are
    /// added. New addresses are unverified *(choice)*; an address another account holds → 936.
    /// Fires `UpdateProfile`.
    @Sendable
    static func upsertEmail(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let emails = try ProfileInput.emails(of: try request.jsonBody())
        guard !emails.isEmpty else { throw LoginRadiusAPIError.required("Email") }
        for email in emails { _ = try Validation.requireEmail(email.value) }
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            for email in emails {
                let verified = account.email(matching: email.value)?.verified ?? false
                let entry = EmailAddress(type: email.type, value: email.value, verified: verified)
                account.emails.removeAll { $0.value.lowercased() == email.value.lowercased() }
                if let index = account.emails.firstIndex(where: { $0.type.lowercased() == email.type.lowercased() }) {
                    account.emails[index] = entry
                } else {
                    account.emails.append(entry)
                }
            }
            account.touch(now)
        }
        let identity = IdentitySerializer.json(updated)
        await engine.management.notify("UpdateProfile", data: identity, engine: engine)
        return EmulatorResponse(body: identity)
    }

    /// 1340 for an address the profile lacks, 1005 for its only address. Fires `RemoveEmail`.
    @Sendable
    static func removeEmail(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let email = try Validation.requireEmail(try request.jsonBody().string("email"))
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            guard account.email(matching: email) != nil else { throw LoginRadiusAPIError(.emailNotInProfile) }
            guard account.emails.count > 1 else { throw LoginRadiusAPIError(.lastEmailCannotBeRemoved) }
            account.emails.removeAll { $0.value.lowercased() == email.lowercased() }
            account.touch(now)
        }
        let identity = IdentitySerializer.json(updated)
        await engine.management.notify("RemoveEmail", data: identity, engine: engine)
        return EmulatorResponse(body: identity)
    }
}
