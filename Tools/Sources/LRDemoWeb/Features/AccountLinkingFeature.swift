// GET /linking — the social identities linked to the account; POST /linking/link — sign in to a
// social provider (the emulator's fake one) and link that identity; POST /linking/unlink.
import Hummingbird
import LoginRadius

enum AccountLinkingFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("linking") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            return await page(accessToken: accessToken, context: context, services: services)
        }

        router.post("linking/link") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            guard let emulator = services.emulatorBaseURL else {
                return await services.redirect(
                    context, to: "/linking", flash: "With a real app, link through LoginRadius's hosted page.")
            }
            let provider = context.form["provider"].isEmpty ? "facebook" : context.form["provider"].lowercased()
            do {
                // A social login for an identity of its own gives a candidate account's access token …
                let requestToken = try await FakeSocialProvider(emulatorBaseURL: emulator).mintToken(
                    for: .init(provider: provider, id: "\(provider)-\(SessionStore.randomToken().prefix(10))"))
                let candidate = try await services.client(context).social.exchangeAccessToken(token: requestToken)
                // … which POST identity/v2/auth/socialidentity merges into the signed-in account.
                _ = try await services.client(context).authentication.linkSocialIdentities(
                    accessToken: accessToken, candidateToken: candidate.accessToken ?? "")
                return await services.redirect(context, to: "/linking", flash: "Linked your \(provider) account.")
            } catch {
                return await page(accessToken: accessToken, context: context, services: services, error: error)
            }
        }

        router.post("linking/unlink") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            do {
                // DELETE identity/v2/auth/socialidentity {provider, providerid}
                _ = try await services.client(context).authentication.unlinkSocialIdentities(
                    accessToken: accessToken, provider: context.form["provider"], providerID: context.form["providerId"]
                )
                return await services.redirect(context, to: "/linking", flash: "Unlinked.")
            } catch {
                return await page(accessToken: accessToken, context: context, services: services, error: error)
            }
        }
    }

    static func page(accessToken: String, context: DemoContext, services: DemoServices, error: (any Error)? = nil) async
        -> Response
    {
        do {
            let profile = try await services.client(context).authentication.getProfileByAccessToken(
                accessToken: accessToken)
            let identities: [[String: String]] = (profile.identities ?? []).map { identity in
                [
                    "provider": identity["Provider"]?.stringValue ?? "",
                    "id": identity["ID"]?.stringValue ?? "",
                    "email": identity["Email"]?.arrayValue?.first?["Value"]?.stringValue ?? identity["Email"]?
                        .stringValue ?? "",
                ]
            }
            var values: [String: Any] = [
                "title": "Linked accounts", "identities": identities, "emulator": services.emulatorBaseURL != nil,
            ]
            var status = HTTPResponse.Status.ok
            if let error {
                let failure = UserFacingError(error, logger: context.logger)
                values["error"] = failure.message
                status = failure.status
            }
            return services.pages.render("linking", status: status, context: context, values: values)
        } catch {
            return await services.failure(
                error, page: "message", context: context, values: ["title": "Linked accounts"])
        }
    }
}
