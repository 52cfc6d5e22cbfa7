// Configuration:
// GET identity/v2/serverinfo?timedifference=  — server time and a SOTT time window
// GET ciam/appinfo?apikey=                    — the app configuration (LoginRadius serves it
//     on config.lrcontent.com; the emulator on its own address: set the SDK's `configURL` to it)
import Foundation

enum ConfigurationRoutes {
    static let routes = [
        Route("GET", "identity/v2/serverinfo", serverInfo),
        Route("GET", "ciam/appinfo", appInfo),
    ]

    /// `{"ServerLocation", "ServerName", "CurrentTime", "Sott": {"StartTime", "EndTime",
    /// "TimeDifference"}}` with times as `yyyy-MM-dd HH:mm:ss` UTC (the documented sample's
    /// form): the SOTT window starts now and lasts `timedifference` minutes (default 10).
    @Sendable
    static func serverInfo(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let minutes = request.query["timedifference"].flatMap { Int($0) }.map { max($0, 1) } ?? 10
        let now = engine.now
        return .ok(
            ("ServerLocation", .string("Local")),
            ("ServerName", .string("lr-emulator")),
            ("CurrentTime", .string(LoginRadiusDates.requestExpiry(now))),
            (
                "Sott",
                .object(
                    JSONObject([
                        ("StartTime", .string(LoginRadiusDates.requestExpiry(now))),
                        (
                            "EndTime",
                            .string(LoginRadiusDates.requestExpiry(now.addingTimeInterval(TimeInterval(minutes * 60))))
                        ),
                        ("TimeDifference", .string("\(minutes) Minutes")),
                    ]))
            ))
    }

    /// The documented configuration object with the emulator's settings: email verification
    /// flow, username login, password length rules; social providers, security questions,
    /// two-factor authentication, passkeys and CAPTCHA off. Needs `apikey` (922, 920).
    @Sendable
    static func appInfo(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try engine.checkAPIKey(request)
        let configuration = engine.configuration
        let passwordRules =
            "min_length[\(configuration.passwordLength.lowerBound)]|max_length[\(configuration.passwordLength.upperBound)]"
        func field(_ type: String, _ name: String, _ display: String, _ rules: String) -> JSON {
            .object(
                JSONObject([
                    ("Checked", .bool(true)), ("type", .string(type)), ("name", .string(name)),
                    ("display", .string(display)), ("rules", .string(rules)), ("options", .null),
                    ("permission", .string("w")), ("DataSource", .null), ("Parent", .string("")),
                    ("ParentDataSource", .null),
                ]))
        }
        let isHTTPS = engine.baseURL.get().lowercased().hasPrefix("https")
        return .ok(
            ("SocialSchema", .object(JSONObject([("Providers", .array([]))]))),
            (
                "RegistrationFormSchema",
                .array([
                    field("string", "emailid", "Email Id", "valid_email|required"),
                    field("password", "password", "Password", passwordRules + "|required"),
                    field(
                        "password", "confirmpassword", "Confirm Password", passwordRules + "|matches[password]|required"
                    ),
                    field("string", "firstname", "First Name", ""),
                    field("string", "lastname", "Last Name", ""),
                ])
            ),
            (
                "SecurityQuestions",
                .object(JSONObject([("Questions", .array([])), ("SecurityQuestionCount", .int(0))]))
            ),
            ("IsHttps", .bool(isHTTPS)),
            ("AppName", .string("lr-emulator")),
            ("IsCustomerRegistration", .bool(true)),
            ("ApiVersion", .object(JSONObject([("v1", .bool(false)), ("v2", .bool(true))]))),
            ("EmailVerificationFlow", .string(configuration.verificationRequired ? "required" : "optional")),
            ("IsAutoLookUpEnabled", .bool(false)),
            ("IsPhoneLogin", .bool(false)),
            ("IsDisabledSocialRegistration", .bool(false)),
            ("IsDisabledAccountLinking", .bool(false)),
            ("IsAgeRestriction", .bool(false)),
            ("IsSecurityQuestion", .bool(false)),
            ("AskRequiredFieldsOnTraditionalLogin", .bool(false)),
            ("IsLogoutOnEmailVerification", .bool(false)),
            ("IsNoCallbackForSocialLogin", .bool(false)),
            ("IsUserNameLogin", .bool(true)),
            ("IsMobileCallbackForSocialLogin", .bool(false)),
            ("IsInvisibleRecaptcha", .bool(false)),
            ("IsBackendJobEnabled", .bool(false)),
            ("AskPasswordOnSocialLogin", .bool(false)),
            ("AskEmailIdForUnverifiedUserLogin", .bool(false)),
            ("AskOptionalFieldsOnSocialSignup", .bool(false)),
            ("IsRiskBasedAuthentication", .bool(false)),
            ("IsV2Recaptcha", .bool(false)),
            ("CheckPhoneNoAvailabilityOnRegistration", .bool(false)),
            ("DuplicateEmailWithUniqueUsername", .bool(false)),
            ("StoreOnlyRegistrationFormFieldsForSocial", .bool(false)),
            ("OTPEmailVerification", .bool(false)),
            (
                "LoginLockedConfiguration",
                .object(
                    JSONObject([
                        ("LoginLockedType", .string("None")), ("MaximumFailedLoginAttempts", .int(0)),
                        ("SuspendConfiguration", .object(JSONObject([("EffectivePeriodInSeconds", .int(0))]))),
                    ]))
            ),
            ("IsInstantSignin", .object(JSONObject([("EmailLink", .bool(false)), ("SmsOtp", .bool(false))]))),
            ("IsLoginOnEmailVerification", .bool(true)),
            ("LoginOnPasswordReset", .bool(false)),
            (
                "TwoFactorAuthentication",
                .object(
                    JSONObject([
                        ("IsEnabled", .bool(false)), ("IsRequired", .bool(false)),
                        ("IsGoogleAuthenticator", .bool(false)), ("IsAuthenticator", .bool(false)),
                        ("IsPushAuthenticator", .bool(false)), ("IsEmailOTPAuthenticator", .bool(false)),
                        ("IsSecurityQuestionAuthenticator", .bool(false)), ("IsSmsOTPAuthenticator", .bool(false)),
                        ("IsDuoSecurityAuthenticator", .bool(false)), ("IsPasskeyAuthenticator", .bool(false)),
                    ]))
            ),
            ("IsRememberMe", .bool(false)),
            ("V2RecaptchaSiteKey", .string("")),
            ("QQTencentCaptchaKey", .string("")),
            ("NoRegistration", .bool(false)),
            ("CustomDomain", .null),
            (
                "PrivacyPolicyConfiguration",
                .object(
                    JSONObject([
                        ("IsEnabled", .bool(false)), ("Mode", .string("Moderated")), ("PrivacyPolicies", .array([])),
                    ]))
            ),
            (
                "OptionalRecaptchaConfiguration",
                .object(JSONObject([("IsEnabled", .bool(false)), ("Apis", .object(JSONObject()))]))
            ),
            (
                "ApiRequestSigningConfig",
                .object(JSONObject([("IsEnabled", .bool(false)), ("Mode", .string("Optional"))]))
            ),
            (
                "TemplateVerificationTypes",
                .object(
                    JSONObject([
                        ("DeleteAccount", .string("MAGICLINK")), ("ForgotPassword", .string("MAGICLINK")),
                        ("Registration", .string("MAGICLINK")),
                    ]))
            ),
            ("PassKeysConfig", .object(JSONObject([("IsEnabled", .bool(false))]))))
    }
}
