// The emulator's security questions (LoginRadius lets each app configure its own; these are
// fixed) and the endpoints listing an account's questions:
// GET identity/v2/auth/securityquestion/email?email=
// GET identity/v2/auth/securityquestion/username?username=
// GET identity/v2/auth/securityquestion/phone?phone=
// GET identity/v2/auth/securityquestion/accesstoken   (token)
// Answers are set with "MFA Security Question Answer by Access Token" (MFARoutes).
import Foundation

enum SecurityQuestions {
    /// `QuestionId` → `Question`, in display order.
    static let catalogue: [(id: String, question: String)] = [
        ("2f6ae1d2b4c34b7e9a5d8c3e1f0a9b21", "What was the name of your first pet?"),
        ("7c1d9e4a8b2f4c6d8e0a1b3c5d7e9f13", "In what city were you born?"),
        ("a3b5c7d9e1f24a6c8e0b2d4f6a8c0e35", "What is your mother's maiden name?"),
        ("d4e6f8a0b2c44e6a8c0e2a4c6e8a0c47", "What was the make of your first car?"),
    ]

    static func question(id: String) -> String? {
        catalogue.first { $0.id.lowercased() == id.lowercased() }?.question
    }

    /// `[{"QuestionId", "Question"}]` for the given IDs (all questions when nil).
    static func json(ids: [String]? = nil) -> JSON {
        let entries = catalogue.filter { entry in ids.map { $0.contains(entry.id) } ?? true }
        return .array(
            entries.map { entry in
                .object(JSONObject([("QuestionId", .string(entry.id)), ("Question", .string(entry.question))]))
            })
    }

    /// The questions the account answered, or 1092 when it has none.
    static func answeredJSON(_ account: Account) throws(LoginRadiusAPIError) -> JSON {
        guard account.factors.securityQuestionEnabled else {
            throw LoginRadiusAPIError(FactorError.securityAnswersNotSaved)
        }
        return json(ids: Array(account.factors.securityAnswers.keys))
    }
}

enum SecurityQuestionRoutes {
    static let routes = [
        Route("GET", "identity/v2/auth/securityquestion/email", byEmail),
        Route("GET", "identity/v2/auth/securityquestion/username", byUsername),
        Route("GET", "identity/v2/auth/securityquestion/phone", byPhone),
        Route("GET", "identity/v2/auth/securityquestion/accesstoken", byAccessToken),
    ]

    @Sendable
    static func byEmail(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let account = try await FactorCredentials.account(
            email: request.query.email("email") ?? "", username: nil, phone: nil, engine: engine)
        return EmulatorResponse(body: try SecurityQuestions.answeredJSON(account))
    }

    @Sendable
    static func byUsername(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        guard let username = request.query["username"] else { throw LoginRadiusAPIError(.usernameRequired) }
        let account = try await FactorCredentials.account(email: nil, username: username, phone: nil, engine: engine)
        return EmulatorResponse(body: try SecurityQuestions.answeredJSON(account))
    }

    @Sendable
    static func byPhone(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let phone = try FactorSupport.requirePhone(FactorSupport.queryPhone(request))
        let account = try await FactorCredentials.account(email: nil, username: nil, phone: phone, engine: engine)
        return EmulatorResponse(body: try SecurityQuestions.answeredJSON(account))
    }

    @Sendable
    static func byAccessToken(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let (_, account) = try await engine.authenticatedUser(request)
        return EmulatorResponse(body: try SecurityQuestions.answeredJSON(account))
    }
}
