import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

@Suite("Operations the emulator once answered 404 to")
struct CatalogueGapTests {
    @Test("privacy policy: accept by token, history by token and by uid")
    func privacyPolicy() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "pp@example.com")
            let before = try await lr.request("GET", "identity/v2/auth/privacypolicy/history", token: token)
            #expect(before["Current"] is NSNull)
            let accepted = try await lr.request("GET", "identity/v2/auth/privacypolicy/accept", token: token)
            let policy = try #require(accepted["PrivacyPolicy"] as? [String: Any])
            #expect(policy["Version"] as? String == "1.0")
            let uid = try #require(accepted["Uid"] as? String)
            let history = try await lr.manage("GET", "identity/v2/manage/account/\(uid)/privacypolicy/history")
            #expect(history["Uid"] as? String == uid)
            #expect((history["History"] as? [Any])?.count == 1)
            #expect((history["Current"] as? [String: Any])?["Version"] as? String == "1.0")
        }
    }

    @Test("update phone ID by uid; multipurpose email token and SMS OTP work with the endpoints that consume them")
    func managementExtras() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "mp@example.com")
            let uid = try #require(
                try await lr.request("GET", "identity/v2/auth/account", token: token)["Uid"] as? String)
            let updated = try await lr.manage(
                "PUT", "identity/v2/manage/account/\(uid)/phoneid", body: #"{"phone":"+15550001111"}"#)
            #expect(updated["PhoneId"] as? String == "+15550001111")

            let reset = try await lr.manage(
                "POST", "identity/v2/manage/account/emailtoken/forgotpassword", body: #"{"email":"mp@example.com"}"#)
            let resetToken = try #require(reset["Token"] as? String)
            #expect(reset["ExpiresIn"] is String)
            let changed = try await lr.request(
                "PUT", "identity/v2/auth/password/reset",
                body: #"{"resettoken":"\#(resetToken)","password":"newpass123"}"#)
            #expect(changed["IsPosted"] as? Bool == true)
            _ = try await lr.login(email: "mp@example.com", password: "newpass123")

            let otp = try await lr.manage(
                "POST", "identity/v2/manage/account/smsotp/forgotpassword", body: #"{"uid":"\#(uid)"}"#)
            let code = try #require(otp["Token"] as? String)
            let byOTP = try await lr.request(
                "PUT", "identity/v2/auth/password/otp",
                body: #"{"phone":"+15550001111","otp":"\#(code)","password":"otherpass123"}"#)
            #expect(byOTP["IsPosted"] as? Bool == true)
            #expect(
                try await lr.manage(
                    "POST", "identity/v2/manage/account/emailtoken/nonsense",
                    body: #"{"uid":"\#(uid)"}"#
                ).errorCode == 908)
        }
    }

    @Test("welcome email, unlock (already unlocked), linking verification email and profile by ping")
    func authExtras() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "ext@example.com")
            let welcome = try await lr.request("GET", "identity/v2/auth/account/sendwelcomeemail", token: token)
            #expect(welcome["IsPosted"] as? Bool == true)
            #expect(await lr.latestMessage(to: "ext@example.com", purpose: .welcome) != nil)
            #expect(
                try await lr.request("PUT", "identity/v2/auth/account/unlock", body: "{}", token: token).errorCode
                    == 982)
            #expect(
                try await lr.request(
                    "PUT", "identity/v2/auth/account/unlock", body: #"{"g-recaptcha-response":"ok"}"#, token: token
                ).errorCode == 1221)

            let sent = try await lr.request(
                "GET", "identity/v2/auth/email/sendverificationemail?clientguid=guid-1", token: token)
            #expect(sent["uuid"] as? String == "guid-1")
            #expect(try await lr.request("GET", "identity/v2/auth/account/ping?clientGuid=guid-1").errorCode == 1139)
            let link = try #require(await lr.latestMessage(to: "ext@example.com", purpose: .verification)?.token)
            _ = try await lr.request("GET", "identity/v2/auth/email?verificationtoken=" + link)
            let pinged = try await lr.request("GET", "identity/v2/auth/account/ping?clientGuid=guid-1")
            #expect(pinged["access_token"] is String)
            #expect(try await lr.request("GET", "identity/v2/auth/account/ping?clientGuid=guid-1").errorCode == 1140)
        }
    }

    @Test("reset password by security answer (email, user name, phone); verify email by OTP; captcha registration")
    func passwordAndRegistration() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = { $0.verificationRequired = true }
        try await EmulatorHarness.run(emulator: configure) { lr in
            let token = try await lr.verifiedAccessToken(email: "sq@example.com")
            let question = SecurityQuestions.catalogue[0].id
            _ = try await lr.request(
                "PUT", "identity/v2/auth/account/2fa/securityquestionanswer",
                body: #"{"securityquestionanswer":[{"QuestionId":"\#(question)","Answer":"Rex"}]}"#, token: token)
            let wrong = try await lr.request(
                "PUT", "identity/v2/auth/password/securityanswer",
                body: #"{"email":"sq@example.com","securityAnswer":{"\#(question)":"Max"},"password":"changed123"}"#)
            #expect(wrong.errorCode == 1094)
            let right = try await lr.request(
                "PUT", "identity/v2/auth/password/securityanswer",
                body: #"{"email":"sq@example.com","securityAnswer":{"\#(question)":"Rex"},"password":"changed123"}"#)
            #expect(right["IsPosted"] as? Bool == true)
            // Security answers are a second factor: the new password is accepted (1176 asks for
            // the second factor), the old one is not (966).
            let login = #"{"email":"sq@example.com","password":"changed123"}"#
            #expect(try await lr.request("POST", "identity/v2/auth/login", body: login).errorCode == 1176)
            let old = #"{"email":"sq@example.com","password":"secret123"}"#
            #expect(try await lr.request("POST", "identity/v2/auth/login", body: old).errorCode == 966)

            let none = try await lr.request(
                "POST", "identity/v2/auth/register/captcha",
                body: #"{"Email":[{"Type":"Primary","Value":"cap@example.com"}],"Password":"secret123"}"#)
            #expect(none.errorCode == 982)
            let registered = try await lr.request(
                "POST", "identity/v2/auth/register/captcha",
                body:
                    #"{"Email":[{"Type":"Primary","Value":"cap@example.com"}],"Password":"secret123","g-recaptcha-response":"test"}"#
            )
            #expect(registered["IsPosted"] as? Bool == true)
            let otp = try #require(await lr.latestMessage(to: "cap@example.com", purpose: .verification)?.token)
            #expect(
                try await lr.request(
                    "PUT", "identity/v2/auth/email",
                    body: #"{"email":"other@example.com","otp":"\#(otp)"}"#
                ).status != 200)
            let verified = try await lr.request(
                "PUT", "identity/v2/auth/email", body: #"{"email":"cap@example.com","otp":"\#(otp)"}"#)
            #expect((verified["Data"] as? [String: Any])?["access_token"] is String)
        }
    }
}
