// Roles management (management API, API secret — server-side only): GET /roles lists the app's
// roles and the user's; POST /roles/create, /roles/delete, /roles/assign, /roles/unassign. A role
// change drops the user's cached validation, so /admin (role `admin`) sees it on the next request.
import Hummingbird
import LoginRadius

enum RolesFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("roles") { _, context in
            guard context.isSignedIn else { return await services.loginRequired(context) }
            return await page(context: context, services: services)
        }

        router.post("roles/create") { _, context in
            let name = context.form["name"]
            let permissions = context.form["permissions"].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return await perform(context: context, services: services, flash: "Role \(name) created.") {
                // POST identity/v2/manage/role {roles: [{name, permissions: {name: true}}]}
                var granted: [String: JSONValue] = [:]
                for permission in permissions { granted[permission] = .bool(true) }
                _ = try await services.client(context).role.createRoles(
                    RolesModel(roles: [.object(["name": .string(name), "permissions": .object(granted)])]))
            }
        }

        router.post("roles/delete") { _, context in
            let role = context.form["role"]
            return await perform(context: context, services: services, flash: "Role \(role) deleted.") {
                // DELETE identity/v2/manage/role/{role}
                _ = try await services.client(context).role.deleteRole(role: role)
            }
        }

        router.post("roles/assign") { _, context in
            let role = context.form["role"]
            return await perform(context: context, services: services, flash: "Role \(role) assigned to you.") { uid in
                // PUT identity/v2/manage/account/{uid}/role {roles}
                _ = try await services.client(context).role.assignRolesByUID(AccountRolesModel(roles: [role]), uid: uid)
            }
        }

        router.post("roles/unassign") { _, context in
            let role = context.form["role"]
            return await perform(context: context, services: services, flash: "Role \(role) removed from you.") { uid in
                // DELETE identity/v2/manage/account/{uid}/role {roles}
                _ = try await services.client(context).role.unassignRolesByUID(
                    AccountRolesModel(roles: [role]), uid: uid)
            }
        }
    }

    /// Runs a roles call for the signed-in user and returns to /roles.
    static func perform(
        context: DemoContext, services: DemoServices, flash: String, _ call: (String) async throws -> Void
    ) async -> Response {
        guard let uid = context.identity?.uid else {
            return await services.loginRequired(context)
        }
        do {
            try await call(uid)
            // The user's roles may have changed: the authenticator's cached answer is stale.
            if let accessToken = context.accessToken { services.validator.invalidate(accessToken) }
            return await services.redirect(context, to: "/roles", flash: flash)
        } catch {
            return await page(context: context, services: services, error: error)
        }
    }

    static func perform(
        context: DemoContext, services: DemoServices, flash: String, _ call: () async throws -> Void
    ) async -> Response {
        await perform(context: context, services: services, flash: flash) { (_: String) in try await call() }
    }

    static func page(context: DemoContext, services: DemoServices, error: (any Error)? = nil) async -> Response {
        do {
            // GET identity/v2/manage/role and GET identity/v2/manage/account/{uid}/role
            let roles = try await services.client(context).role.getRolesList()
            let mine = Set(
                try await services.client(context).role.getRolesByUID(uid: context.identity?.uid ?? "").roles ?? [])
            var values: [String: Any] = [
                "title": "Roles",
                "roles": (roles.data ?? []).map { role in
                    [
                        "name": role.name ?? "",
                        "permissions": (role.permissions ?? [:]).filter(\.value).keys.sorted().joined(separator: ", "),
                        "assigned": mine.contains(role.name ?? ""),
                    ] as [String: Any]
                },
                "myRoles": mine.sorted(),
            ]
            var status = HTTPResponse.Status.ok
            if let error {
                let failure = UserFacingError(error, logger: context.logger)
                values["error"] = failure.message
                status = failure.status
            }
            return services.pages.render("roles", status: status, context: context, values: values)
        } catch {
            return await services.failure(error, page: "message", context: context, values: ["title": "Roles"])
        }
    }
}
