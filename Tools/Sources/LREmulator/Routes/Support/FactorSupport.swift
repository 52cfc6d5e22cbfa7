// Helpers shared by the user-factor routes: phone validation, SMS/OTP sending, logging a user
// in, the password-login checks (multi-factor, PIN), masking, security answers.
import Foundation

enum FactorSupport {
    // MARK: Input

    /// A phone number: optional `+`, then 7 to 15 digits. 1076 when missing, 1096 when malformed.
    static func requirePhone(_ phone: String?) throws(LoginRadiusAPIError) -> String {
        guard let phone = phone?.trimmingCharacters(in: .whitespaces), !phone.isEmpty else {
            throw LoginRadiusAPIError(FactorError.phoneRequired)
        }
        let digits = phone.hasPrefix("+") ? phone.dropFirst() : Substring(phone)
        guard (7...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw LoginRadiusAPIError(FactorError.phoneFormatInvalid)
        }
        return phone
    }

    /// A phone from a query parameter; a space can only be a `+` some client form-decoded.
    static func queryPhone(_ request: EmulatorRequest) -> String? {
        request.query["phone"]?.replacingOccurrences(of: " ", with: "+")
    }

    /// `{"QuestionId": "…", "Answer": "…"}` entries (an array) or a `{questionId: answer}`
    /// object, as question ID → answer.
    static func securityAnswers(_ value: JSON?) -> [String: String] {
        var answers: [String: String] = [:]
        if let entries = value?.arrayValue {
            for entry in entries {
                guard let object = entry.objectValue, let id = object.string("QuestionId"),
                    let answer = object.string("Answer")
                else { continue }
                answers[id] = answer
            }
        } else if let object = value?.objectValue {
            for entry in object.entries {
                if let answer = entry.value.lenientString { answers[entry.key] = answer }
            }
        }
        return answers
    }

    /// Whether `given` answers at least one stored question and every given answer is right
    /// (answers compare case-insensitively).
    static func answersMatch(_ given: [String: String], stored: [String: String]) -> Bool {
        guard !given.isEmpty else { return false }
        return given.allSatisfy { id, answer in
            stored[id].map { normalize($0) == normalize(answer) } ?? false
        }
    }

    private static func normalize(_ answer: String) -> String {
        answer.trimmingCharacters(in: .whitespaces).lowercased()
    }

    // MARK: Sending

    /// Issues an OTP and "sends" it by SMS; returns the message (its `id` is the `Sid`).
    static func sendSMSOTP(
        to phone: String, uid: String, purpose: OTPPurpose, outboxPurpose: OutboxMessage.Purpose,
        template: String?, engine: EmulatorEngine
    ) async -> OutboxMessage {
        let otp = await engine.store.issueOTP(
            purpose: purpose, uid: uid, recipient: phone, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.otp))
        let message = engine.messages.sms(
            to: phone, purpose: outboxPurpose, otp: otp, template: template, now: engine.now)
        await engine.outbox.append(message)
        return message
    }

    /// Issues an OTP and "sends" it by email.
    static func sendEmailOTP(
        to email: String, uid: String, purpose: OTPPurpose, outboxPurpose: OutboxMessage.Purpose,
        subject: String, template: String?, engine: EmulatorEngine
    ) async {
        let otp = await engine.store.issueOTP(
            purpose: purpose, uid: uid, recipient: email, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.otp))
        await engine.outbox.append(
            engine.messages.factorEmail(
                to: email, purpose: outboxPurpose, subject: subject, otp: otp, template: template, now: engine.now))
    }

    /// LoginRadius's SMS provider answer, `{"AccountSid", "Sid"}`.
    static func smsData(_ message: OutboxMessage) -> JSON {
        .object(JSONObject([("AccountSid", .string("AC" + TokenGenerator.hex32())), ("Sid", .string(message.id))]))
    }

    /// 200 with an object of the given fields, in order.
    static func object(_ fields: [(String, JSON)]) -> EmulatorResponse {
        EmulatorResponse(body: .object(JSONObject(fields)))
    }

    /// `{"IsPosted": true, "Data": {"AccountSid", "Sid"}}`
    static func postedSMS(_ message: OutboxMessage) -> EmulatorResponse {
        .ok(("IsPosted", .bool(true)), ("Data", smsData(message)))
    }

    // MARK: Logging in

    /// Logs the account in: counts the login, starts a session, applies `change` (e.g. marks
    /// the phone verified). Returns the updated account and the session.
    static func startSession(
        uid: String, engine: EmulatorEngine, change: @escaping @Sendable (inout Account) -> Void = { _ in }
    ) async throws -> (Account, AccessSession) {
        let now = engine.now
        try await engine.store.checkNotBlocked(uid: uid)
        let account = try await engine.store.update(uid: uid) { account in
            change(&account)
            account.noOfLogins += 1
            account.lastLoginDate = now
        }
        let session = try await engine.store.issueSession(uid: uid, now: now, lifetime: engine.accessTokenLifetime)
        return (account, session)
    }

    /// `{"Profile", "access_token", "refresh_token", "expires_in"}` for a new session.
    static func loginResponse(
        uid: String, engine: EmulatorEngine, change: @escaping @Sendable (inout Account) -> Void = { _ in }
    ) async throws -> EmulatorResponse {
        let (account, session) = try await startSession(uid: uid, engine: engine, change: change)
        return EmulatorResponse(body: ResponseBuilders.profileAndToken(account, session))
    }

    /// The end of a password login (email, username or phone) once the password is right:
    /// 1176 when the account has a second factor (or multi-factor is required); with a PIN the
    /// reply also carries the PIN `session_token`; without one while a PIN is required, 1243
    /// with `Data.PINAuthToken`.
    static func completePasswordLogin(_ account: Account, engine: EmulatorEngine) async throws -> EmulatorResponse {
        try await engine.store.checkNotBlocked(uid: account.uid)
        if account.factors.isMultiFactorConfigured || engine.configuration.multiFactorRequired {
            throw LoginRadiusAPIError(FactorError.multiFactorEnabled)
        }
        if let consentRequired = await consentRequired(account, engine: engine) { return consentRequired }
        return try await pinAwareLogin(account, engine: engine)
    }

    /// A login reply that honours PIN authentication (see `completePasswordLogin`).
    static func pinAwareLogin(_ account: Account, engine: EmulatorEngine) async throws -> EmulatorResponse {
        if account.factors.pinHash == nil, engine.configuration.pinRequired {
            let token = await engine.store.issueGrant(
                .pinAuth, uid: account.uid, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.pinAuthToken))
            return errorResponse(FactorError.pinRequired, data: .object(JSONObject([("PINAuthToken", .string(token))])))
        }
        let (updated, session) = try await startSession(uid: account.uid, engine: engine)
        var body = JSONObject([("Profile", IdentitySerializer.json(updated))] + ResponseBuilders.tokenFields(session))
        if updated.factors.pinHash != nil {
            for field in await pinSessionFields(uid: updated.uid, engine: engine) { body[field.0] = field.1 }
        }
        return EmulatorResponse(body: .object(body))
    }

    /// A new PIN session: `session_token`, `session_expires_in`.
    static func pinSessionFields(uid: String, engine: EmulatorEngine) async -> [(String, JSON)] {
        let expiresAt = engine.now.addingTimeInterval(engine.accessTokenLifetime)
        let token = await engine.store.issueGrant(.pinSession, uid: uid, expiresAt: expiresAt)
        return [
            ("session_token", .string(token)), ("session_expires_in", .string(LoginRadiusDates.iso8601(expiresAt))),
        ]
    }

    /// 1226 with `Data.ConsentToken` when the app demands consent at login and the account has
    /// not given any; nil to go on.
    static func consentRequired(_ account: Account, engine: EmulatorEngine) async -> EmulatorResponse? {
        guard engine.configuration.consentRequiredAtLogin, account.profile["ConsentProfile"] == nil else { return nil }
        let token = await engine.management.store.issueConsentToken(
            uid: account.uid, expiresAt: engine.now.addingTimeInterval(FactorLifetimes.clientGuid))
        return errorResponse(.consentNotSubmitted, data: .object(JSONObject([("ConsentToken", .string(token))])))
    }

    /// LoginRadius's error body with a `Data` member (e.g. 1243's `PINAuthToken`).
    static func errorResponse(_ code: LoginRadiusErrorCode, data: JSON) -> EmulatorResponse {
        var body = LoginRadiusAPIError(code).body.objectValue ?? JSONObject()
        body["Data"] = data
        return EmulatorResponse(status: code.httpStatus, body: .object(body))
    }

    // MARK: Masking

    /// `ann@example.com` → `a*n@e*****e.com`, as LoginRadius shows addresses before login.
    static func maskEmail(_ email: String) -> String {
        let parts = email.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return email }
        let domainParts = parts[1].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let maskedDomain = ([mask(domainParts[0])] + domainParts.dropFirst()).joined(separator: ".")
        return mask(parts[0]) + "@" + maskedDomain
    }

    /// `+15551234567` → `********4567`.
    static func maskPhone(_ phone: String) -> String {
        String(repeating: "*", count: max(0, phone.count - 4)) + phone.suffix(4)
    }

    private static func mask(_ text: String) -> String {
        guard text.count > 2 else { return text }
        return String(text.prefix(1)) + String(repeating: "*", count: text.count - 2) + String(text.suffix(1))
    }
}
