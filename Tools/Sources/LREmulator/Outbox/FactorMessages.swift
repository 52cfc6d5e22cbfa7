// Outbox messages of the user-factor flows: SMS and email OTPs, PIN reset, passwordless,
// smart login and one-touch login links.
import Foundation

extension OutboxMessage.Purpose {
    /// SMS OTP verifying a phone number (registration by phone, resend, phone number update).
    public static let phoneVerification: OutboxMessage.Purpose = "phoneVerification"
    /// SMS or email OTP for a multi-factor login or for enabling a second factor.
    public static let multiFactor: OutboxMessage.Purpose = "multiFactor"
    /// Forgot-PIN email (reset token and OTP) or SMS (OTP).
    public static let pinReset: OutboxMessage.Purpose = "pinReset"
    /// Passwordless login email (link token and OTP) or SMS (OTP).
    public static let passwordlessLogin: OutboxMessage.Purpose = "passwordlessLogin"
    /// Smart login email (link token).
    public static let smartLogin: OutboxMessage.Purpose = "smartLogin"
    /// One-touch login email (link token) or SMS (OTP).
    public static let oneTouchLogin: OutboxMessage.Purpose = "oneTouchLogin"
    /// SMS or email OTP for re-authentication.
    public static let reauthentication: OutboxMessage.Purpose = "reauthentication"
}

extension MessageComposer {
    /// An SMS carrying an OTP. Its `id` is the `Sid` the API answers with.
    func sms(to phone: String, purpose: OutboxMessage.Purpose, otp: String, template: String?, now: Date)
        -> OutboxMessage
    {
        OutboxMessage(
            id: "SM" + TokenGenerator.hex32(), channel: .sms, recipient: phone, purpose: purpose,
            otp: otp, subject: nil, template: template, createdAt: now)
    }

    /// An email carrying an OTP and, optionally, a link token.
    func factorEmail(
        to email: String, purpose: OutboxMessage.Purpose, subject: String, token: String? = nil,
        otp: String? = nil, link: String? = nil, template: String?, now: Date
    ) -> OutboxMessage {
        OutboxMessage(
            id: TokenGenerator.uuid(), channel: .email, recipient: email, purpose: purpose,
            token: token, otp: otp, link: link, subject: subject, template: template, createdAt: now)
    }

    /// `<url>?vtype=<vtype>&vtoken=<token>`, or the emulator's `auth.aspx` stand-in without a URL.
    func factorLink(_ url: String?, vtype: String, token: String) -> String {
        let base = url ?? (baseURL() + "auth.aspx")
        let separator = base.contains("?") ? "&" : "?"
        return base + separator + "vtype=" + vtype + "&vtoken=" + token
    }
}
