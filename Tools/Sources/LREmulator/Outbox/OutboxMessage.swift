// An email or SMS the emulator "sent". Real LoginRadius delivers these; the emulator keeps them
// in its outbox so that tests and the `lr demo` command can read tokens and links back.
import Foundation

/// An email or SMS the emulator "sent", kept in its outbox (`LoginRadiusEmulator.outbox()`,
/// `GET /emulator/v1/outbox`) so that tests and `lr demo` can read its token, OTP or link.
public struct OutboxMessage: Sendable, Equatable, Codable {
    /// How the message was delivered: by email or by SMS (JSON value of `type`).
    public enum Channel: String, Sendable, Codable {
        case email
        case sms
    }

    /// Why a message was sent. A string-backed value, so that it compares with a string
    /// literal too (`message.purpose == "verification"`).
    public struct Purpose: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        /// The purpose's name, e.g. `verification`.
        public let rawValue: String

        /// A purpose with the given name.
        ///
        /// - Parameter rawValue: The purpose's name, e.g. `passwordReset`.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// A purpose from a string literal, e.g. `"verification"`.
        ///
        /// - Parameter value: The purpose's name.
        public init(stringLiteral value: String) {
            self.rawValue = value
        }

        /// Decodes a purpose from a bare JSON string.
        ///
        /// - Parameter decoder: The decoder positioned at the string.
        /// - Throws: `DecodingError` when the value is not a string.
        public init(from decoder: any Decoder) throws {
            self.rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        /// Encodes the purpose as a bare JSON string, its ``rawValue``.
        ///
        /// - Parameter encoder: The encoder to write the string to.
        /// - Throws: Whatever the encoder's single-value container throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        /// The purpose's name, its ``rawValue``.
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

    /// The message's unique identifier in the outbox.
    public let id: String
    /// `email` or `sms` (JSON key `type`).
    public let channel: Channel
    /// The email address or phone number the message was sent to.
    public let recipient: String
    /// Why the message was sent, e.g. ``Purpose/verification``.
    public let purpose: Purpose
    /// The one-time token the message carries (verification, reset or delete token).
    public let token: String?
    /// The one-time password the message carries, for OTP flows.
    public let otp: String?
    /// The link the user would click: the URL the request named (`verificationUrl`,
    /// `resetPasswordUrl`, `deleteUrl`) with `vtype` and `vtoken` appended.
    public let link: String?
    /// The email's subject line (e.g. `Reset PIN`), when the flow sets one; `nil` for most
    /// messages and for SMS.
    public let subject: String?
    /// The template the request named (`emailTemplate`, `welcomeEmailTemplate`), if any.
    public let template: String?
    /// When the emulator sent the message, by its own clock (`EmulatorConfiguration.now`).
    public let createdAt: Date

    /// A message with the given fields; see the properties for what each one holds.
    ///
    /// - Parameters:
    ///   - id: The message's unique identifier in the outbox.
    ///   - channel: Email or SMS.
    ///   - recipient: The email address or phone number sent to.
    ///   - purpose: Why the message was sent.
    ///   - token: The one-time token carried, if any.
    ///   - otp: The one-time password carried, if any.
    ///   - link: The link the user would click, if any.
    ///   - subject: The email's subject line, if any.
    ///   - template: The template the request named, if any.
    ///   - createdAt: When the message was sent.
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
        case id
        case channel = "type"
        case recipient, purpose, token, otp, link, subject, template, createdAt
    }

    /// The message as served by `GET /emulator/v1/outbox` (every key present, nulls included).
    var json: JSON {
        func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
        return .object(
            JSONObject([
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
