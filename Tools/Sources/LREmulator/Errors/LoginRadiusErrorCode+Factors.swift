// LoginRadius error codes for the user-factor areas (phone, MFA, PIN, re-authentication,
// passwordless, smart and one-touch login, social). Code, message, description and HTTP status
// are LoginRadius's, from its "Customer Identity API Codes" reference
// (LoginRadius/apidocs: database/apidocs/docs/v2/getting-started/response-codes/customer-identity-api-codes.md).

/// Kept in their own namespace so that they cannot clash with codes other areas add to
/// `LoginRadiusErrorCode`: `throw LoginRadiusAPIError(FactorError.otpInvalid)`.
enum FactorError {
    static let requestTokenInvalid = LoginRadiusErrorCode(
        code: 903, message: "Request token is invalid",
        description:
            "The LoginRadius request token is invalid, please check the POST request on your callback page and the token field in the request.",
        httpStatus: 403)
    static let requestTokenExpired = LoginRadiusErrorCode(
        code: 904, message: "Request token has expired",
        description: "The LoginRadius request token has expired, please request a new token from LoginRadius API.",
        httpStatus: 403)
    static let providerAccessTokenMissing = LoginRadiusErrorCode(
        code: 929, message: "Access token is missing from social ID provider",
        description:
            "The ID Provider access token is required to generate the LoginRadius access token, please use the correct token in order to process this request.",
        httpStatus: 400)
    static let providerTokenSecretMissing = LoginRadiusErrorCode(
        code: 930, message: "Token secret is missing from social ID provider",
        description:
            "The ID Provider token secret is required to generate the LoginRadius access token, please use the correct token in order to process this request.",
        httpStatus: 400)
    static let accountCannotBeLinked = LoginRadiusErrorCode(
        code: 983, message: "Account cannot be linked",
        description: "This account cannot be linked, please use another account to link.",
        httpStatus: 403)
    static let accountAlreadyLinked = LoginRadiusErrorCode(
        code: 986, message: "Account is already linked",
        description: "This account cannot be linked as it is already linked with another account.",
        httpStatus: 403)
    static let providerIdCannotBeUnlinked = LoginRadiusErrorCode(
        code: 989, message: "Provider ID cannot be unlinked",
        description: "This provider ID is not linked to any other account, so it cannot be unlinked.",
        httpStatus: 403)
    static let providerError = LoginRadiusErrorCode(
        code: 1000, message: "An error has occurred at the social identity provider’s end",
        description:
            "An error has occurred at the social identity provider’s end, please check the ‘providerErrorResponse’ for more details.",
        httpStatus: 403)
    static let providerCannotBeUnlinked = LoginRadiusErrorCode(
        code: 1008, message: "This provider cannot be unlinked",
        description: "This provider cannot be unlinked from your Profile.",
        httpStatus: 403)
    static let phoneInvalidOrMissing = LoginRadiusErrorCode(
        code: 1043, message: "Phone number is invalid or does not exist",
        description:
            "The provided phone number is invalid or does not exist, please use a valid phone number in order to process this request.",
        httpStatus: 403)
    static let sessionExpired = LoginRadiusErrorCode(
        code: 1055, message: "Session has expired",
        description: "The LoginRadius session token has expired, there is no current active session for this user.",
        httpStatus: 403)
    static let phoneAlreadyRegistered = LoginRadiusErrorCode(
        code: 1058, message: "Phone number is already registered with your LoginRadius site",
        description:
            "The phone number has to be unique for your LoginRadius site, please use a different phone number.",
        httpStatus: 403)
    static let passwordlessLinkUsed = LoginRadiusErrorCode(
        code: 1062, message: "The password less login link has already been used",
        description: "Each link can only be used once, please click the password less login button for a new link.",
        httpStatus: 403)
    static let providerInvalid = LoginRadiusErrorCode(
        code: 1065, message: "Provider name or Provider Id is invalid",
        description: "The provider name or provider ID is invalid, please use a valid provider name or provider ID.",
        httpStatus: 403)
    static let phoneNotVerified = LoginRadiusErrorCode(
        code: 1066, message: "Phone number is not verified",
        description: "The provided phone number is not verified, please use a verified phone number for login.",
        httpStatus: 403)
    static let otpInvalid = LoginRadiusErrorCode(
        code: 1067, message: "Invalid OTP Code",
        description: "The OTP code is invalid, please request for a new OTP.",
        httpStatus: 403)
    static let otpUsed = LoginRadiusErrorCode(
        code: 1068, message: "The OTP has already been used",
        description: "Each OTP can only be used once, you can now login if you have already verified the phone number.",
        httpStatus: 403)
    static let otpExpired = LoginRadiusErrorCode(
        code: 1069, message: "Verification OTP has expired",
        description: "This verification OTP has expired, please use ‘resend OTP’ option to verify your phone number.",
        httpStatus: 403)
    static let phoneAlreadyVerified = LoginRadiusErrorCode(
        code: 1073, message: "This phone number has already been confirmed",
        description: "This phone number has already been confirmed, so you cannot resend the verification OTP",
        httpStatus: 403)
    static let phoneRequired = LoginRadiusErrorCode(
        code: 1076, message: "Phone number is required",
        description: "Phone number is required, please use a valid phone number in order to process this request.",
        httpStatus: 400)
    static let socialProviderInvalid = LoginRadiusErrorCode(
        code: 1078, message: "Provider is invalid",
        description: "This provider is invalid for account link/unlink, please use a valid Social Provider.",
        httpStatus: 403)
    static let securityQuestionInvalid = LoginRadiusErrorCode(
        code: 1091, message: "Security question is invalid",
        description: "This security question is invalid, please use a correct or valid security question.",
        httpStatus: 403)
    static let securityAnswersNotSaved = LoginRadiusErrorCode(
        code: 1092, message: "Security question and answer is not saved in profile",
        description:
            "This security question and answer is not saved in your profile, please update the security question and answer in profile.",
        httpStatus: 403)
    static let securityAnswerIncorrect = LoginRadiusErrorCode(
        code: 1094, message: "Your security answer or question is incorrect",
        description:
            "Your security question or answer is incorrect, please enter the correct security question or answer.",
        httpStatus: 403)
    static let phoneFormatInvalid = LoginRadiusErrorCode(
        code: 1096, message: "Invalid phone number",
        description:
            "The provided phone number is not valid or not well-formatted, please review the phone number in order to process this request.",
        httpStatus: 400)
    static let multiFactorNotConfigured = LoginRadiusErrorCode(
        code: 1101, message: "Two factor authentication is not configured for this profile",
        description:
            "Two factor authentication is not configured, please configured or enable two factor authentication on your profile for login.",
        httpStatus: 403)
    static let authenticatorNotConfigured = LoginRadiusErrorCode(
        code: 1099, message: "Two-factor authenticator is not configured",
        description:
            "Two-factor authenticator app is not configured. Please configure an authenticator to enable two-factor authentication.",
        httpStatus: 403)
    static let authenticatorCodeIncorrect = LoginRadiusErrorCode(
        code: 1102, message: "The two-factor authenticator code is incorrect",
        description: "Please enter the correct authenticator code.",
        httpStatus: 403)
    static let secondFactorTokenInvalid = LoginRadiusErrorCode(
        code: 1103, message: "Two factor authentication token is invalid",
        description:
            "The LoginRadius two factor authentication token is invalid, please use the correct or valid token in order to process this request.",
        httpStatus: 403)
    static let secondFactorTokenExpired = LoginRadiusErrorCode(
        code: 1104, message: "Two factor authentication token has expired",
        description:
            "The LoginRadius two factor authentication token has expired, please request a new token from LoginRadius API.",
        httpStatus: 403)
    static let verificationCodeRequired = LoginRadiusErrorCode(
        code: 1105, message: "At least one verification code is required",
        description: "At least one verification code is required, please enter the OTP or Google authentication code.",
        httpStatus: 403)
    static let multiFactorRemovalInvalid = LoginRadiusErrorCode(
        code: 1121, message: "This is not valid request for removing two factor authentication",
        description:
            "This is not valid request for removing two factor authentication, please use the correct value for removing two factor authentication.",
        httpStatus: 403)
    static let backupCodesAlreadyGenerated = LoginRadiusErrorCode(
        code: 1127, message: "Two factor authentication backup code is already generated",
        description:
            "The two factor authentication backup code is already generated, please reset your two factor authentication backup code.",
        httpStatus: 403)
    static let backupCodeInvalid = LoginRadiusErrorCode(
        code: 1128, message: "Two factor authentication backup bode is not valid or has already been used",
        description:
            "The two factor authentication backup code is not enabled, please enable or configure two factor authentication for login.",
        httpStatus: 403)
    static let clientGuidNotUnique = LoginRadiusErrorCode(
        code: 1136, message: "Client GUID must be unique",
        description: "You have already used this client GUID, please use a unique client GUID.",
        httpStatus: 403)
    static let smartLoginLinkUsed = LoginRadiusErrorCode(
        code: 1137, message: "This smart login link has already been used",
        description: "Each link can only be used once, please request a new link to login.",
        httpStatus: 403)
    static let smartLoginAlreadyVerified = LoginRadiusErrorCode(
        code: 1138, message: "The smart login link has already been verified",
        description:
            "This smart login link has already been verified, please click the smart login button for a new link.",
        httpStatus: 403)
    static let smartLoginNotVerified = LoginRadiusErrorCode(
        code: 1139, message: "The smart login link has not been verified",
        description:
            "This smart login link has not been verified, please click the smart login link in your email to verify.",
        httpStatus: 403)
    static let clientGuidInvalid = LoginRadiusErrorCode(
        code: 1140, message: "Client GUID is invalid",
        description:
            "The client GUID is invalid or expired, please use a valid client guid in order to process this request.",
        httpStatus: 403)
    static let oneTouchLinkUsed = LoginRadiusErrorCode(
        code: 1145, message: "The one touch login link has already been used",
        description: "Each link can only be used once, please click the sign in button for a new link.",
        httpStatus: 403)
    static let multiFactorEnabled = LoginRadiusErrorCode(
        code: 1176, message: "Two factor authentication is enabled",
        description: "Two factor authentication is enabled, please use two factor authentication api for login.",
        httpStatus: 403)
    static let validationTokenInvalid = LoginRadiusErrorCode(
        code: 1193, message: "Two factor validation token is invalid",
        description:
            "The LoginRadius two factor Validation token is invalid, please use the correct or valid token in order to process this request.",
        httpStatus: 403)
    static let accountCannotBeUnlinkedFromItself = LoginRadiusErrorCode(
        code: 1219, message: "Account cannot be unlinked",
        description: "An account cannot be unlinked from itself.",
        httpStatus: 403)
    static let pinRequiredField = LoginRadiusErrorCode(
        code: 1234, message: "PIN is required",
        description: "The PIN is a required field. Please provide a valid PIN",
        httpStatus: 403)
    static let pinNotAvailable = LoginRadiusErrorCode(
        code: 1235, message: "PIN is not available",
        description:
            "The PIN is not available in the profile, please add PIN in the profile in order to process this request.",
        httpStatus: 403)
    static let pinInvalid = LoginRadiusErrorCode(
        code: 1236, message: "Invalid PIN",
        description: "Please use a valid PIN for the Authentication",
        httpStatus: 401)
    static let pinAuthTokenInvalid = LoginRadiusErrorCode(
        code: 1239, message: "PINAuth token is invalid",
        description:
            "PINAuth token is invalid, please use the correct or valid PINAuth token in order to process this request.",
        httpStatus: 403)
    static let pinAuthTokenExpired = LoginRadiusErrorCode(
        code: 1240, message: "PINAuth token has expired",
        description: "The LoginRadius PINAuth token expired, please request a new PINAuth token from LoginRadius API.",
        httpStatus: 403)
    static let currentPinInvalid = LoginRadiusErrorCode(
        code: 1241, message: "Current pin is invalid",
        description: "Your current pin is invalid, please use the correct pin.",
        httpStatus: 401)
    static let pinResetLinkUsed = LoginRadiusErrorCode(
        code: 1242, message: "The email verification link has already been used",
        description:
            "Each link can only be used once, you can log in now if you have already verified the email, OR use the ‘forgot pin’ option.",
        httpStatus: 403)
    static let pinRequired = LoginRadiusErrorCode(
        code: 1243, message: "PIN is required",
        description: "The PIN is required and needs to be set, please set PIN in the profile for login.",
        httpStatus: 403)
    static let pinSessionTokenInvalid = LoginRadiusErrorCode(
        code: 1245, message: "Session token is invalid",
        description: "PIN authentication session token is invalid, please use valid PIN authentication session token.",
        httpStatus: 403)
    static let pinSessionTokenExpired = LoginRadiusErrorCode(
        code: 1246, message: "Session token has expired",
        description:
            "The LoginRadius PIN authentication session token expired, please request a new PIN authentication session token from LoginRadius API.",
        httpStatus: 403)
    static let emailOTPNotEnabled = LoginRadiusErrorCode(
        code: 1256, message: "Email OTP two factor authentication is not enabled",
        description:
            "The Email OTP two factor authentication is not enabled, please enable Email OTP two factor authentication for login.",
        httpStatus: 403)
    static let securityQuestionNotEnabled = LoginRadiusErrorCode(
        code: 1257, message: "Security question two factor authentication is not enabled",
        description:
            "The Security question two factor authentication is not enabled, please enable security question two factor authentication for login.",
        httpStatus: 403)
    static let otpAuthenticatorNotEnabled = LoginRadiusErrorCode(
        code: 1277, message: "OTP two factor authentication is not enabled",
        description: "The OTP two factor authentication is not enabled, please enable OTP two factor authentication.",
        httpStatus: 403)
    static let authenticatorNotEnabled = LoginRadiusErrorCode(
        code: 1279, message: "The authenticator method is not enabled for two-factor authentication",
        description: "Please enable the authenticator method for two-factor authentication and try again.",
        httpStatus: 403)
    static let phoneNotLinked = LoginRadiusErrorCode(
        code: 1292, message: "A phone number is not currently linked to your account",
        description: "Your request cannot be processed as no phone number is linked to your account.",
        httpStatus: 403)
    static let phoneVerificationByTokenInvalid = LoginRadiusErrorCode(
        code: 1120, message: "Access token is invalid or phone number is already verified",
        description: "The LoginRadius access token is invalid or the phone number has already been verified.",
        httpStatus: 403)
    static let multiFactorPhoneUpdateInvalid = LoginRadiusErrorCode(
        code: 1250, message: "Invalid request to update the phone number for two-factor authentication.",
        description:
            "Authenticator, OTP, or security question-based two-factor authentication method is already enabled. Please use the update profile API to update the phone number.",
        httpStatus: 403)
    static let multiFactorAlreadyEnabled = LoginRadiusErrorCode(
        code: 1258, message: "One of the two factor authentication method is already enabled",
        description:
            "One of the two factor authentication method is already enabled, can not update two factor authentication security question answers.",
        httpStatus: 403)
}
