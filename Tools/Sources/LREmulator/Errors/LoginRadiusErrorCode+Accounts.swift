// Codes for blocked and locked accounts, captcha and consent at login, from LoginRadius's
// "Customer Identity API Codes" reference.

extension LoginRadiusErrorCode {
    static let accountBlocked = LoginRadiusErrorCode(
        code: 991, message: "Your account is blocked",
        description:
            "Your account has been blocked by the system admin, please contact the admin for more information.",
        httpStatus: 403)
    static let captchaInvalid = LoginRadiusErrorCode(
        code: 982, message: "CAPTCHA is invalid",
        description: "CAPTCHA is invalid, please enter the correct CAPTCHA value.", httpStatus: 403)
    static let accountAlreadyUnlocked = LoginRadiusErrorCode(
        code: 1221, message: "Account is already unlocked",
        description: "The account is already unlocked, you can access or manage your profile.", httpStatus: 403)
    static let consentNotSubmitted = LoginRadiusErrorCode(
        code: 1226, message: "Consent form not submitted",
        description: "Consent options are not submitted, please accept the consent options.", httpStatus: 403)
}
