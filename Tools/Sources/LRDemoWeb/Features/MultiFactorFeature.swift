// GET /mfa — multi-factor settings: the authenticator app's secret to add, or "enabled".
// POST /mfa/enable — confirm with a code from the app; POST /mfa/disable — remove it.
import Hummingbird
import LoginRadius

enum MultiFactorFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("mfa") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            return await settingsPage(accessToken: accessToken, context: context, services: services)
        }

        router.post("mfa/enable") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            do {
                // PUT identity/v2/auth/account/2fa/verification/authenticatorcode enables the app.
                _ = try await services.client(context).mfa.mfaVerifyAuthenticatorCode(
                    .init(
                        authenticatorCode: context.form["code"]),
                    accessToken: accessToken)
                return await services.redirect(context, to: "/mfa", flash: "Authenticator app enabled.")
            } catch {
                return await settingsPage(accessToken: accessToken, context: context, services: services, error: error)
            }
        }

        router.post("mfa/disable") { _, context in
            guard let accessToken = context.accessToken else { return await services.loginRequired(context) }
            do {
                // DELETE identity/v2/auth/account/2fa/authenticator {"authenticator": true}
                _ = try await services.client(context).mfa.mfaResetAuthenticatorByToken(
                    accessToken: accessToken, authenticator: true)
                return await services.redirect(context, to: "/mfa", flash: "Authenticator app removed.")
            } catch {
                return await settingsPage(accessToken: accessToken, context: context, services: services, error: error)
            }
        }
    }

    static func settingsPage(
        accessToken: String, context: DemoContext, services: DemoServices, error: (any Error)? = nil
    ) async -> Response {
        do {
            // GET identity/v2/auth/account/2fa: settings, and a pending authenticator secret.
            let settings = try await services.client(context).mfa.mfaConfigureByAccessToken(accessToken: accessToken)
            var values: [String: Any] = [
                "title": "Multi-factor authentication",
                "enabled": settings.isAuthenticatorVerified == true || settings.isGoogleAuthenticatorVerified == true,
                "secret": settings.manualEntryCode ?? "",
            ]
            // Mustache renders a section for any string, even "": set the link only when present.
            if let qrCode = settings.qrCode, !qrCode.isEmpty { values["qrCode"] = qrCode }
            if let error {
                let failure = UserFacingError(error, logger: context.logger)
                values["error"] = failure.message
                return services.pages.render("mfa", status: failure.status, context: context, values: values)
            }
            return services.pages.render("mfa", context: context, values: values)
        } catch {
            return await services.failure(
                error, page: "message", context: context, values: ["title": "Multi-factor authentication"])
        }
    }
}
