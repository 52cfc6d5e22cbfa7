// Roles management (API secret required):
// GET    identity/v2/manage/role                        — {"data": [Role], "Count"}
// POST   identity/v2/manage/role {roles: [{name, permissions}]} — created roles, same shape
// DELETE identity/v2/manage/role/{role}                 — {"IsDeleted": true}
// PUT    identity/v2/manage/role/{role}/permission {permissions} — Role
// DELETE identity/v2/manage/role/{role}/permission {permissions} — Role
// GET    identity/v2/manage/account/{uid}/role          — {"Roles": [...]}
// PUT    identity/v2/manage/account/{uid}/role {roles}  — {"Roles": [...]} (all the user's roles)
// DELETE identity/v2/manage/account/{uid}/role {roles}  — {"IsDeleted": true}
import Foundation

enum RoleRoutes {
    static let routes = [
        Route("GET", "identity/v2/manage/role", list),
        Route("POST", "identity/v2/manage/role", create),
        Route("DELETE", "identity/v2/manage/role/{role}", delete),
        Route("PUT", "identity/v2/manage/role/{role}/permission", addPermissions),
        Route("DELETE", "identity/v2/manage/role/{role}/permission", removePermissions),
        Route("GET", "identity/v2/manage/account/{uid}/role", rolesOfUser),
        Route("PUT", "identity/v2/manage/account/{uid}/role", assign),
        Route("DELETE", "identity/v2/manage/account/{uid}/role", unassign),
    ]

    static func listBody(_ roles: [RoleDefinition]) -> EmulatorResponse {
        .ok(("data", .array(roles.map(\.json))), ("Count", .int(roles.count)))
    }

    @Sendable
    static func list(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws -> EmulatorResponse
    {
        listBody(await engine.management.store.roles)
    }

    /// `permissions` is an object of permission → true (an array of names is accepted too).
    /// 1175 for a blank, repeated or existing name; 1134 without roles.
    @Sendable
    static func create(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        guard let entries = try request.jsonBody()[caseInsensitive: "roles"]?.arrayValue, !entries.isEmpty else {
            throw LoginRadiusAPIError.required("Roles")
        }
        let roles = try entries.map { entry throws(LoginRadiusAPIError) -> RoleDefinition in
            guard let object = entry.objectValue, let name = object.string("name") else {
                throw LoginRadiusAPIError(.roleNameInvalid)
            }
            var permissions = JSONObject()
            if let given = object.object("permissions") {
                for permission in given.entries {
                    permissions[permission.key] = .bool(permission.value.lenientBool ?? true)
                }
            } else {
                for permission in object.strings("permissions") ?? [] { permissions[permission] = .bool(true) }
            }
            return RoleDefinition(name: name, permissions: permissions)
        }
        try await engine.management.store.createRoles(roles)
        return listBody(roles)
    }

    /// Deletes the role (1047 if unknown) and unassigns it from every user.
    @Sendable
    static func delete(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let name = parameters["role"] ?? ""
        try await engine.management.store.deleteRole(named: name)
        for uid in await engine.store.accounts.values.filter({ $0.roles?.contains(name) == true }).map(\.uid) {
            try await engine.store.update(uid: uid) { account in
                account.roles?.removeAll { $0 == name }
            }
        }
        return .ok(("IsDeleted", .bool(true)))
    }

    @Sendable
    static func addPermissions(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let permissions = try request.jsonBody().strings("permissions") ?? []
        let role = try await engine.management.store.changePermissions(
            of: parameters["role"] ?? "", permissions, granted: true)
        return EmulatorResponse(body: role.json)
    }

    @Sendable
    static func removePermissions(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let permissions = try request.jsonBody().strings("permissions") ?? []
        let role = try await engine.management.store.changePermissions(
            of: parameters["role"] ?? "", permissions, granted: false)
        return EmulatorResponse(body: role.json)
    }

    @Sendable
    static func rolesOfUser(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        return .ok(("Roles", .strings(account.roles ?? [])))
    }

    /// Adds roles to the user (1047 for an undefined role). Fires `AssignRoles`.
    @Sendable
    static func assign(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let names = try request.jsonBody().strings("roles") ?? []
        let defined = Set(await engine.management.store.roles.map(\.name))
        guard names.allSatisfy(defined.contains) else { throw LoginRadiusAPIError(.roleDoesNotExist) }
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            var roles = account.roles ?? []
            for name in names where !roles.contains(name) { roles.append(name) }
            account.roles = roles
            account.touch(now)
        }
        await engine.management.notify("AssignRoles", data: IdentitySerializer.json(updated), engine: engine)
        return .ok(("Roles", .strings(updated.roles ?? [])))
    }

    /// Removes roles from the user. Fires `UnassignRoles`.
    @Sendable
    static func unassign(_ request: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let account = try await engine.requireAccount(uid: parameters["uid"])
        let names = try request.jsonBody().strings("roles") ?? []
        let now = engine.now
        let updated = try await engine.store.update(uid: account.uid) { account in
            account.roles?.removeAll { names.contains($0) }
            account.touch(now)
        }
        await engine.management.notify("UnassignRoles", data: IdentitySerializer.json(updated), engine: engine)
        return .ok(("IsDeleted", .bool(true)))
    }
}
