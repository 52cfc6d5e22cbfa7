// Every route the emulator serves, by the SDK module whose operations they emulate (one folder
// per module under Routes/), then the emulator's own control API. Add new route lists here;
// the coverage test (Coverage/) checks the list against the catalogue.
enum AllRoutes {
    static let lrAuth: [Route] =
        AuthRegistrationRoutes.routes + AuthEmailRoutes.routes + AuthLoginRoutes.routes + AuthAccessTokenRoutes.routes
        + AuthAccountRoutes.routes + AuthAccountExtrasRoutes.routes + AuthPasswordRoutes.routes
        + AuthPasswordExtrasRoutes.routes + AuthUsernameRoutes.routes + AuthPrivacyPolicyRoutes.routes
        + AuthVerificationExtrasRoutes.routes + SecurityQuestionRoutes.routes + PasswordlessRoutes.routes
        + SmartLoginRoutes.routes + SlidingTokenRoutes.routes

    static let lrAccount: [Route] =
        ManageAccountRoutes.routes + ManageAccountProfileRoutes.routes + ManageAccountSecurityRoutes.routes
        + ManageAccountEmailRoutes.routes + ManageAccountExtrasRoutes.routes + RoleRoutes.routes
        + RoleContextRoutes.routes

    static let factorModules: [Route] =
        PhoneRoutes.routes + MFAAccountRoutes.routes + MFALoginRoutes.routes + PINRoutes.routes + ReAuthRoutes.routes
        + SocialRoutes.routes + NativeSocialRoutes.routes + SocialLinkingRoutes.routes

    static let managementModules: [Route] =
        CustomObjectRoutes.routes + ConfigurationRoutes.routes + ConsentRoutes.routes + WebhookRoutes.routes

    static let emulator: [Route] =
        EmulatorControlRoutes.routes + EmulatorInboxRoutes.routes + EmulatorStateRoutes.routes
        + EmulatorFaultRoutes.routes + EmulatorClockRoutes.routes + EmulatorAccountRoutes.routes
        + EmulatorWebhookRoutes.routes

    static let all: [Route] = lrAuth + lrAccount + factorModules + managementModules + emulator
}
