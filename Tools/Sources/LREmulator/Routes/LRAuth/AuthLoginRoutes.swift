// POST identity/v2/auth/login {email | username, password}
import Foundation

enum AuthLoginRoutes {
    static let routes = [
        Route("POST", "identity/v2/auth/login", login)
    ]

    /// `{"Profile", "access_token", "refresh_token", "expires_in"}`. Unknown account → 938,
    /// wrong password → 966, unverified email while verification is required → 970.
    @Sendable
    static func login(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let response = try await passwordLogin(request, engine)
        await AuthEvents.loggedIn(request, response, engine: engine)
        return response
    }

    private static func passwordLogin(_ request: EmulatorRequest, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let body = try request.jsonBody()
        let account: Account
        var loginEmail: String?
        if let emailField = body.string("email") {
            let email = try Validation.requireEmail(emailField)
            guard let found = await engine.store.account(email: email) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            account = found
            loginEmail = email
        } else if let username = body.string("username") {
            guard let found = await engine.store.account(username: username) else {
                throw LoginRadiusAPIError(.userDoesNotExist)
            }
            account = found
        } else if body.string("phone") != nil {
            return try await PhoneRoutes.login(request, body: body, engine: engine) // LRPhone/PhoneRoutes.swift
        } else {
            throw LoginRadiusAPIError(.emailOrUsernameRequired)
        }
        guard let password = body.string("password") else { throw LoginRadiusAPIError.required("Password") }
        guard let hash = account.passwordHash, engine.passwords.verify(password, against: hash) else {
            throw LoginRadiusAPIError(.invalidCredentials)
        }
        if engine.configuration.verificationRequired {
            let verified = loginEmail.flatMap { account.email(matching: $0)?.verified } ?? account.emailVerified
            guard verified else { throw LoginRadiusAPIError(.emailNotVerified) }
        }
        // Counts the login and starts the session; 1176 with a second factor, PIN session token
        // or 1243 with PIN authentication (Support/FactorSupport.swift).
        return try await FactorSupport.completePasswordLogin(account, engine: engine)
    }
}
