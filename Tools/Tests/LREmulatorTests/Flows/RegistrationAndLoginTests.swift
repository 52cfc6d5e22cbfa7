import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

@Suite("Registration, verification and login over HTTP")
struct RegistrationAndLoginTests {
    @Test func fullAccountLifecycle() async throws {
        try await EmulatorHarness.run { lr in
            // Register: verification required, so no session yet.
            let registered = try await lr.register(
                email: "ann@example.com", extra: #","FirstName":"Ann","LastName":"Lee""#,
                query: "verificationUrl=https://app.test/verify&emailTemplate=welcome-v1")
            #expect(registered.status == 200)
            #expect(registered["IsPosted"] as? Bool == true)
            #expect(registered["Data"] is NSNull)

            // Login before verifying → 970.
            let early = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"ann@example.com","password":"secret123"}"#)
            #expect(early.status == 403)
            #expect(early.errorCode == 970)

            // The verification email is in the outbox, with the requested link and template.
            let message = try #require(await lr.latestMessage(to: "ann@example.com", purpose: .verification))
            let token = try #require(message.token)
            #expect(message.link == "https://app.test/verify?vtype=emailverification&vtoken=" + token)
            #expect(message.template == "welcome-v1")
            #expect(message.channel == .email)

            // Verify → logged in.
            let verified = try await lr.request("GET", "identity/v2/auth/email?verificationtoken=" + token)
            #expect(verified.status == 200)
            let data = try #require(verified["Data"] as? [String: Any])
            #expect(data["access_token"] is String)
            let verifiedProfile = try #require(data["Profile"] as? [String: Any])
            #expect(verifiedProfile["EmailVerified"] as? Bool == true)

            // The same token again → 974.
            let reused = try await lr.request("GET", "identity/v2/auth/email?verificationtoken=" + token)
            #expect(reused.errorCode == 974)

            // Login by email.
            let login = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"ann@example.com","password":"secret123"}"#)
            #expect(login.status == 200)
            let accessToken = try #require(login["access_token"] as? String)
            #expect(login["refresh_token"] is String)
            let expiresIn = try #require(login["expires_in"] as? String)
            #expect(expiresIn.hasSuffix("Z") && expiresIn.contains("."))
            let profile = try #require(login["Profile"] as? [String: Any])
            #expect(profile["FirstName"] as? String == "Ann")
            #expect(profile["FullName"] as? String == "Ann Lee")
            #expect(profile["Provider"] as? String == "Email")
            #expect(profile["NoOfLogins"] as? Int == 2)
            let emails = try #require(profile["Email"] as? [[String: Any]])
            #expect(emails.first?["Type"] as? String == "Primary")
            #expect(emails.first?["Value"] as? String == "ann@example.com")
            #expect(profile.count == IdentityFields.order.count)

            // Read the profile by token.
            let read = try await lr.request("GET", "identity/v2/auth/account", token: accessToken)
            #expect(read.status == 200)
            #expect(read["Uid"] as? String == profile["Uid"] as? String)
            #expect(read["LastLoginDate"] as? String != nil)

            // Update it.
            let update = try await lr.request(
                "PUT", "identity/v2/auth/account", body: #"{"firstname":"Annie","CustomFields":{"plan":"pro"}}"#,
                token: accessToken)
            #expect(update["IsPosted"] as? Bool == true)
            let updated = try #require(update["Data"] as? [String: Any])
            #expect(updated["FirstName"] as? String == "Annie")
            #expect((updated["CustomFields"] as? [String: Any])?["plan"] as? String == "pro")
            #expect(updated["LastName"] as? String == "Lee")

            // Change the password: wrong old one → 967, then the right one.
            let wrongOld = try await lr.request(
                "PUT", "identity/v2/auth/password/change",
                body: #"{"oldpassword":"nope","newpassword":"betterpass"}"#, token: accessToken)
            #expect(wrongOld.status == 401)
            #expect(wrongOld.errorCode == 967)
            let changed = try await lr.request(
                "PUT", "identity/v2/auth/password/change",
                body: #"{"oldpassword":"secret123","newpassword":"betterpass"}"#, token: accessToken)
            #expect(changed["IsPosted"] as? Bool == true)
            let oldPassword = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"ann@example.com","password":"secret123"}"#)
            #expect(oldPassword.status == 401)
            #expect(oldPassword.errorCode == 966)
            _ = try await lr.login(email: "ann@example.com", password: "betterpass")

            // Invalidate → validate fails with 905.
            let valid = try await lr.request("GET", "identity/v2/auth/access_token/validate", token: accessToken)
            #expect(valid["access_token"] as? String == accessToken)
            let invalidated = try await lr.request(
                "GET", "identity/v2/auth/access_token/invalidate", token: accessToken)
            #expect(invalidated["IsPosted"] as? Bool == true)
            let after = try await lr.request("GET", "identity/v2/auth/access_token/validate", token: accessToken)
            #expect(after.status == 403)
            #expect(after.errorCode == 905)
            #expect(after["Message"] as? String == "Access token is invalid")
            #expect(after["IsProviderError"] as? Bool == false)
        }
    }

    @Test func loginByUsernameAndUsernameEndpoints() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "bo@example.com")
            let before = try await lr.request("GET", "identity/v2/auth/username?username=bobo")
            #expect(before["IsExist"] as? Bool == false)
            let set = try await lr.request(
                "PUT", "identity/v2/auth/username", body: #"{"username":"bobo"}"#, token: token)
            #expect(set["IsPosted"] as? Bool == true)
            let after = try await lr.request("GET", "identity/v2/auth/username?username=BOBO")
            #expect(after["IsExist"] as? Bool == true)
            let invalid = try await lr.request(
                "PUT", "identity/v2/auth/username", body: #"{"username":"has space"}"#, token: token)
            #expect(invalid.errorCode == 1204)

            let login = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"username":"bobo","password":"secret123"}"#)
            #expect(login.status == 200)
            #expect((login["Profile"] as? [String: Any])?["UserName"] as? String == "bobo")

            // A second user cannot take the name.
            let other = try await lr.verifiedAccessToken(email: "cy@example.com")
            let taken = try await lr.request(
                "PUT", "identity/v2/auth/username", body: #"{"username":"Bobo"}"#, token: other)
            #expect(taken.errorCode == 1017)
        }
    }

    @Test func registrationErrors() async throws {
        try await EmulatorHarness.run { lr in
            try await lr.register(email: "dup@example.com")
            let duplicate = try await lr.register(email: "DUP@example.com")
            #expect(duplicate.status == 403)
            #expect(duplicate.errorCode == 936)

            let badEmail = try await lr.register(email: "not-an-email")
            #expect(badEmail.errorCode == 1038)

            let shortPassword = try await lr.register(email: "short@example.com", password: "abc")
            #expect(shortPassword.errorCode == 1134)
            let errors = try #require(shortPassword["Errors"] as? [[String: Any]])
            #expect(errors.first?["PropertyName"] as? String == "Password")

            let body = #"{"Email":[{"Type":"Primary","Value":"x@example.com"}],"Password":"secret123"}"#
            let missing = try await lr.request("POST", "identity/v2/auth/register", body: body)
            #expect(missing.status == 400)
            #expect(missing.errorCode == 1048)
            let bad = try await lr.request(
                "POST", "identity/v2/auth/register", headers: ["X-LoginRadius-Sott": "bogus*0123"], body: body)
            #expect(bad.status == 403)
            #expect(bad.errorCode == 1049)
            #expect(bad["Message"] as? String == "Secured one-time token (SOTT) is invalid")

            let unknown = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"nobody@example.com","password":"secret123"}"#)
            #expect(unknown.errorCode == 938)
            let neither = try await lr.request("POST", "identity/v2/auth/login", body: #"{"password":"secret123"}"#)
            #expect(neither.errorCode == 1141)
        }
    }

    @Test func resendVerificationAndOptionalFlow() async throws {
        try await EmulatorHarness.run { lr in
            try await lr.register(email: "re@example.com")
            let resent = try await lr.request(
                "PUT", "identity/v2/auth/register?verificationUrl=https://app.test/v",
                body: #"{"email":"re@example.com"}"#)
            #expect(resent["IsPosted"] as? Bool == true)
            let messages = await lr.emulator.outbox().filter { $0.recipient == "re@example.com" }
            #expect(messages.count == 2)
            #expect(messages.last?.link?.hasPrefix("https://app.test/v?vtype=emailverification&vtoken=") == true)
        }
        let configure: (inout EmulatorConfiguration) -> Void = { $0.verificationRequired = false }
        try await EmulatorHarness.run(emulator: configure) { lr in
            let registered = try await lr.register(email: "opt@example.com")
            let data = try #require(registered["Data"] as? [String: Any])
            #expect(data["access_token"] is String)
            #expect((data["Profile"] as? [String: Any])?["EmailVerified"] as? Bool == false)
            _ = try await lr.login(email: "opt@example.com")
        }
    }
}
