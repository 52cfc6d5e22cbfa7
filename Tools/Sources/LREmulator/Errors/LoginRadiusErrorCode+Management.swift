// Error codes of the management-side areas (account management, roles, custom objects, consent,
// webhooks, rate limiting). Code, message, description and HTTP status are copied from
// LoginRadius's "Customer Identity API Codes" page (LoginRadius/apidocs:
// database/apidocs/docs/v2/getting-started/response-codes/customer-identity-api-codes.md); 429
// comes from the same page's HTTP table.

extension LoginRadiusErrorCode {
    static let tooManyRequests = LoginRadiusErrorCode(
        code: 429, message: "Too Many Request",
        description:
            "Response status code indicates the user has sent too many requests in a given amount of time (i.e. rate limiting)",
        httpStatus: 429)
    static let parameterNotFormatted = LoginRadiusErrorCode(
        code: 908, message: "A parameter is not formatted correctly",
        description:
            "A parameter is not formatted correctly in the request, please check all the parameters in the API call.",
        httpStatus: 403)
    static let customObjectIdInvalid = LoginRadiusErrorCode(
        code: 1001, message: "Custom object ID is invalid",
        description: "The custom object ID used in the request is incorrect or does not exist.",
        httpStatus: 403)
    static let customObjectJSONInvalid = LoginRadiusErrorCode(
        code: 1035, message: "Custom object JSON is invalid",
        description:
            "The provided custom object JSON is invalid, please use a valid or well-formatted JSON in order to process this request.",
        httpStatus: 400)
    static let roleDoesNotExist = LoginRadiusErrorCode(
        code: 1047, message: "Role does not exist",
        description:
            "The provided role for the user does not exist, please use a valid role in order to process this request.",
        httpStatus: 400)
    static let phoneAlreadyRegistered = LoginRadiusErrorCode(
        code: 1058, message: "Phone number is already registered with your LoginRadius site",
        description:
            "The phone number has to be unique for your LoginRadius site, please use a different phone number.",
        httpStatus: 403)
    static let customObjectNameInvalid = LoginRadiusErrorCode(
        code: 1064, message: "Custom object name is invalid",
        description: "The custom object name used in this request is incorrect or does not exist.",
        httpStatus: 403)
    static let webhookLimitExceeded = LoginRadiusErrorCode(
        code: 1085, message: "Number of Webhook subscriptions exceed to limit",
        description:
            "Number of Webhook subscriptions must be less than or equal to 5, unsubscribe other and try again.",
        httpStatus: 403)
    static let webhookTargetURLInvalid = LoginRadiusErrorCode(
        code: 1087, message: "Webhook target URL is invalid",
        description: "The provided Webhook target URL is invalid, please enter a valid web URL.",
        httpStatus: 403)
    static let webhookAlreadySubscribed = LoginRadiusErrorCode(
        code: 1110, message: "Webhook target URL is already subscribed",
        description: "The provided Webhook target URL is already subscribed, please enter a unique web URL.",
        httpStatus: 403)
    static let webhookNotSubscribed = LoginRadiusErrorCode(
        code: 1112, message: "Webhook target URL is not subscribed",
        description: "The provided Webhook target URL is not subscribed, it must be subscribed before unsubscribe.",
        httpStatus: 403)
    static let noEmailToInvalidate = LoginRadiusErrorCode(
        code: 1113, message: "The profile cannot be enforced to invalidate the email verification.",
        description:
            "The request could not be processed, there is no email profile associated with this UID, thus the email verification cannot be enforced.",
        httpStatus: 403)
    static let emailAlreadyUnverified = LoginRadiusErrorCode(
        code: 1115, message: "The profile cannot be enforced to invalidate the email verification.",
        description:
            "The request could not be processed, email already unverified associated with UID thus can not enforce email verification.",
        httpStatus: 403)
    static let roleContextNameInvalid = LoginRadiusErrorCode(
        code: 1133, message: "Role Context Name is not Valid",
        description: "Your role context name is not valid, please use a valid role context name.",
        httpStatus: 403)
    static let additionalPermissionDoesNotExist = LoginRadiusErrorCode(
        code: 1142, message: "Additional Permission does not exist",
        description:
            "Additional Permission for the user does not exist, please use a valid additional permission in order to process this request.",
        httpStatus: 403)
    static let noPhoneToInvalidate = LoginRadiusErrorCode(
        code: 1147, message: "The profile cannot be enforced to invalidate the phone verification.",
        description:
            "The request could not be processed, there is no phone profile associated with UID, so the phone verification cannot be enforced.",
        httpStatus: 403)
    static let phoneAlreadyUnverified = LoginRadiusErrorCode(
        code: 1161, message: "This phone number is already unverified",
        description: "This phone number is unverified, cannot invalidate.",
        httpStatus: 403)
    static let roleNameInvalid = LoginRadiusErrorCode(
        code: 1175, message: "Role Name is not valid or already exists",
        description: "Role Name is not valid or already exists, please use a valid role name.",
        httpStatus: 403)
    static let uidInvalid = LoginRadiusErrorCode(
        code: 1200, message: "Uid is not valid",
        description:
            "The uid is not valid, The uid can contains alphabets, digits, underscore and dash only and length must be between 1 to 50.",
        httpStatus: 403)
    static let consentFormValidationFailed = LoginRadiusErrorCode(
        code: 1225, message: "Consent form validation failed",
        description: "Consent form validation failed.",
        httpStatus: 403)
    static let consentLogsNotAvailable = LoginRadiusErrorCode(
        code: 1228, message: "Consent logs not available",
        description: "Consent logs not available.",
        httpStatus: 403)
    static let consentTokenInvalid = LoginRadiusErrorCode(
        code: 1229, message: "Consent token is invalid",
        description:
            "Consent token is invalid, please use the correct or valid consent token in order to process this request.",
        httpStatus: 403)
    static let consentTokenExpired = LoginRadiusErrorCode(
        code: 1230, message: "Consent token has expired",
        description: "The LoginRadius consent token expired, please request a new consent token from LoginRadius API.",
        httpStatus: 403)
}
