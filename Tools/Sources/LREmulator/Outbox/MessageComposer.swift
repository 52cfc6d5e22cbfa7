// Builds the outbox messages for each flow, with the link a user would click.
import Foundation

struct MessageComposer: Sendable {
    /// The emulator's base URL, used when a request names no link URL. Read at send time
    /// because the port is only known once the server runs.
    let baseURL: @Sendable () -> String

    func verification(to email: String, token: String, url: String?, template: String?, now: Date) -> OutboxMessage {
        message(
            to: email, purpose: .verification, token: token,
            link: link(url, vtype: "emailverification", token: token),
            subject: "Email Verification", template: template, now: now)
    }

    func passwordReset(to email: String, token: String, url: String?, template: String?, now: Date) -> OutboxMessage {
        message(
            to: email, purpose: .passwordReset, token: token,
            link: link(url, vtype: "reset", token: token),
            subject: "Reset Password", template: template, now: now)
    }

    func deleteAccount(to email: String, token: String, url: String?, template: String?, now: Date) -> OutboxMessage {
        message(
            to: email, purpose: .deleteAccount, token: token,
            link: link(url, vtype: "deleteuser", token: token),
            subject: "Delete Account Confirmation", template: template, now: now)
    }

    func welcome(to email: String, template: String?, now: Date) -> OutboxMessage {
        message(to: email, purpose: .welcome, token: nil, link: nil, subject: "Welcome", template: template, now: now)
    }

    private func message(
        to email: String, purpose: OutboxMessage.Purpose, token: String?, link: String?,
        subject: String, template: String?, now: Date
    ) -> OutboxMessage {
        OutboxMessage(
            id: TokenGenerator.uuid(), channel: .email, recipient: email, purpose: purpose,
            token: token, link: link, subject: subject, template: template, createdAt: now)
    }

    /// `<url>?vtype=<vtype>&vtoken=<token>`; without a URL, the emulator's `auth.aspx` stand-in
    /// for LoginRadius's hosted page.
    private func link(_ url: String?, vtype: String, token: String) -> String {
        let base = url ?? (baseURL() + "auth.aspx")
        let separator = base.contains("?") ? "&" : "?"
        return base + separator + "vtype=" + vtype + "&vtoken=" + token
    }
}
