// LRSocial: social and native social login against the emulator's fake provider, sessions,
// and linking identities to an email account (LRAuth's link/unlink calls).
import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Factor scenarios: social login (LRSocial)")
struct SocialScenarioTests {
    @Test("request token exchange, token validate/refresh/invalidate, active sessions, native logins")
    func socialLoginJourney() async throws {
        try await EmulatorHarness.run { harness in
            let social = harness.client.social
            let native = harness.client.nativeSocial
            let email = EmulatorHarness.newEmail("social")

            // Hosted social login: the request token becomes an access token, once.
            let requestToken = try await harness.mintSocialToken(
                provider: "facebook", id: "fb-1001", email: email, firstName: "Frida")
            let exchanged = try await social.exchangeAccessToken(token: requestToken)
            let token = try #require(exchanged.accessToken)
            #expect(exchanged.expiresIn?.date.map { $0 > Date() } == true)
            await expectAPIError(903) { try await social.exchangeAccessToken(token: requestToken) }
            await expectAPIError(903) { try await social.exchangeAccessToken(token: "made-up") }

            let profile = try await harness.client.authentication.getProfileByAccessToken(accessToken: token)
            #expect(profile.provider == "facebook")
            #expect(profile.firstName == "Frida")
            #expect(profile.email?.first?.value == email)
            #expect(profile.emailVerified == true)
            #expect(profile.identities?.first?.objectValue?["Provider"] == "facebook")
            #expect(profile.identities?.first?.objectValue?["ID"] == "fb-1001")
            let uid = try #require(profile.uid)

            // Token calls of the social API.
            #expect(try await social.validateAccessToken(accessToken: token).accessToken == token)
            let refreshed = try await social.refreshAccessToken(accessToken: token, expiresIn: 5)
            #expect(refreshed.accessToken == token)
            let refreshedExpiry = try #require(refreshed.expiresIn?.date)
            #expect(refreshedExpiry < Date().addingTimeInterval(6 * 60))
            #expect(refreshedExpiry > Date().addingTimeInterval(4 * 60))

            // Native login (Google) for the same person signs in to the same account by email.
            let google = try await native.getAccessTokenByGoogleAccessToken(
                googleAccessToken: try await harness.mintSocialToken(provider: "google", id: "g-77", email: email))
            let googleToken = try #require(google.accessToken)
            #expect(google.refreshToken?.isEmpty == false)
            let linked = try await harness.client.authentication.getProfileByAccessToken(accessToken: googleToken)
            #expect(linked.uid == uid)
            #expect(
                Set(linked.identities?.compactMap { $0.objectValue?["Provider"]?.stringValue } ?? []) == [
                    "facebook", "google",
                ])

            let sessions = try await social.getActiveSession(token: token)
            #expect(Set(sessions.data?.compactMap(\.accessToken) ?? []) == [token, googleToken])
            #expect(try await social.getActiveSessionByAccountID(accountID: uid).data?.count == 2)
            #expect(try await social.getActiveSessionByProfileID(profileID: "g-77").data?.count == 2)

            #expect(try await social.invalidateAccessToken(accessToken: token).isPosted == true)
            await expectAPIError(905) { try await social.validateAccessToken(accessToken: token) }
            #expect(try await social.getActiveSession(token: googleToken).data?.map(\.accessToken) == [googleToken])

            // Other native providers; a token only works at its own provider and only once.
            let appleToken = try await harness.mintSocialToken(provider: "apple", id: "apple-5")
            await expectAPIError(1000) {
                try await native.getAccessTokenByFacebookAccessToken(fbAccessToken: appleToken)
            }
            let apple = try await native.getAccessTokenByAppleIDCode(code: appleToken)
            let appleProfile = try await harness.client.authentication.getProfileByAccessToken(
                accessToken: try #require(apple.accessToken))
            #expect(appleProfile.provider == "apple")
            #expect(appleProfile.uid != uid)
            await expectAPIError(1000) { try await native.getAccessTokenByAppleIDCode(code: appleToken) }
            let twitter = try await native.getAccessTokenByTwitterAccessToken(
                twAccessToken: try await harness.mintSocialToken(provider: "twitter", id: "tw-9"),
                twTokenSecret: "secret")
            #expect(twitter.accessToken?.isEmpty == false)
            let custom = try await native.accessTokenViaCustomJWTToken(
                idToken: try await harness.mintSocialToken(
                    provider: "okta", id: "okta-3", email: EmulatorHarness.newEmail("jwt")), providername: "okta")
            #expect(
                try await harness.client.authentication.getProfileByAccessToken(
                    accessToken: try #require(custom.accessToken)
                ).provider == "okta")
        }
    }

    @Test("link a social identity to an email account, log in with it, unlink it")
    func linkingJourney() async throws {
        try await EmulatorHarness.run { harness in
            let auth = harness.client.authentication
            let email = EmulatorHarness.newEmail("link")
            let login = try await harness.registerVerifiedUser(email: email, password: "Secret-pass-1")
            let token = try #require(login.accessToken)
            let uid = try #require(login.profile?.uid)
            #expect(login.profile?.identities == nil)

            // A LinkedIn login without an email creates a separate social account …
            let candidate = try await harness.client.nativeSocial.getAccessTokenByLinkedinAccessToken(
                lnAccessToken: try await harness.mintSocialToken(provider: "linkedin", id: "li-42", firstName: "Lin"))
            let candidateToken = try #require(candidate.accessToken)
            #expect(try await auth.getProfileByAccessToken(accessToken: candidateToken).uid != uid)
            await expectAPIError(983) {
                try await auth.linkSocialIdentities(accessToken: token, candidateToken: token)
            }

            // … which linking merges into the email account.
            #expect(
                try await auth.linkSocialIdentities(accessToken: token, candidateToken: candidateToken).isPosted == true
            )
            let merged = try await auth.getProfileByAccessToken(accessToken: token)
            #expect(merged.identities?.count == 1)
            #expect(merged.identities?.first?.objectValue?["Provider"] == "linkedin")
            #expect(merged.identities?.first?.objectValue?["ID"] == "li-42")
            #expect(merged.provider == "Email")
            await expectAPIError(905) { try await auth.getProfileByAccessToken(accessToken: candidateToken) }

            // The next LinkedIn login lands in the email account.
            let again = try await harness.client.nativeSocial.getAccessTokenByLinkedinAccessToken(
                lnAccessToken: try await harness.mintSocialToken(provider: "linkedin", id: "li-42"))
            #expect(try await auth.getProfileByAccessToken(accessToken: try #require(again.accessToken)).uid == uid)

            // A second LinkedIn identity cannot be linked as well.
            let otherLinkedIn = try await harness.client.nativeSocial.getAccessTokenByLinkedinAccessToken(
                lnAccessToken: try await harness.mintSocialToken(provider: "linkedin", id: "li-43"))
            await expectAPIError(986) {
                try await auth.linkSocialIdentities(
                    accessToken: token, candidateToken: try #require(otherLinkedIn.accessToken))
            }

            // Unlink.
            await expectAPIError(989) {
                try await auth.unlinkSocialIdentities(accessToken: token, provider: "linkedin", providerID: "li-99")
            }
            #expect(
                try await auth.unlinkSocialIdentities(accessToken: token, provider: "linkedin", providerID: "li-42")
                    .isDeleted == true)
            #expect(try await auth.getProfileByAccessToken(accessToken: token).identities == nil)
            let afterUnlink = try await harness.client.nativeSocial.getAccessTokenByLinkedinAccessToken(
                lnAccessToken: try await harness.mintSocialToken(provider: "linkedin", id: "li-42"))
            #expect(
                try await auth.getProfileByAccessToken(accessToken: try #require(afterUnlink.accessToken)).uid != uid)
        }
    }
}
