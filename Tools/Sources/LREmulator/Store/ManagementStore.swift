// State of the management-side areas, kept apart from the account store: role definitions and
// role contexts, custom objects, consent, webhook subscriptions (and their delivery log), and
// risk-based login records. The per-area operations live in ManagementStore+<Area>.swift.
import Foundation

actor ManagementStore {
    /// Role definitions, in creation order.
    var roles: [RoleDefinition] = []
    /// uid → the user's role contexts, in creation order.
    var roleContexts: [String: [RoleContextRecord]] = [:]
    /// Every custom object record, in creation order (deleted ones stay, deactivated).
    var customObjects: [CustomObjectRecord] = []
    /// uid → consent profile.
    var consentProfiles: [String: ConsentProfileRecord] = [:]
    /// uid → consent log entries, oldest first.
    var consentLogs: [String: [ConsentLogRecord]] = [:]
    /// Consent tokens (see LoginRadiusEmulator.makeConsentToken).
    var consentTokens: [String: ConsentTokenRecord] = [:]
    /// Webhook subscriptions, in creation order.
    var webhooks: [WebhookSubscriptionRecord] = []
    /// Every webhook delivery attempted or skipped, oldest first (not persisted).
    var webhookDeliveries: [WebhookDelivery] = []
    /// Logins that carried risk-based authentication parameters, oldest first (not persisted).
    var riskBasedLogins: [RiskBasedLogin] = []

    func reset() {
        roles.removeAll()
        roleContexts.removeAll()
        customObjects.removeAll()
        consentProfiles.removeAll()
        consentLogs.removeAll()
        consentTokens.removeAll()
        webhooks.removeAll()
        webhookDeliveries.removeAll()
        riskBasedLogins.removeAll()
    }

    /// Moves everything a user owns to a new uid (Account Update UID).
    func moveUser(from oldUid: String, to newUid: String) {
        if let contexts = roleContexts.removeValue(forKey: oldUid) { roleContexts[newUid] = contexts }
        for index in customObjects.indices where customObjects[index].uid == oldUid {
            customObjects[index].uid = newUid
        }
        if let profile = consentProfiles.removeValue(forKey: oldUid) { consentProfiles[newUid] = profile }
        if let logs = consentLogs.removeValue(forKey: oldUid) { consentLogs[newUid] = logs }
        consentTokens = consentTokens.filter { $0.value.uid != oldUid }
    }

    /// Forgets what belonged to a deleted user.
    func forgetUser(_ uid: String) {
        roleContexts[uid] = nil
        customObjects.removeAll { $0.uid == uid }
        consentProfiles[uid] = nil
        consentLogs[uid] = nil
        consentTokens = consentTokens.filter { $0.value.uid != uid }
    }

    // MARK: Persistence

    func snapshot() -> ManagementSnapshot {
        ManagementSnapshot(
            roles: roles, roleContexts: roleContexts, customObjects: customObjects,
            consentProfiles: consentProfiles, consentLogs: consentLogs, consentTokens: consentTokens,
            webhooks: webhooks)
    }

    func restore(_ snapshot: ManagementSnapshot) {
        reset()
        roles = snapshot.roles
        roleContexts = snapshot.roleContexts
        customObjects = snapshot.customObjects
        consentProfiles = snapshot.consentProfiles
        consentLogs = snapshot.consentLogs
        consentTokens = snapshot.consentTokens
        webhooks = snapshot.webhooks
    }
}

/// The persisted part of the management state.
struct ManagementSnapshot: Codable, Sendable {
    var roles: [RoleDefinition]
    var roleContexts: [String: [RoleContextRecord]]
    var customObjects: [CustomObjectRecord]
    var consentProfiles: [String: ConsentProfileRecord]
    var consentLogs: [String: [ConsentLogRecord]]
    var consentTokens: [String: ConsentTokenRecord]
    var webhooks: [WebhookSubscriptionRecord]
}
