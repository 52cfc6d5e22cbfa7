// POST identity/v2/auth/register/captcha  — registration guarded by reCAPTCHA or Tencent captcha
// PUT  identity/v2/auth/email {email, otp}  — email verification by OTP
import Foundation

enum AuthVerificationExtrasRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/register/captcha", registerWithCaptcha),
        Route("PUT", "identity/v2/auth/email", verifyEmailByOTP),
    ]

    /// The emulator cannot ask Google or Tencent to check a captcha: any non-empty
    /// `g-recaptcha-response` (or `qq_captcha_ticket` with `qq_captcha_randstr`) passes, as with
    /// reCAPTCHA's test keys; none at all is 982. Then it is a normal registration, without SOTT.
    @Sendable
    static func registerWithCaptcha(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let recaptcha = body.string("g-recaptcha-response") ?? ""
        let tencent =
            (body.string("qq_captcha_ticket") ?? "").isEmpty || (body.string("qq_captcha_randstr") ?? "").isEmpty
        guard !recaptcha.isEmpty || !tencent else { throw LoginRadiusAPIError(.captchaInvalid) }
        let response = try await AuthRegistrationRoutes.registerChecked(request, body: body, engine: engine)
        await AuthEvents.registered(request, response, engine: engine)
        return response
    }

    /// The OTP is the code of the verification email the emulator sent to `email` (its token):
    /// `{"IsPosted": true, "Data": {"Profile", tokens}}` as with the link.
    @Sendable
    static func verifyEmailByOTP(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let email = try Validation.requireEmail(body.string("email"))
        guard let otp = body.string("otp"), !otp.isEmpty else { throw LoginRadiusAPIError.required("Otp") }
        guard await engine.store.oneTimeTokens[otp]?.email.lowercased() == email.lowercased() else {
            throw LoginRadiusAPIError(FactorError.otpInvalid)
        }
        let record = try await engine.store.consumeOneTimeToken(otp, kind: .emailVerification, now: engine.now)
        return try await AuthEmailRoutes.completeVerification(record, request, engine)
    }
}
