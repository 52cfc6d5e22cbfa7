// Consent management: each user's consent profile (accepted form versions per event, accepted
// consent options), the log of every submission or update, and consent tokens.
import Foundation

struct ConsentVersionRecord: Codable, Sendable, Equatable {
    var event: String
    var version: Int
    var isCustom: Bool

    var json: JSON {
        .object(JSONObject([("Event", .string(event)), ("Version", .int(version)), ("IsCustom", .bool(isCustom))]))
    }
}

struct ConsentOptionRecord: Codable, Sendable, Equatable {
    var consentOptionId: String
    var acceptOnDate: Date
}

/// `{"AcceptedConsentVersions": [...], "Consents": [{"ConsentOptionId", "AcceptOnDate"}]}`
struct ConsentProfileRecord: Codable, Sendable, Equatable {
    var acceptedVersions: [ConsentVersionRecord] = []
    var consents: [ConsentOptionRecord] = []

    var json: JSON {
        .object(
            JSONObject([
                ("AcceptedConsentVersions", .array(acceptedVersions.map(\.json))),
                (
                    "Consents",
                    .array(
                        consents.map { option in
                            .object(
                                JSONObject([
                                    ("ConsentOptionId", .string(option.consentOptionId)),
                                    ("AcceptOnDate", .string(LoginRadiusDates.iso8601(option.acceptOnDate))),
                                ]))
                        })
                ),
            ]))
    }
}

/// Where a consent change came from, for the log.
struct ConsentRequestInfo: Sendable {
    var userAgent: String?
    var ip: String?
    var host: String?
}

struct ConsentLogRecord: Codable, Sendable, Equatable {
    struct Change: Codable, Sendable, Equatable {
        var consentId: String
        /// `Subscribe` or `Unsubscribe`.
        var event: String
    }

    var id: String
    /// `Default` for a form submission, `Update` for a consent update.
    var updateType: String
    var versions: [ConsentVersionRecord]
    var loggedOn: Date
    var userAgent: String?
    var ip: String?
    var host: String?
    var changes: [Change]

    var json: JSON {
        func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
        return .object(
            JSONObject([
                ("Id", .string(id)),
                ("UpdateType", .string(updateType)),
                ("CurrentConsentFormsVersions", .array(versions.map(\.json))),
                ("LoggedOnDate", .string(LoginRadiusDates.iso8601(loggedOn))),
                ("UserAgent", optional(userAgent)),
                ("IP", optional(ip)),
                ("Host", optional(host)),
                (
                    "ConsentLogs",
                    .array(
                        changes.map { change in
                            .object(
                                JSONObject([("ConsentId", .string(change.consentId)), ("Event", .string(change.event))])
                            )
                        })
                ),
            ]))
    }
}

struct ConsentTokenRecord: Codable, Sendable, Equatable {
    var uid: String
    var expiresAt: Date
    var used: Bool = false
}

extension ManagementStore {
    func consentProfile(of uid: String) -> ConsentProfileRecord? {
        consentProfiles[uid]
    }

    func consentLog(of uid: String) -> [ConsentLogRecord] {
        consentLogs[uid] ?? []
    }

    /// Records a consent form submission: the events' form versions are accepted, accepted
    /// options are added (refused ones withdrawn), and a `Default` log entry is written.
    func submitConsent(
        uid: String, events: [ConsentVersionRecord], options: [(id: String, accepted: Bool)],
        info: ConsentRequestInfo, now: Date
    ) -> ConsentProfileRecord {
        var profile = consentProfiles[uid] ?? ConsentProfileRecord()
        for event in events where !profile.acceptedVersions.contains(event) {
            profile.acceptedVersions.append(event)
        }
        let changes = apply(options, to: &profile, now: now)
        consentProfiles[uid] = profile
        log(uid: uid, type: "Default", versions: events, changes: changes, info: info, now: now)
        return profile
    }

    /// Records a consent update (accept or withdraw options) with an `Update` log entry.
    func updateConsent(
        uid: String, options: [(id: String, accepted: Bool)], info: ConsentRequestInfo, now: Date
    ) -> ConsentProfileRecord {
        var profile = consentProfiles[uid] ?? ConsentProfileRecord()
        let changes = apply(options, to: &profile, now: now)
        consentProfiles[uid] = profile
        log(uid: uid, type: "Update", versions: profile.acceptedVersions, changes: changes, info: info, now: now)
        return profile
    }

    func issueConsentToken(uid: String, expiresAt: Date) -> String {
        let token = TokenGenerator.uuid()
        consentTokens[token] = ConsentTokenRecord(uid: uid, expiresAt: expiresAt)
        return token
    }

    /// Uses up a consent token: 1229 if unknown or used, 1230 if expired.
    func consumeConsentToken(_ token: String?, now: Date) throws(LoginRadiusAPIError) -> String {
        guard let token, var record = consentTokens[token], !record.used else {
            throw LoginRadiusAPIError(.consentTokenInvalid)
        }
        guard record.expiresAt > now else { throw LoginRadiusAPIError(.consentTokenExpired) }
        record.used = true
        consentTokens[token] = record
        return record.uid
    }

    private func apply(
        _ options: [(id: String, accepted: Bool)], to profile: inout ConsentProfileRecord, now: Date
    ) -> [ConsentLogRecord.Change] {
        var changes: [ConsentLogRecord.Change] = []
        for option in options {
            profile.consents.removeAll { $0.consentOptionId == option.id }
            if option.accepted {
                profile.consents.append(ConsentOptionRecord(consentOptionId: option.id, acceptOnDate: now))
            }
            changes.append(.init(consentId: option.id, event: option.accepted ? "Subscribe" : "Unsubscribe"))
        }
        return changes
    }

    private func log(
        uid: String, type: String, versions: [ConsentVersionRecord], changes: [ConsentLogRecord.Change],
        info: ConsentRequestInfo, now: Date
    ) {
        let entry = ConsentLogRecord(
            id: String(TokenGenerator.hex32().prefix(24)), updateType: type, versions: versions,
            loggedOn: now, userAgent: info.userAgent, ip: info.ip, host: info.host, changes: changes)
        consentLogs[uid, default: []].append(entry)
    }
}
