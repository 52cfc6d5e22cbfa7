import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

@Suite("Password reset, emails, deletion and management over HTTP")
struct AccountFlowTests {
    @Test func forgotAndResetPassword() async throws {
        try await EmulatorHarness.run { lr in
            _ = try await lr.verifiedAccessToken(email: "fp@example.com")
            let unknown = try await lr.request(
                "POST", "identity/v2/auth/password", body: #"{"email":"no@example.com"}"#)
            #expect(unknown.errorCode == 938)
            let forgot = try await lr.request(
                "POST", "identity/v2/auth/password?resetPasswordUrl=https://app.test/reset&emailTemplate=reset-v2",
                body: #"{"email":"fp@example.com"}"#)
            #expect(forgot["IsPosted"] as? Bool == true)
            let message = try #require(await lr.latestMessage(to: "fp@example.com", purpose: .passwordReset))
            let token = try #require(message.token)
            #expect(message.link == "https://app.test/reset?vtype=reset&vtoken=" + token)
            #expect(message.template == "reset-v2")

            let badToken = try await lr.request(
                "PUT", "identity/v2/auth/password/reset", body: #"{"resettoken":"nope","password":"newpass99"}"#)
            #expect(badToken.errorCode == 1063)
            let reset = try await lr.request(
                "PUT", "identity/v2/auth/password/reset", body: #"{"ResetToken":"\#(token)","Password":"newpass99"}"#)
            #expect(reset["IsPosted"] as? Bool == true)
            let again = try await lr.request(
                "PUT", "identity/v2/auth/password/reset", body: #"{"resettoken":"\#(token)","password":"other999"}"#)
            #expect(again.errorCode == 974)
            _ = try await lr.login(email: "fp@example.com", password: "newpass99")
        }
    }

    @Test func deleteAccountWithEmailConfirmation() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "del@example.com")
            let request = try await lr.request(
                "DELETE", "identity/v2/auth/account?deleteUrl=https://app.test/delete", body: "{}", token: token)
            #expect(request["IsDeleteRequestAccepted"] as? Bool == true)
            let message = try #require(await lr.latestMessage(to: "del@example.com", purpose: .deleteAccount))
            let deleteToken = try #require(message.token)
            #expect(message.link?.hasPrefix("https://app.test/delete?") == true)

            let wrong = try await lr.request("GET", "identity/v2/auth/account/delete?deletetoken=wrong")
            #expect(wrong.errorCode == 1119)
            let confirmed = try await lr.request("GET", "identity/v2/auth/account/delete?deletetoken=" + deleteToken)
            #expect(confirmed["IsPosted"] as? Bool == true)

            let gone = try await lr.request("GET", "identity/v2/auth/account", token: token)
            #expect(gone.errorCode == 905)
            let available = try await lr.request("GET", "identity/v2/auth/email?email=del@example.com")
            #expect(available["IsExist"] as? Bool == false)
        }
    }

    @Test func addAndRemoveEmails() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "main@example.com")
            let noType = try await lr.request(
                "POST", "identity/v2/auth/email", body: #"{"email":"alt@example.com"}"#, token: token)
            #expect(noType.errorCode == 1201)
            let added = try await lr.request(
                "POST", "identity/v2/auth/email", body: #"{"email":"alt@example.com","type":"Secondary"}"#, token: token
            )
            #expect(added["IsPosted"] as? Bool == true)
            #expect(await lr.latestMessage(to: "alt@example.com", purpose: .verification) != nil)
            let exists = try await lr.request("GET", "identity/v2/auth/email?email=ALT@example.com")
            #expect(exists["IsExist"] as? Bool == true)

            let profile = try await lr.request("GET", "identity/v2/auth/account", token: token)
            let emails = try #require(profile["Email"] as? [[String: Any]])
            #expect(emails.compactMap { $0["Value"] as? String } == ["main@example.com", "alt@example.com"])

            // Not verified yet: logging in with it is refused.
            let unverified = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"alt@example.com","password":"secret123"}"#)
            #expect(unverified.errorCode == 970)

            let notMine = try await lr.request(
                "DELETE", "identity/v2/auth/email", body: #"{"email":"x@example.com"}"#, token: token)
            #expect(notMine.errorCode == 1340)
            let removed = try await lr.request(
                "DELETE", "identity/v2/auth/email", body: #"{"email":"alt@example.com"}"#, token: token)
            #expect(removed["IsDeleted"] as? Bool == true)
            let last = try await lr.request(
                "DELETE", "identity/v2/auth/email", body: #"{"email":"main@example.com"}"#, token: token)
            #expect(last.errorCode == 1005)
        }
    }

    @Test func managementLookups() async throws {
        try await EmulatorHarness.run { lr in
            _ = try await lr.verifiedAccessToken(email: "m@example.com")
            let byEmail = try await lr.manage("GET", "identity/v2/manage/account?email=m@example.com")
            let uid = try #require(byEmail["Uid"] as? String)
            let byUid = try await lr.manage("GET", "identity/v2/manage/account/" + uid)
            #expect(byUid["Uid"] as? String == uid)
            let missing = try await lr.manage("GET", "identity/v2/manage/account/unknown")
            #expect(missing.errorCode == 938)

            try await lr.register(email: "unverified@example.com")
            let vtoken = try await lr.manage(
                "POST", "identity/v2/manage/account/verify/token", body: #"{"email":"unverified@example.com"}"#)
            let verificationToken = try #require(vtoken["VerificationToken"] as? String)
            let verified = try await lr.request("GET", "identity/v2/auth/email?verificationtoken=" + verificationToken)
            #expect(verified.status == 200)
            let already = try await lr.manage(
                "POST", "identity/v2/manage/account/verify/token", body: #"{"email":"unverified@example.com"}"#)
            #expect(already.errorCode == 1126)

            let forgot = try await lr.manage(
                "POST", "identity/v2/manage/account/forgot/token", body: #"{"email":"m@example.com"}"#)
            #expect(forgot["ForgotToken"] is String)

            let deleted = try await lr.manage("DELETE", "identity/v2/manage/account/" + uid)
            #expect(deleted["IsDeleted"] as? Bool == true)
            let after = try await lr.manage("GET", "identity/v2/manage/account?email=m@example.com")
            #expect(after.errorCode == 938)
        }
    }
}
