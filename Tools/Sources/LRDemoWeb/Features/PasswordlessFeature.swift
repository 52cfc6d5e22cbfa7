// GET/POST /passwordless — email a one-click login link; GET /passwordless/verify?vtoken=… — the
// link's target, which signs the user in.
import Hummingbird
import LoginRadius

enum PasswordlessFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("passwordless") { _, context in
            services.pages.render("passwordless", context: context, values: ["title": "Passwordless login"])
        }

        router.post("passwordless") { _, context in
            let email = context.form["email"]
            do {
                // GET identity/v2/auth/login/passwordlesslogin/email?email=…&verificationurl=…
                _ = try await services.client(context).passwordlessLogin.passwordlessLoginByEmail(
                    email: email, verificationURL: "\(services.publicOrigin.value)/passwordless/verify")
                return services.pages.render(
                    "message", context: context,
                    values: ["title": "Check your email", "info": "We sent a login link to \(email)."])
            } catch {
                return await services.failure(
                    error, page: "passwordless", context: context,
                    values: ["title": "Passwordless login", "email": email])
            }
        }

        router.get("passwordless/verify") { request, context in
            let token = request.uri.queryParameters["vtoken"].map(String.init) ?? ""
            do {
                // GET identity/v2/auth/login/passwordlesslogin/email/verify?verificationtoken=…
                let login = try await services.client(context).passwordlessLogin.passwordlessLoginVerification(
                    verificationToken: token)
                guard let accessToken = login.accessToken else {
                    throw DemoWebError("passwordless login returned no access token")
                }
                await services.signIn(context, accessToken: accessToken)
                return await services.redirect(context, to: "/profile", flash: "Logged in with your email link.")
            } catch {
                return await services.failure(
                    error, page: "message", context: context, values: ["title": "Passwordless login failed"])
            }
        }
    }
}
