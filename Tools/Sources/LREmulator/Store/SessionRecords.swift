// Access tokens, refresh tokens and one-time (email) tokens.
import Foundation

struct AccessSession: Sendable, Equatable {
    let accessToken: String
    let refreshToken: String
    let uid: String
    let expiresAt: Date
}

struct RefreshRecord: Sendable {
    let uid: String
}

/// The kinds of token LoginRadius emails to users.
enum OneTimeTokenKind: Sendable {
    case emailVerification
    case passwordReset
    case deleteAccount

    /// The error for a token that is unknown (or of another kind).
    var invalidError: LoginRadiusErrorCode {
        switch self {
        case .emailVerification: .verificationLinkInvalid
        case .passwordReset: .verificationTokenInvalid
        case .deleteAccount: .deleteTokenInvalid
        }
    }
}

struct OneTimeToken: Sendable {
    let kind: OneTimeTokenKind
    let uid: String
    /// The address the token was sent to (the one to mark verified, for verification tokens).
    let email: String
    let expiresAt: Date
    var usedAt: Date?
}
