// PUT identity/v2/auth/password/securityanswer {email | phone | userName, securityAnswer, password}
// — resets the password with the account's security answers (three catalogue operations, one
// route: the identifier member tells them apart).
import Foundation

enum AuthPasswordExtrasRoutes {
    static let routes = [
        Route("PUT", "identity/v2/auth/password/securityanswer", resetBySecurityAnswer)
    ]

    /// `{"IsPosted": true}`. 938 unknown account, 1092 no saved answers, 1094 wrong answer.
    @Sendable
    static func resetBySecurityAnswer(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine)
        async throws -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account = try await FactorCredentials.account(
            email: body.string("email"), username: body.string("userName", "username"), phone: body.string("phone"),
            engine: engine)
        let password = try Validation.requirePassword(
            body.string("password"), property: "Password", policy: engine.configuration.passwordLength)
        guard account.factors.securityQuestionEnabled else {
            throw LoginRadiusAPIError(FactorError.securityAnswersNotSaved)
        }
        let given = FactorSupport.securityAnswers(body[caseInsensitive: "securityAnswer"])
        guard FactorSupport.answersMatch(given, stored: account.factors.securityAnswers) else {
            throw LoginRadiusAPIError(FactorError.securityAnswerIncorrect)
        }
        try await AuthPasswordRoutes.setPassword(password, uid: account.uid, engine: engine)
        return ResponseBuilders.isPosted()
    }
}
