// Webhook events of the authentication endpoints, emitted by the handlers that change state
// (as the management routes do), and risk-based login records. The events follow LoginRadius's
// "APIs Associated With Webhook Events" table.
import Foundation

enum AuthEvents {
    /// Query parameters of the risk-based authentication logins that the emulator records.
    static let riskBasedParameters = [
        "rbaBrowserEmailTemplate", "rbaBrowserSmsTemplate", "rbaCityEmailTemplate", "rbaCitySmsTemplate",
        "rbaCountryEmailTemplate", "rbaCountrySmsTemplate", "rbaIpEmailTemplate", "rbaIpSmsTemplate",
        "rbaOneclickEmailTemplate", "rbaOTPSmsTemplate", "emailTemplate", "smsTemplate", "loginUrl",
        "verificationUrl", "passwordDelegation", "passwordDelegationApp",
    ]

    /// `Login` after a password login that answered a profile and tokens (not a second-factor
    /// or PIN challenge); records its risk-based parameters.
    static func loggedIn(_ request: EmulatorRequest, _ response: EmulatorResponse, engine: EmulatorEngine) async {
        guard response.status == 200, let body = response.body.objectValue, let profile = body["Profile"],
            body["access_token"] != nil
        else { return }
        await recordRiskBasedLogin(request, profile: profile, engine: engine)
        await engine.management.notify("Login", data: profile, engine: engine)
    }

    /// `Register` (and `Login` when the registration logged the user in).
    static func registered(_ request: EmulatorRequest, _ response: EmulatorResponse, engine: EmulatorEngine) async {
        guard response.status == 200 else { return }
        let management = engine.management
        if let data = response.body.objectValue?["Data"]?.objectValue, let profile = data["Profile"] {
            await management.notify("Register", data: profile, engine: engine)
            await management.notify("Login", data: profile, engine: engine)
        } else if let uid = await registeredUid(request, engine: engine) {
            await management.notify("Register", uid: uid, engine: engine)
        }
    }

    /// `EmailVerification` and `Login` after an email verification that logged the user in.
    static func emailVerified(_ response: EmulatorResponse, engine: EmulatorEngine) async {
        guard let profile = response.body.objectValue?["Data"]?.objectValue?["Profile"] else { return }
        await engine.management.notify("EmailVerification", data: profile, engine: engine)
        await engine.management.notify("Login", data: profile, engine: engine)
    }

    /// `event` with the account's current Identity.
    static func user(_ event: String, uid: String, engine: EmulatorEngine) async {
        await engine.management.notify(event, uid: uid, engine: engine)
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
