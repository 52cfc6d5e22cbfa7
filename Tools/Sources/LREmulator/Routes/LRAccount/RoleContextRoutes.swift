// Role contexts (API secret required):
// GET    identity/v2/manage/account/{uid}/rolecontext                 — {"Data": [RoleContext]}
// PUT    identity/v2/manage/account/{uid}/rolecontext {rolecontext: [...]} — {"Data": [RoleContext]}
// GET    identity/v2/manage/account/rolecontext/{context}             — {"Data": [RoleContextProfile]}
// DELETE identity/v2/manage/account/{uid}/rolecontext/{context}       — {"IsDeleted": true}
// DELETE identity/v2/manage/account/{uid}/rolecontext/{context}/role {roles}                 — {"IsDeleted"}
// DELETE identity/v2/manage/account/{uid}/rolecontext/{context}/additionalpermission {additionalpermissions} — {"IsDeleted"}
import Foundation

enum RoleContextRoutes {
    static let routes = [
        Route("GET", "identity/v2/manage/account/{uid}/rolecontext", contextsOfUser),
        Route("PUT", "identity/v2/manage/account/{uid}/rolecontext", upsert),
        Route("GET", "identity/v2/manage/account/rolecontext/{context}", profilesByContext),
        Route("DELETE", "identity/v2/manage/account/{uid}/rolecontext/{context}", delete),
        Route("DELETE", "identity/v2/manage/account/{uid}/rolecontext/{context}/role", removeRoles),
        Route(
            "DELETE", "identity/v2/manage/account/{uid}/rolecontext/{context}/additionalpermission", removePermissions),
    ]

    static func dataBody(_ contexts: [RoleContextRecord]) -> EmulatorResponse {
        .ok(("Data", .array(contexts.map(\.json))))
    }

    @Sendable
    static func contextsOfUser(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        return dataBody(await engine.management.store.contexts(of: account.uid))
    }

    /// Each entry: `context` (1133 if blank), `roles` (defined roles only, 1047),
    /// `additionalpermissions`, `expiration` (ISO 8601 or `07/15/2018 8:30:08 AM`, UTC; 1134 if
    /// unreadable). Contexts are replaced by name; the answer lists all of the user's contexts.
    @Sendable
    static func upsert(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        guard let entries = try request.jsonBody()[caseInsensitive: "rolecontext"]?.arrayValue else {
            throw LoginRadiusAPIError.required("RoleContext")
        }
        let records = try entries.map { entry throws(LoginRadiusAPIError) -> RoleContextRecord in
            guard let object = entry.objectValue, let context = object.string("context") else {
                throw LoginRadiusAPIError(.roleContextNameInvalid)
            }
            var expiration: Date?
            if let text = object.string("expiration") {
                guard let date = LoginRadiusDates.parseFlexible(text) else {
                    throw LoginRadiusAPIError.validation(
                        FieldError(
                            propertyName: "Expiration", errorMessage: "The value '\(text)' is not valid for Expiration."
                        ))
                }
                expiration = date
            }
            return RoleContextRecord(
                context: context, roles: object.strings("roles") ?? [],
                additionalPermissions: object.strings("additionalpermissions") ?? [], expiration: expiration)
        }
        return dataBody(try await engine.management.store.upsertContexts(records, uid: account.uid))
    }

    /// Every user with a context of that name: `{RoleContext, Uid, LastLoginDate, FullName,
    /// Email, ImageUrl}`.
    @Sendable
    static func profilesByContext(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        var profiles: [JSON] = []
        for holder in await engine.management.store.holders(ofContext: parameters["context"] ?? "") {
            guard let account = await engine.store.account(uid: holder.uid),
                let identity = IdentitySerializer.json(account).objectValue
            else { continue }
            profiles.append(
                .object(
                    JSONObject([
                        ("RoleContext", .object(holder.context.details)),
                        ("Uid", .string(account.uid)),
                        ("LastLoginDate", identity["LastLoginDate"] ?? .null),
                        ("FullName", identity["FullName"] ?? .null),
                        ("Email", identity["Email"] ?? .null),
                        ("ImageUrl", identity["ImageUrl"] ?? .null),
                    ])))
        }
        return .ok(("Data", .array(profiles)))
    }

    /// Removes a context (1133 if the user has none of that name). Fires `RemoveRoleContext`.
    @Sendable
    static func delete(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        try await engine.management.store.deleteContext(parameters["context"] ?? "", uid: account.uid)
        await engine.management.notify("RemoveRoleContext", data: IdentitySerializer.json(account), engine: engine)
        return .ok(("IsDeleted", .bool(true)))
    }

    @Sendable
    static func removeRoles(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let roles = try request.jsonBody().strings("roles") ?? []
        try await engine.management.store.removeRoles(roles, fromContext: parameters["context"] ?? "", uid: account.uid)
        return .ok(("IsDeleted", .bool(true)))
    }

    /// 1142 when the context lacks one of the permissions.
    @Sendable
    static func removePermissions(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let permissions = try request.jsonBody().strings("additionalpermissions") ?? []
        try await engine.management.store.removeAdditionalPermissions(
            permissions, fromContext: parameters["context"] ?? "", uid: account.uid)
        return .ok(("IsDeleted", .bool(true)))
    }
}
