public import Foundation

/// One webhook delivery, decoded after its signature was verified (``WebhookVerifier``).
///
/// LoginRadius's payload is `{"HookName": "Login", "Time": "…", "HookId": "…", "Data": …}`;
/// ``data`` is the event's object (usually the profile), kept as JSON since its shape depends on
/// the event: read its members (`event.data.objectValue?["Uid"]`) or decode it into a model.
public struct WebhookEvent: Sendable, Hashable {
    /// The event's name, compared case-insensitively (`HookName`).
    public var name: Name
    /// When LoginRadius raised the event (`Time`), as sent.
    public var time: String?
    /// The delivery's identifier (`HookId`), when sent: use it to ignore a repeated delivery.
    public var hookID: String?
    /// The event's data (`Data`), `null` when absent.
    public var data: JSONValue
    /// The whole payload as received.
    public var payload: JSONValue

    /// An event name. LoginRadius's documentation spells them `Login`, `UpdateProfile`, …;
    /// deliveries may use other casings, so names compare case-insensitively.
    public struct Name: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The name as sent.
        public let rawValue: String

        /// Creates a name.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// Creates a name from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }

        /// The name as sent.
        public var description: String { rawValue }

        /// Whether both name the same event, ignoring case.
        public static func == (lhs: Name, rhs: Name) -> Bool {
            lhs.rawValue.lowercased() == rhs.rawValue.lowercased()
        }

        /// Hashes the lower-cased name, consistently with `==`.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(rawValue.lowercased())
        }

        /// `Login`.
        public static let login: Name = "Login"
        /// `Register`.
        public static let register: Name = "Register"
        /// `UpdateProfile`.
        public static let updateProfile: Name = "UpdateProfile"
        /// `ResetPassword`.
        public static let resetPassword: Name = "ResetPassword"
        /// `ChangePassword`.
        public static let changePassword: Name = "ChangePassword"
        /// `EmailVerification`.
        public static let emailVerification: Name = "EmailVerification"
        /// `AddEmail`.
        public static let addEmail: Name = "AddEmail"
        /// `RemoveEmail`.
        public static let removeEmail: Name = "RemoveEmail"
        /// `BlockAccount`.
        public static let blockAccount: Name = "BlockAccount"
        /// `DeleteAccount`.
        public static let deleteAccount: Name = "DeleteAccount"
        /// `SetUsername`.
        public static let setUsername: Name = "SetUsername"
        /// `AssignRoles`.
        public static let assignRoles: Name = "AssignRoles"
        /// `UnassignRoles`.
        public static let unassignRoles: Name = "UnassignRoles"
        /// `SetPassword`.
        public static let setPassword: Name = "SetPassword"
        /// `LinkAccount`.
        public static let linkAccount: Name = "LinkAccount"
        /// `UnlinkAccount`.
        public static let unlinkAccount: Name = "UnlinkAccount"
        /// `UpdatePhoneId`.
        public static let updatePhoneID: Name = "UpdatePhoneId"
        /// `VerifyPhoneNumber`.
        public static let verifyPhoneNumber: Name = "VerifyPhoneNumber"
        /// `UpdateCustomobject`.
        public static let updateCustomObject: Name = "UpdateCustomobject"
        /// `DeleteCustomObject`.
        public static let deleteCustomObject: Name = "DeleteCustomObject"
        /// `CreateCustomObject`.
        public static let createCustomObject: Name = "CreateCustomObject"
        /// `InvalidateEmailVerification`.
        public static let invalidateEmailVerification: Name = "InvalidateEmailVerification"
        /// `InvalidatePhoneVerification`.
        public static let invalidatePhoneVerification: Name = "InvalidatePhoneVerification"
        /// `RemovePhoneId`.
        public static let removePhoneID: Name = "RemovePhoneId"
        /// `RemoveRoleContext`.
        public static let removeRoleContext: Name = "RemoveRoleContext"
        /// `ConsentProfileUpdate`.
        public static let consentProfileUpdate: Name = "ConsentProfileUpdate"
        /// `SetPIN`.
        public static let setPIN: Name = "SetPIN"
        /// `ResetPIN`.
        public static let resetPIN: Name = "ResetPIN"
        /// `ChangePIN`.
        public static let changePIN: Name = "ChangePIN"
    }

    /// Decodes a payload (already verified).
    ///
    /// - Throws: ``WebhookVerificationError/Code/malformedPayload`` when `payload` is not a JSON
    ///   object with a string `HookName`.
    public init(payload: Data) throws(WebhookVerificationError) {
        guard let value = try? JSONValue(parsing: payload), let object = value.objectValue else {
            throw WebhookVerificationError(.malformedPayload, "the webhook body is not a JSON object")
        }
        guard let name = object["HookName"]?.stringValue, !name.isEmpty else {
            throw WebhookVerificationError(.malformedPayload, "the webhook body has no HookName")
        }
        self.name = Name(name)
        self.time = object["Time"]?.stringValue
        self.hookID = object["HookId"]?.stringValue
        self.data = object["Data"] ?? .null
        self.payload = value
    }
}
