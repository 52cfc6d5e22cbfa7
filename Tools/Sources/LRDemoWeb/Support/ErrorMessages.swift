// Turning a LoginRadiusError into an HTTP status and a sentence for the person at the browser.
// The full error goes to the request's logger; the page shows only what helps the user.
import Hummingbird
import Logging
import LoginRadius

struct UserFacingError {
    let status: HTTPResponse.Status
    let message: String
    /// LoginRadius's error code, when LoginRadius answered with one.
    let code: Int?

    init(_ error: any Error, logger: Logger) {
        let known = error as? LoginRadiusError
        switch (known?.api, known?.tooManyRequests, known?.invalidArgument) {
        case (let api?, _, _):
            // LoginRadius refused: its `Description` is written for end users. 4xx stays 4xx
            // for the page (the user can fix it); LoginRadius's own 5xx becomes 502.
            logger.info("LoginRadius refused", metadata: ["code": "\(api.errorCode)", "status": "\(api.httpStatus)"])
            status = api.httpStatus >= 500 ? .badGateway : (api.httpStatus == 401 ? .unauthorized : .badRequest)
            message =
                api.errorDescription.isEmpty
                ? (api.message ?? "LoginRadius refused the request.") : api.errorDescription
            code = api.errorCode
        case (_, let limited?, _):
            logger.warning(
                "LoginRadius rate limit", metadata: ["retryAfter": "\(limited.retryAfter.map { "\($0)" } ?? "-")"])
            status = .tooManyRequests
            message = "Too many requests right now. Please wait a moment and try again."
            code = limited.apiError?.errorCode
        case (_, _, let argument?):
            // Nothing was sent: a required value was blank.
            status = .badRequest
            message = "Please fill in \(argument.parameter)."
            code = nil
        default:
            // transport, http, decoding, configuration: not the user's fault, and not theirs to read.
            logger.error("LoginRadius call failed", metadata: ["error": "\(error)"])
            status = .badGateway
            message = "The identity service could not be reached. Please try again later."
            code = nil
        }
    }

    /// True for LoginRadius's "access token invalid/expired" codes: the session must sign in again.
    var sessionExpired: Bool { code == 905 || code == 906 }
}
