// Short-lived records of the user-factor flows, kept in `EmulatorStore.factorState`: OTPs,
// second-factor and re-authentication tokens, PIN tokens, emailed login links, smart/one-touch
// login client GUIDs and minted social provider tokens.
import Foundation

struct FactorState: Sendable {
    var otps: [OTPRecord] = []
    /// `SecondFactorAuthenticationToken` → pending multi-factor login.
    var secondFactorTokens: [String: ExpiringGrant] = [:]
    /// `SecondFactorValidationToken` → re-authentication proof.
    var validationTokens: [String: ValidationGrant] = [:]
    /// `PINAuthToken` → account that must set a PIN.
    var pinAuthTokens: [String: ExpiringGrant] = [:]
    /// PIN `session_token` → account.
    var pinSessions: [String: ExpiringGrant] = [:]
    /// Emailed link tokens (PIN reset, passwordless, smart and one-touch login).
    var linkTokens: [String: LinkToken] = [:]
    /// Smart login / one-touch login client GUIDs.
    var clientGuids: [String: ClientGuidRecord] = [:]
    /// Client GUID → the email verification token sent for linking a social profile.
    var linkingVerifications: [String: String] = [:]
    /// Tokens of the emulator's fake social provider.
    var socialTokens: [String: MintedSocialToken] = [:]
}

/// Why an OTP was sent; an OTP only answers for its own purpose.
enum OTPPurpose: Sendable, Equatable {
    case phoneVerification
    case passwordReset
    case multiFactorSMS
    case multiFactorEmail
    case pinReset
    case passwordless
    case oneTouch
    case reauthentication
}

struct OTPRecord: Sendable {
    let purpose: OTPPurpose
    let uid: String
    /// Phone number or lower-cased email address it was sent to.
    let recipient: String
    let code: String
    let expiresAt: Date
    var usedAt: Date?
}

struct ExpiringGrant: Sendable {
    let uid: String
    let expiresAt: Date
}

/// What a re-authentication proved.
enum ValidationKind: Sendable, Equatable {
    case password
    case pin
    case multiFactor
}

struct ValidationGrant: Sendable {
    let uid: String
    let kind: ValidationKind
    let expiresAt: Date
}

enum LinkKind: Sendable, Equatable {
    case pinReset
    case passwordless
    case smartLogin
    case oneTouch
}

struct LinkToken: Sendable {
    let kind: LinkKind
    let uid: String
    let email: String
    let clientGuid: String?
    let expiresAt: Date
    var usedAt: Date?
}

struct ClientGuidRecord: Sendable {
    let uid: String
    let expiresAt: Date
    var verified = false
}

/// A user at the emulator's fake social provider.
struct SocialProfile: Sendable, Equatable {
    var provider: String
    var id: String
    var email: String?
    var firstName: String?
    var lastName: String?
}

struct MintedSocialToken: Sendable {
    let profile: SocialProfile
    let expiresAt: Date
    var usedAt: Date?
}

/// Lifetimes of the factor flows' tokens (LoginRadius makes them configurable; these are the
/// emulator's fixed choices).
enum FactorLifetimes {
    static let otp: TimeInterval = 10 * 60
    static let secondFactorToken: TimeInterval = 10 * 60
    static let validationToken: TimeInterval = 10 * 60
    static let pinAuthToken: TimeInterval = 10 * 60
    static let socialToken: TimeInterval = 15 * 60
    static let clientGuid: TimeInterval = 15 * 60
}
