// GET/POST /login — traditional email and password login; GET/POST /login/mfa — the code step
// when the account has an authenticator app enabled.
import Hummingbird
import LoginRadius

enum LoginFeature: DemoFeature {
    /// LoginRadius's "Two factor authentication is enabled" code: use the MFA login instead.
    static let multiFactorEnabled = 1176

    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("login") { _, context in
            services.pages.render("login", context: context, values: ["title": "Log in"])
        }

        router.post("login") { _, context in
            let email = context.form["email"]
            let password = context.form.raw("password")
            let values: [String: Any] = ["title": "Log in", "email": email]
            do {
                // POST identity/v2/auth/login
                let login = try await services.client(context).authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: password))
                guard let accessToken = login.accessToken else { throw DemoWebError("login returned no access token") }
                await services.signIn(context, accessToken: accessToken)
                return await services.redirect(context, to: "/profile", flash: "Welcome back!")
            } catch let error as LoginRadiusError where error.errorCode == multiFactorEnabled {
                return await startMultiFactorLogin(
                    email: email, password: password, context: context, services: services)
            } catch {
                return await services.failure(error, page: "login", context: context, values: values)
            }
        }

        router.get("login/mfa") { _, context in
            guard context.session.secondFactorToken != nil else {
                return Response.redirect(to: "/login", type: .normal)
            }
            return services.pages.render("login-mfa", context: context, values: ["title": "Authenticator code"])
        }

        router.post("login/mfa") { _, context in
            guard let token = context.session.secondFactorToken else {
                return Response.redirect(to: "/login", type: .normal)
            }
            do {
                // PUT identity/v2/auth/login/2fa/verification/authenticatorcode
                let login = try await services.client(context).mfa.mfaValidateAuthenticatorCode(
                    MultiFactorAuthModelByAuthenticatorCode(
                        authenticatorCode: context.form["code"]),
                    secondFactorAuthenticationToken: token)
                guard let accessToken = login.accessToken else {
                    throw DemoWebError("MFA login returned no access token")
                }
                await services.signIn(context, accessToken: accessToken)
                return await services.redirect(
                    context, to: "/profile", flash: "Welcome back! (verified with your authenticator app)")
            } catch {
                return await services.failure(
                    error, page: "login-mfa", context: context, values: ["title": "Authenticator code"])
            }
        }
    }

    /// The password step of an MFA login: POST identity/v2/auth/login/2fa answers with a
    /// second-factor token, kept in the session until the code step.
    static func startMultiFactorLogin(email: String, password: String, context: DemoContext, services: DemoServices)
        async -> Response
    {
        do {
            let reply = try await services.client(context).mfa.mfaLoginByEmail(email: email, password: password)
            if let accessToken = reply.accessToken, reply.secondFactorAuthentication == nil {
                await services.signIn(context, accessToken: accessToken)
                return await services.redirect(context, to: "/profile")
            }
            guard let token = reply.secondFactorAuthentication?.secondFactorAuthenticationToken else {
                throw DemoWebError("MFA login returned no second factor token")
            }
            await services.sessions.update(context.session.id) { $0.secondFactorToken = token }
            return await services.redirect(context, to: "/login/mfa")
        } catch {
            return await services.failure(
                error, page: "login", context: context, values: ["title": "Log in", "email": email])
        }
    }
}
