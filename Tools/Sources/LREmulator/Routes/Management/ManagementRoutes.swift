// Every route of the management-side areas (account manage, roles, custom objects, SOTT,
// configuration, consent, webhooks, sliding token, risk-based auth). Add new route lists here.
// (SOTT and the first account lookups live in Routes/ManageAccountRoutes.swift; risk-based
// logins are ordinary logins, recorded by Server/AuthEventHooks.swift.)
enum ManagementRoutes {
    static let all: [Route] =
        ManageAccountProfileRoutes.routes + ManageAccountSecurityRoutes.routes
        + ManageAccountEmailRoutes.routes + RoleRoutes.routes + RoleContextRoutes.routes
        + CustomObjectRoutes.routes + ConfigurationRoutes.routes + ConsentRoutes.routes
        + WebhookRoutes.routes + SlidingTokenRoutes.routes
}
