// Passwords: forgot (email a reset link) → reset (the link's page), change (knowing the old one),
// set (an account without a password, e.g. from social login; needs the API secret).
import Hummingbird
import LoginRadius

enum PasswordFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("forgot-password") { _, context in
            services.pages.render("forgot-password", context: context, values: ["title": "Forgot password"])
        }

        router.post("forgot-password") { _, context in
            let email = context.form["email"]
            do {
                // POST identity/v2/auth/password: LoginRadius emails resetPasswordUrl?vtoken=…
                _ = try await services.client(context).authentication.forgotPassword(
                    email: email, resetPasswordURL: "\(services.publicOrigin.value)/reset-password")
                return services.pages.render(
                    "message", context: context,
                    values: ["title": "Check your email", "info": "We sent a password reset link to \(email)."])
            } catch {
                return await services.failure(
                    error, page: "forgot-password", context: context,
                    values: ["title": "Forgot password", "email": email])
            }
        }

        router.get("reset-password") { request, context in
            let token = request.uri.queryParameters["vtoken"].map(String.init) ?? ""
            return services.pages.render(
                "reset-password", context: context, values: ["title": "Choose a new password", "resetToken": token])
        }

        router.post("reset-password") { _, context in
            let token = context.form["resetToken"]
            do {
                // PUT identity/v2/auth/password/reset
                _ = try await services.client(context).authentication.resetPasswordByResetToken(
                    ResetPasswordByResetTokenModel(
                        password: context.form.raw("password"), resetToken: token))
                return await services.redirect(
                    context, to: "/login", flash: "Your password was reset. Log in with the new one.")
            } catch {
                return await services.failure(
                    error, page: "reset-password", context: context,
                    values: ["title": "Choose a new password", "resetToken": token])
            }
        }

        router.get("change-password") { _, context in
            guard context.isSignedIn else { return await services.loginRequired(context) }
            return services.pages.render("change-password", context: context, values: ["title": "Change password"])
        }

        router.post("change-password") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            do {
                // PUT identity/v2/auth/password/change
                _ = try await services.client(context).authentication.changePassword(
                    accessToken: accessToken, newPassword: context.form.raw("newPassword"),
                    oldPassword: context.form.raw("oldPassword"))
                return await services.redirect(context, to: "/profile", flash: "Password changed.")
            } catch {
                return await services.failure(
                    error, page: "change-password", context: context, values: ["title": "Change password"])
            }
        }

        router.get("set-password") { _, context in
            guard context.isSignedIn else { return await services.loginRequired(context) }
            return services.pages.render("set-password", context: context, values: ["title": "Set password"])
        }

        router.post("set-password") { _, context in
            guard let uid = context.identity?.uid else {
                return await services.loginRequired(context)
            }
            do {
                // PUT identity/v2/manage/account/{uid}/password — a management call (API secret),
                // made server-side for the signed-in user only.
                _ = try await services.client(context).account.setAccountPasswordByUID(
                    password: context.form.raw("password"), uid: uid)
                return await services.redirect(context, to: "/profile", flash: "Password set.")
            } catch {
                return await services.failure(
                    error, page: "set-password", context: context, values: ["title": "Set password"])
            }
        }
    }
}
