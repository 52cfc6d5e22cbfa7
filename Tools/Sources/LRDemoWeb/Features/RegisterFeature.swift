// GET/POST /register — registration by email. LoginRadius emails a verification link that points
// back at this app's /verify page.
import Hummingbird
import LoginRadius

enum RegisterFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("register") { _, context in
            services.pages.render("register", context: context, values: ["title": "Register"])
        }

        router.post("register") { _, context in
            let form = context.form
            let values: [String: Any] = [
                "title": "Register", "email": form["email"], "firstName": form["firstName"],
                "lastName": form["lastName"],
            ]
            do {
                // A SOTT (secure one-time token) proves the registration comes from this server.
                let sott = try services.client(context).configuration.generateSOTT()
                // The SDK call that matters: POST identity/v2/auth/register.
                _ = try await services.client(context).authentication.userRegistrationByEmail(
                    AuthUserRegistrationModel(
                        email: [EmailAddress(type: "Primary", value: form["email"])],
                        firstName: form["firstName"], lastName: form["lastName"], password: form.raw("password")),
                    sott: sott,
                    verificationURL: "\(services.publicOrigin.value)/verify")
                return services.pages.render(
                    "message", context: context,
                    values: [
                        "title": "Check your email",
                        "info": "We sent a verification link to \(form["email"]). Open it to activate your account.",
                    ])
            } catch {
                return await services.failure(error, page: "register", context: context, values: values)
            }
        }
    }
}
