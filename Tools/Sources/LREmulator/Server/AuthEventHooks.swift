// Webhook events and risk-based login records for the authentication endpoints, derived after a
// successful request from its path and response (the management routes notify by themselves).
// The mapping follows LoginRadius's "APIs Associated With Webhook Events" table.
import Foundation

enum AuthEventHooks {
    /// Query parameters of the risk-based authentication logins that the emulator records.
    static let riskBasedParameters = [
        "rbaBrowserEmailTemplate", "rbaBrowserSmsTemplate", "rbaCityEmailTemplate", "rbaCitySmsTemplate",
        "rbaCountryEmailTemplate", "rbaCountrySmsTemplate", "rbaIpEmailTemplate", "rbaIpSmsTemplate",
        "rbaOneclickEmailTemplate", "rbaOTPSmsTemplate", "emailTemplate", "smsTemplate", "loginUrl",
        "verificationUrl", "passwordDelegation", "passwordDelegationApp",
    ]

    static func handle(_ request: EmulatorRequest, _ response: EmulatorResponse, engine: EmulatorEngine) async {
        guard response.status == 200, request.pathSegments.first == "identity" else { return }
        let path = request.pathSegments.joined(separator: "/")
        let body = response.body.objectValue
        let management = engine.management
        switch (request.method, path) {
        case ("POST", "identity/v2/auth/login"):
            guard let profile = body?["Profile"], body?["access_token"] != nil else { return }
            await recordRiskBasedLogin(request, profile: profile, engine: engine)
            await management.notify("Login", data: profile, engine: engine)
        case ("POST", "identity/v2/auth/register"):
            if let data = body?["Data"]?.objectValue, let profile = data["Profile"] {
                await management.notify("Register", data: profile, engine: engine)
                await management.notify("Login", data: profile, engine: engine)
            } else if let uid = await registeredUid(request, engine: engine) {
                await management.notify("Register", uid: uid, engine: engine)
            }
        case ("GET", "identity/v2/auth/email") where request.query.contains("verificationtoken"):
            guard let profile = body?["Data"]?.objectValue?["Profile"] else { return }
            await management.notify("EmailVerification", data: profile, engine: engine)
            await management.notify("Login", data: profile, engine: engine)
        case ("PUT", "identity/v2/auth/account"):
            guard let profile = body?["Data"] else { return }
            await management.notify("UpdateProfile", data: profile, engine: engine)
        case ("PUT", "identity/v2/auth/password/change"):
            await notifyTokenUser("ChangePassword", request, engine: engine)
        case ("POST", "identity/v2/auth/email"):
            await notifyTokenUser("AddEmail", request, engine: engine)
        case ("DELETE", "identity/v2/auth/email"):
            await notifyTokenUser("RemoveEmail", request, engine: engine)
        case ("PUT", "identity/v2/auth/username"):
            await notifyTokenUser("SetUsername", request, engine: engine)
        case ("PUT", "identity/v2/auth/password/reset"):
            guard let token = try? request.jsonBody().string("resettoken"),
                let uid = await engine.store.oneTimeTokens[token]?.uid
            else { return }
            await management.notify("ResetPassword", uid: uid, engine: engine)
        default:
            return
        }
    }

    /// The account a registration created, found by its first email or its phone.
    private static func registeredUid(_ request: EmulatorRequest, engine: EmulatorEngine) async -> String? {
        guard let body = try? request.jsonBody() else { return nil }
        if let email = (try? ProfileInput.emails(of: body))?.first?.value,
            let account = await engine.store.account(email: email)
        {
            return account.uid
        }
        if let phone = body.string("PhoneId", "phone") {
            return await engine.store.account(phone: phone)?.uid
        }
        return nil
    }

    private static func notifyTokenUser(_ event: String, _ request: EmulatorRequest, engine: EmulatorEngine) async {
        guard let user = try? await engine.authenticatedUser(request) else { return }
        await engine.management.notify(event, data: IdentitySerializer.json(user.1), engine: engine)
    }

    /// Records the risk-based parameters of a login that carried any `rba…` parameter.
    private static func recordRiskBasedLogin(_ request: EmulatorRequest, profile: JSON, engine: EmulatorEngine) async {
        var parameters: [String: String] = [:]
        for name in riskBasedParameters {
            if let value = request.query[name] { parameters[name] = value }
        }
        guard parameters.keys.contains(where: { $0.hasPrefix("rba") }),
            let uid = profile.objectValue?["Uid"]?.stringValue
        else { return }
        await engine.management.store.recordRiskBasedLogin(
            RiskBasedLogin(uid: uid, parameters: parameters, date: engine.now))
    }
}
