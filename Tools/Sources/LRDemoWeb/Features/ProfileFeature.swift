// GET /profile — the signed-in user's profile (the authenticator's identity); GET/POST /account —
// update the name.
import Hummingbird
import LoginRadius

enum ProfileFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("profile") { _, context in
            // The profile LoginRadius gave for the session's token when the authenticator
            // validated it (GET identity/v2/auth/account, cached by the validator).
            guard let user = context.identity else { return await services.loginRequired(context) }
            return services.pages.render("profile", context: context, values: values(for: user.profile))
        }

        router.get("account") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            do {
                let profile = try await services.client(context).authentication.getProfileByAccessToken(
                    accessToken: accessToken)
                return services.pages.render(
                    "account", context: context,
                    values: [
                        "title": "Update account", "firstName": profile.firstName ?? "",
                        "lastName": profile.lastName ?? "",
                    ])
            } catch {
                return await services.failure(
                    error, page: "message", context: context, values: ["title": "Update account"])
            }
        }

        router.post("account") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            let firstName = context.form["firstName"]
            let lastName = context.form["lastName"]
            do {
                // PUT identity/v2/auth/account
                _ = try await services.client(context).authentication.updateProfileByAccessToken(
                    UserProfileUpdateModel(firstName: firstName, lastName: lastName),
                    accessToken: accessToken)
                // The cached profile is stale: the next request asks LoginRadius again.
                services.validator.invalidate(accessToken)
                return await services.redirect(context, to: "/profile", flash: "Account updated.")
            } catch {
                return await services.failure(
                    error, page: "account", context: context,
                    values: ["title": "Update account", "firstName": firstName, "lastName": lastName])
            }
        }
    }

    static func values(for profile: Identity) -> [String: Any] {
        [
            "title": "Your profile",
            "fullName": profile.fullName
                ?? [profile.firstName, profile.lastName].compactMap { $0 }.joined(separator: " "),
            "firstName": profile.firstName ?? "",
            "lastName": profile.lastName ?? "",
            "emails": (profile.email ?? []).map { ["type": $0.type ?? "", "value": $0.value ?? ""] },
            "emailVerified": profile.emailVerified == true,
            "uid": profile.uid ?? "",
            "provider": profile.provider ?? "",
            "roles": profile.roles ?? [],
        ]
    }
}
