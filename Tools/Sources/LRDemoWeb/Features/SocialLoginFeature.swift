// Social login. With a real LoginRadius app, its hosted page redirects to
// GET /social/callback?token=…; against the emulator, POST /social signs in through the
// emulator's fake provider. Either way the SDK exchanges the request token for an access token.
import Foundation
import Hummingbird
import LoginRadius

enum SocialLoginFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("social") { _, context in
            services.pages.render(
                "social", context: context,
                values: ["title": "Social login", "emulator": services.emulatorBaseURL != nil])
        }

        router.post("social") { _, context in
            guard let emulator = services.emulatorBaseURL else {
                return await services.redirect(
                    context, to: "/social", flash: "Use LoginRadius's hosted login page with a real app.")
            }
            let form = context.form
            do {
                let token = try await FakeSocialProvider(emulatorBaseURL: emulator).mintToken(
                    for: .init(
                        provider: form["provider"].isEmpty ? "google" : form["provider"].lowercased(),
                        id: "demo-\(SessionStore.randomToken().prefix(12))",
                        email: form["email"].isEmpty ? nil : form["email"],
                        firstName: form["firstName"], lastName: form["lastName"]))
                return await exchange(token, context: context, services: services)
            } catch {
                return await services.failure(
                    error, page: "social", context: context, values: ["title": "Social login", "emulator": true])
            }
        }

        router.get("social/callback") { request, context in
            await exchange(
                request.uri.queryParameters["token"].map(String.init) ?? "", context: context, services: services)
        }
    }

    static func exchange(_ requestToken: String, context: DemoContext, services: DemoServices) async -> Response {
        do {
            // GET api/v2/access_token?token=…&secret=… turns the request token into an access token.
            let exchanged = try await services.client(context).social.exchangeAccessToken(token: requestToken)
            guard let accessToken = exchanged.accessToken else {
                throw DemoWebError("the exchange returned no access token")
            }
            // Validated (and cached) now, so the next page's authenticator need not ask again.
            guard let user = try await services.validator.user(for: accessToken, originIP: context.originIP) else {
                throw DemoWebError("LoginRadius refused the exchanged access token")
            }
            await services.signIn(context, accessToken: accessToken)
            return await services.redirect(
                context, to: "/profile", flash: "Logged in with \(user.profile.provider ?? "your social account").")
        } catch {
            return await services.failure(
                error, page: "social", context: context,
                values: ["title": "Social login", "emulator": services.emulatorBaseURL != nil])
        }
    }
}
