// The LoginRadius error codes the emulator answers with. Code, message, description and HTTP
// status are LoginRadius's, from its "Customer Identity API Codes" reference
// (LoginRadius/apidocs: database/apidocs/docs/v2/getting-started/response-codes/customer-identity-api-codes.md).
// Generic HTTP failures (unknown endpoint, wrong method) use the same page's HTTP table.

struct LoginRadiusErrorCode: Sendable, Equatable {
    let code: Int
    let message: String
    let description: String
    let httpStatus: Int
}

extension LoginRadiusErrorCode {
    static let apiSecretUnauthorized = LoginRadiusErrorCode(
        code: 902, message: "The API secret is unauthorized",
        description:
            "The provided LoginRadius API secret is invalid or is not authorized, please use a valid or authorized LoginRadius API secret or check the API secret for your LoginRadius account.",
        httpStatus: 401)
    static let accessTokenInvalid = LoginRadiusErrorCode(
        code: 905, message: "Access token is invalid",
        description:
            "The LoginRadius access token is invalid, please use the correct or valid access token in order to process this request.",
        httpStatus: 403)
    static let accessTokenExpired = LoginRadiusErrorCode(
        code: 906, message: "Access token has expired",
        description: "The LoginRadius access token has expired, please request a new token from LoginRadius API.",
        httpStatus: 403)
    static let apiKeyInvalid = LoginRadiusErrorCode(
        code: 920, message: "API key is invalid",
        description:
            "The provided LoginRadius API key is invalid, please use a valid API key of your LoginRadius account.",
        httpStatus: 400)
    static let apiKeyMissing = LoginRadiusErrorCode(
        code: 922, message: "API key is missing",
        description:
            "The request is missing the API key, please use the valid API key parameter in order to process this request.",
        httpStatus: 400)
    static let apiSecretMissing = LoginRadiusErrorCode(
        code: 923, message: "API secret is missing",
        description:
            "The request is missing the API secret, please use the valid API key parameter in order to process this request.",
        httpStatus: 400)
    static let emailAlreadyRegistered = LoginRadiusErrorCode(
        code: 936, message: "Email address is already registered with your LoginRadius site",
        description:
            "The email address has to be unique for your LoginRadius site, please use a different email address.",
        httpStatus: 403)
    static let userDoesNotExist = LoginRadiusErrorCode(
        code: 938, message: "User does not exist",
        description:
            "The user's account does not exist, please use a valid user or create the user before processing this request.",
        httpStatus: 403)
    static let unknownError = LoginRadiusErrorCode(
        code: 950, message: "Operation failed due to an unknown error",
        description: "An unknown error has occurred, please try again in a few minutes or contact your system admin.",
        httpStatus: 500)
    static let postBodyInvalid = LoginRadiusErrorCode(
        code: 965, message: "The post body is invalid",
        description: "Please use a valid post body and make sure that it is in a valid JSON format.",
        httpStatus: 400)
    static let invalidCredentials = LoginRadiusErrorCode(
        code: 966, message: "Invalid user ID and/or password",
        description: "Please use a valid user ID and password combination.",
        httpStatus: 401)
    static let currentPasswordInvalid = LoginRadiusErrorCode(
        code: 967, message: "Current password is invalid",
        description: "Your current password is invalid, please use the correct password.",
        httpStatus: 401)
    static let emailNotVerified = LoginRadiusErrorCode(
        code: 970, message: "Email is not verified",
        description:
            "This email has not yet been verified, please click the link in your email to confirm your email address.",
        httpStatus: 403)
    static let verificationLinkInvalid = LoginRadiusErrorCode(
        code: 973, message: "Invalid email verification link",
        description: "The email verification link is invalid, please request a new link.",
        httpStatus: 403)
    static let verificationLinkUsed = LoginRadiusErrorCode(
        code: 974, message: "The email verification link has already been used",
        description:
            "Each link can only be used once, you can log in now if you have already verified the email, OR use the ‘forgot password’ option.",
        httpStatus: 403)
    static let verificationLinkExpired = LoginRadiusErrorCode(
        code: 975, message: "Your verification link has expired",
        description: "This verification link has expired, please request for new verification link.",
        httpStatus: 403)
    static let lastEmailCannotBeRemoved = LoginRadiusErrorCode(
        code: 1005, message: "User account should have at least one email address",
        description:
            "This email address cannot be deleted as this is the only email address in your Profile, please add an additional email address in order to remove this.",
        httpStatus: 403)
    static let usernameTaken = LoginRadiusErrorCode(
        code: 1017, message: "This username is already registered with this website",
        description: "The username you have selected is already in use, please choose a different username.",
        httpStatus: 403)
    static let emailAlreadyVerified = LoginRadiusErrorCode(
        code: 1025, message: "This email address is already verified",
        description: "This email address has already been confirmed, so you cannot resend the verification email.",
        httpStatus: 403)
    static let validEmailRequired = LoginRadiusErrorCode(
        code: 1038, message: "Valid email ID is required",
        description:
            "The provided email ID is invalid or not well-formatted, a valid email ID is required in order to process this request.",
        httpStatus: 400)
    static let sottRequired = LoginRadiusErrorCode(
        code: 1048, message: "Secured one-time token (SOTT) is required",
        description:
            "Secured one-time token (SOTT) is required, please use a valid secure one-time token (SOTT) in order to process this request.",
        httpStatus: 400)
    static let sottInvalid = LoginRadiusErrorCode(
        code: 1049, message: "Secured one-time token (SOTT) is invalid",
        description:
            "Secured one-time token (SOTT) is invalid, please use a valid secure one-time token (SOTT) in order to process this request.",
        httpStatus: 403)
    static let accessTokenMissing = LoginRadiusErrorCode(
        code: 1060, message: "Access token is missing",
        description:
            "This request is missing the access token, please use the valid access token parameter in order to process this request.",
        httpStatus: 400)
    static let verificationTokenInvalid = LoginRadiusErrorCode(
        code: 1063, message: "Verification token (vtoken) is invalid",
        description:
            "The LoginRadius verification token is invalid, please use a valid verification token in order to process this request.",
        httpStatus: 403)
    static let usernameRequired = LoginRadiusErrorCode(
        code: 1075, message: "Username is required",
        description: "A username is required, please use a valid username in order to process this request.",
        httpStatus: 400)
    static let putBodyInvalid = LoginRadiusErrorCode(
        code: 1079, message: "Put body is invalid",
        description: "Please use a valid put body and make sure that it is in a valid JSON format.",
        httpStatus: 400)
    static let deleteBodyInvalid = LoginRadiusErrorCode(
        code: 1084, message: "Delete body is invalid",
        description: "Please use a valid delete body and make sure that it is in a valid JSON format.",
        httpStatus: 400)
    static let deleteTokenInvalid = LoginRadiusErrorCode(
        code: 1119, message: "The LoginRadius DeleteToken is invalid",
        description:
            "The LoginRadius DeleteToken is invalid, please use the correct or valid DeleteToken in order to process this request.",
        httpStatus: 403)
    static let emailVerificationTokenNotNeeded = LoginRadiusErrorCode(
        code: 1126, message: "Email has already been verified",
        description:
            "Provided email address has already been verified, so its verification token couldn’t be generated.",
        httpStatus: 403)
    static let validationFailed = LoginRadiusErrorCode(
        code: 1134, message: "Validation failed for one or more fields",
        description: "Validation failed for one or more fields, please check the errors field for more information.",
        httpStatus: 403)
    static let emailOrUsernameRequired = LoginRadiusErrorCode(
        code: 1141, message: "Email address or username is required",
        description:
            "Email address or username is required, please use a valid email address or username in order to process this request.",
        httpStatus: 400)
    static let emailTypeRequired = LoginRadiusErrorCode(
        code: 1201, message: "Email type is required",
        description: "The request couldn't be processed, the email type must be specified in the address.",
        httpStatus: 400)
    static let usernameInvalid = LoginRadiusErrorCode(
        code: 1204, message: "Username is not valid",
        description:
            "The username is not valid, The username can not contains space and length must be between 1 to 32.",
        httpStatus: 403)
    static let signatureMissing = LoginRadiusErrorCode(
        code: 1207, message: "API signature is missing",
        description:
            "The request is missing the API signature, please use a valid API signature parameter in order to process this request.",
        httpStatus: 400)
    static let signatureInvalid = LoginRadiusErrorCode(
        code: 1208, message: "API signature is invalid",
        description:
            "The API signature is invalid, please use a valid API signature parameter in order to process this request.",
        httpStatus: 403)
    static let requestExpiryMissing = LoginRadiusErrorCode(
        code: 1210, message: "Request expiry time is missing",
        description:
            "The request is missing the request expiry time, please use a valid request expiry time parameter in order to process this request.",
        httpStatus: 400)
    static let requestExpiryFormatInvalid = LoginRadiusErrorCode(
        code: 1211, message: "The request expiry time has an invalid format",
        description: "The request expiry time has an invalid format, please use a valid date-time format.",
        httpStatus: 400)
    static let requestExpiryInvalid = LoginRadiusErrorCode(
        code: 1212, message: "The request expiry time is invalid",
        description:
            "The request expiry time is invalid, please use a valid request expiry time in order to process this request.",
        httpStatus: 403)
    static let refreshTokenInvalid = LoginRadiusErrorCode(
        code: 1217, message: "Refresh token invalid",
        description: "LoginRadius refresh token is invalid.",
        httpStatus: 403)
    static let emailNotInProfile = LoginRadiusErrorCode(
        code: 1340, message: "Email address does not exist in the profile",
        description: "The request cannot be processed as the email address does not exist in the user's profile.",
        httpStatus: 403)
    static let notFound = LoginRadiusErrorCode(
        code: 404, message: "Not Found",
        description:
            "The API endpoint is not correct or your account does not have sufficient permissions to access this endpoint.",
        httpStatus: 404)
    static let methodNotAllowed = LoginRadiusErrorCode(
        code: 405, message: "Method not allowed",
        description: "Verify that you are accessing the API endpoint with the correct format (ie. Get or Post)",
        httpStatus: 405)
}
