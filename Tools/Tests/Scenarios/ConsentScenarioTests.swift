import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("LRConsent scenario: consent forms, verification, updates and logs")
struct ConsentScenarioTests {
    @Test("submit with a consent token (logs in) → logs → verify → update → submit by token → logs by uid")
    func consentJourney() async throws {
        let configureClient: (inout LoginRadiusConfiguration) -> Void = { $0.userAgent = "scenario-tests/1.0" }
        try await EmulatorHarness.run(client: configureClient) { scenario in
            let consent = scenario.client.consentManagement
            let email = EmulatorHarness.newEmail("consent")
            let uid = try #require(
                try await scenario.createVerifiedAccount(email: email, password: "Secret-pass-1").uid)
            let consentToken = try await scenario.emulator.makeConsentToken(uid: uid)

            let submitted = try await consent.submitConsentByConsentToken(
                ConsentSubmitModel(
                    data: [
                        ["ConsentOptionId": "email_consent", "IsAccepted": true],
                        ["ConsentOptionId": "sms_consent", "IsAccepted": false],
                    ],
                    events: [["Event": "Register", "IsCustom": false]]),
                consentToken: consentToken)
            let token = try #require(submitted.accessToken)
            #expect(submitted.profile?.uid == uid)
            let consentProfile = try #require(submitted.profile?.consentProfile?.objectValue)
            #expect(
                consentProfile["Consents"]?.arrayValue?.compactMap { $0.objectValue?["ConsentOptionId"]?.stringValue }
                    == ["email_consent"])
            await expectAPIError(1229) {
                try await consent.submitConsentByConsentToken(
                    ConsentSubmitModel(data: [["ConsentOptionId": "x", "IsAccepted": true]]),
                    consentToken: consentToken)
            }

            let logs = try await consent.getConsentLogs(accessToken: token)
            #expect(logs.uid == uid)
            let first = try #require(logs.consentLogs?.first)
            #expect(logs.consentLogs?.count == 1)
            #expect(first.updateType == "Default")
            #expect(first.userAgent == "scenario-tests/1.0")
            #expect(first.currentConsentFormsVersions?.first?.event == "Register")
            #expect(first.currentConsentFormsVersions?.first?.version == 1)
            #expect(first.consentLogs?.map(\.consentID) == ["email_consent", "sms_consent"])
            #expect(first.consentLogs?.map(\.event) == ["Subscribe", "Unsubscribe"])

            let registerConsent = try await consent.verifyConsentByAccessToken(
                accessToken: token, event: "Register", isCustom: false)
            #expect(registerConsent.isValid == true)
            #expect(registerConsent.consentProfile?.acceptedConsentVersions?.first?.event == "Register")
            #expect(
                try await consent.verifyConsentByAccessToken(accessToken: token, event: "Login", isCustom: false)
                    .isValid == false)

            let updated = try await consent.updateConsentProfileByAccessToken(
                ConsentUpdateModel(consents: [
                    ["ConsentOptionId": "email_consent", "IsAccepted": false],
                    ["ConsentOptionId": "sms_consent", "IsAccepted": true],
                ]),
                accessToken: token)
            #expect(updated.consents?.map(\.consentOptionID) == ["sms_consent"])
            #expect(updated.consents?.first?.acceptOnDate?.date != nil)
            #expect(updated.acceptedConsentVersions?.map(\.event) == ["Register"])

            let profile = try await consent.submitConsentByAccessToken(
                ConsentSubmitModel(
                    data: [["ConsentOptionId": "marketing_consent", "IsAccepted": true]],
                    events: [["Event": "Newsletter", "IsCustom": true]]),
                accessToken: token)
            #expect(profile.uid == uid)
            let versions = profile.consentProfile?.objectValue?["AcceptedConsentVersions"]?.arrayValue ?? []
            #expect(versions.compactMap { $0.objectValue?["Event"]?.stringValue } == ["Register", "Newsletter"])
            #expect(
                try await consent.verifyConsentByAccessToken(accessToken: token, event: "Newsletter", isCustom: true)
                    .isValid == true)
            await expectAPIError(1225) {
                try await consent.submitConsentByAccessToken(
                    ConsentSubmitModel(data: [], events: []),
                    accessToken: token)
            }

            let byUid = try await consent.getConsentLogsByUID(uid: uid)
            #expect(byUid.uid == uid)
            #expect(byUid.consentLogs?.map(\.updateType) == ["Default", "Update", "Default"])
            #expect(byUid.consentLogs?.last?.consentLogs?.first?.consentID == "marketing_consent")
            let stored = try await scenario.client.account.getAccountProfileByUID(uid: uid)
            #expect(stored.consentProfile?.objectValue?["Consents"]?.arrayValue?.count == 2)

            let other = try #require(
                try await scenario.createVerifiedAccount(
                    email: EmulatorHarness.newEmail("other"), password: "Secret-pass-1"
                )
                .uid)
            await expectAPIError(1228) { try await consent.getConsentLogsByUID(uid: other) }
        }
    }
}
