// Role definitions (name + permissions) and per-user role contexts. The roles assigned to a
// user are kept on the account (`Account.roles`, the profile's `Roles`).
import Foundation

/// A role: `{"Name": "Editor", "Permissions": {"Edit": true}}`.
struct RoleDefinition: Codable, Sendable, Equatable {
    var name: String
    /// Permission name → granted, in the order they were added.
    var permissions: JSONObject

    var json: JSON {
        .object(JSONObject([("Name", .string(name)), ("Permissions", .object(permissions))]))
    }
}

/// One of a user's role contexts:
/// `{"Context", "Roles", "AdditionalPermissions", "Expiration"}`.
struct RoleContextRecord: Codable, Sendable, Equatable {
    var context: String
    var roles: [String]
    var additionalPermissions: [String]
    var expiration: Date?

    /// The `Context`-less part, as "Role Context profile" nests it under `RoleContext`.
    var details: JSONObject {
        JSONObject([
            ("Roles", .strings(roles)),
            ("AdditionalPermissions", .strings(additionalPermissions)),
            ("Expiration", expiration.map { .string(LoginRadiusDates.iso8601($0)) } ?? .null),
        ])
    }

    var json: JSON {
        var object = JSONObject([("Context", .string(context))])
        for entry in details.entries { object[entry.key] = entry.value }
        return .object(object)
    }
}

extension ManagementStore {
    func role(named name: String) -> RoleDefinition? {
        roles.first { $0.name == name }
    }

    /// Adds roles; 1175 when a name is blank, repeated or already defined (nothing is added then).
    func createRoles(_ newRoles: [RoleDefinition]) throws(LoginRadiusAPIError) {
        var names = Set(roles.map(\.name))
        for role in newRoles {
            let trimmed = role.name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !names.contains(role.name) else { throw LoginRadiusAPIError(.roleNameInvalid) }
            names.insert(role.name)
        }
        roles.append(contentsOf: newRoles)
    }

    /// Removes a role definition (1047 if unknown) and drops it from every role context.
    func deleteRole(named name: String) throws(LoginRadiusAPIError) {
        guard roles.contains(where: { $0.name == name }) else { throw LoginRadiusAPIError(.roleDoesNotExist) }
        roles.removeAll { $0.name == name }
        for uid in roleContexts.keys {
            roleContexts[uid] = roleContexts[uid]?.map { record in
                var record = record
                record.roles.removeAll { $0 == name }
                return record
            }
        }
    }

    /// Grants (`granted == true`) or removes permissions of a role (1047 if unknown).
    func changePermissions(of name: String, _ permissions: [String], granted: Bool) throws(LoginRadiusAPIError)
        -> RoleDefinition
    {
        guard let index = roles.firstIndex(where: { $0.name == name }) else {
            throw LoginRadiusAPIError(.roleDoesNotExist)
        }
        for permission in permissions {
            roles[index].permissions[permission] = granted ? .bool(true) : nil
        }
        return roles[index]
    }

    // MARK: Role contexts

    func contexts(of uid: String) -> [RoleContextRecord] {
        roleContexts[uid] ?? []
    }

    /// Adds or replaces (by context name) role contexts; every role must exist (1047).
    func upsertContexts(_ records: [RoleContextRecord], uid: String) throws(LoginRadiusAPIError) -> [RoleContextRecord]
    {
        let known = Set(roles.map(\.name))
        for record in records {
            guard !record.context.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LoginRadiusAPIError(.roleContextNameInvalid)
            }
            guard record.roles.allSatisfy(known.contains) else { throw LoginRadiusAPIError(.roleDoesNotExist) }
        }
        var current = roleContexts[uid] ?? []
        for record in records {
            if let index = current.firstIndex(where: { $0.context == record.context }) {
                current[index] = record
            } else {
                current.append(record)
            }
        }
        roleContexts[uid] = current
        return current
    }

    /// Removes roles from one role context (1133 if the user has no context of that name).
    func removeRoles(_ names: [String], fromContext name: String, uid: String) throws(LoginRadiusAPIError) {
        let index = try contextIndex(name, uid: uid)
        roleContexts[uid]?[index].roles.removeAll { names.contains($0) }
    }

    /// Removes additional permissions from one role context: 1133 if the user has no context of
    /// that name, 1142 if the context lacks one of the permissions (nothing is removed then).
    func removeAdditionalPermissions(_ permissions: [String], fromContext name: String, uid: String)
        throws(LoginRadiusAPIError)
    {
        let index = try contextIndex(name, uid: uid)
        guard let record = roleContexts[uid]?[index],
            permissions.allSatisfy(record.additionalPermissions.contains)
        else { throw LoginRadiusAPIError(.additionalPermissionDoesNotExist) }
        roleContexts[uid]?[index].additionalPermissions.removeAll { permissions.contains($0) }
    }

    private func contextIndex(_ name: String, uid: String) throws(LoginRadiusAPIError) -> Int {
        guard let index = roleContexts[uid]?.firstIndex(where: { $0.context == name }) else {
            throw LoginRadiusAPIError(.roleContextNameInvalid)
        }
        return index
    }

    /// Removes a role context (1133 if unknown).
    func deleteContext(_ name: String, uid: String) throws(LoginRadiusAPIError) {
        guard let contexts = roleContexts[uid], contexts.contains(where: { $0.context == name }) else {
            throw LoginRadiusAPIError(.roleContextNameInvalid)
        }
        roleContexts[uid] = contexts.filter { $0.context != name }
    }

    /// Every user holding a role context of that name.
    func holders(ofContext name: String) -> [(uid: String, context: RoleContextRecord)] {
        roleContexts.sorted { $0.key < $1.key }.compactMap { uid, contexts in
            contexts.first { $0.context == name }.map { (uid, $0) }
        }
    }
}
