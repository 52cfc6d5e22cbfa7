// GET /verify?vtoken=… — the page the verification email links to.
import Hummingbird
import LoginRadius

enum VerifyEmailFeature: DemoFeature {
    static func addRoutes(to router: Router<DemoContext>, services: DemoServices) {
        router.get("verify") { request, context in
            let token = request.uri.queryParameters["vtoken"].map(String.init) ?? ""
            do {
                // GET identity/v2/auth/email?verificationtoken=… marks the email verified.
                _ = try await services.client(context).authentication.verifyEmail(verificationToken: token)
                return services.pages.render(
                    "message", context: context,
                    values: [
                        "title": "Email verified", "info": "Your email address is verified. You can log in now.",
                        "loginLink": true,
                    ])
            } catch {
                return await services.failure(
                    error, page: "message", context: context, values: ["title": "Verification failed"])
            }
        }
    }
}
