// Every route of the user-factor areas (phone, MFA, PIN, re-authentication, passwordless,
// smart login, one-touch login, social and native social). Add new route lists here.
enum FactorRoutes {
    static let all: [Route] =
        PhoneRoutes.routes + MFAAccountRoutes.routes + MFALoginRoutes.routes
        + PINRoutes.routes + ReAuthRoutes.routes + SecurityQuestionRoutes.routes + PasswordlessRoutes.routes
        + SmartLoginRoutes.routes + SocialRoutes.routes + NativeSocialRoutes.routes + SocialLinkingRoutes.routes
}
