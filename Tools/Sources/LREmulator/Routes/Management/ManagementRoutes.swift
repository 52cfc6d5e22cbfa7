// Every route of the management-side areas (account manage, roles, custom objects, SOTT,
// configuration, consent, webhooks, sliding token, risk-based auth). Add new route lists here.
enum ManagementRoutes {
    static let all: [Route] = []
}
