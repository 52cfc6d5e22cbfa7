// An email or SMS the emulator "sent". Real LoginRadius delivers these; the emulator keeps them
// in its outbox so that tests and the `lr demo` command can read tokens and links back.
import Foundation

public struct OutboxMessage: Sendable, Equatable, Codable {
    public enum Channel: String, Sendable, Codable {
        case email
        case sms
    }

    /// Why a message was sent. A string-backed value, so that it compares with a string
    /// literal too (`message.purpose == "verification"`).
    public struct Purpose: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public init(stringLiteral value: String) {
            self.rawValue = value
        }

        public init(from decoder: any Decoder) throws {
            self.rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public var description: String { rawValue }

        /// Email verification after registration, a resend, or an added email address.
        public static let verification: Purpose = "verification"
        /// Forgot-password email carrying a reset token.
        public static let passwordReset: Purpose = "passwordReset"
        /// Account deletion confirmation carrying a delete token.
        public static let deleteAccount: Purpose = "deleteAccount"
        /// Welcome email after verification (sent when `welcomeEmailTemplate` is given).
        public static let welcome: Purpose = "welcome"
    }

    public let id: String
    /// `email` or `sms` (JSON key `type`).
    public let channel: Channel
    public let recipient: String
    public let purpose: Purpose
    /// The one-time token the message carries (verification, reset or delete token).
    public let token: String?
    /// The one-time password the message carries, for OTP flows.
    public let otp: String?
    /// The link the user would click: the URL the request named (`verificationUrl`,
    /// `resetPasswordUrl`, `deleteUrl`) with `vtype` and `vtoken` appended.
    public let link: String?
    public let subject: String?
    /// The template the request named (`emailTemplate`, `welcomeEmailTemplate`), if any.
    public let template: String?
    public let createdAt: Date

    public init(
        id: String, channel: Channel, recipient: String, purpose: Purpose,
        token: String? = nil, otp: String? = nil, link: String? = nil,
        subject: String? = nil, template: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.channel = channel
        self.recipient = recipient
        self.purpose = purpose
        self.token = token
        self.otp = otp
        self.link = link
        self.subject = subject
        self.template = template
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, channel = "type", recipient, purpose, token, otp, link, subject, template, createdAt
    }

    /// The message as served by `GET /emulator/v1/outbox` (every key present, nulls included).
    var json: JSON {
        func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
        return .object(JSONObject([
            ("id", .string(id)),
            ("type", .string(channel.rawValue)),
            ("recipient", .string(recipient)),
            ("purpose", .string(purpose.rawValue)),
            ("token", optional(token)),
            ("otp", optional(otp)),
            ("link", optional(link)),
            ("subject", optional(subject)),
            ("template", optional(template)),
            ("createdAt", .string(LoginRadiusDates.iso8601(createdAt))),
        ]))
    }
}
