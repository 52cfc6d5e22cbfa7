// Wire details of the user-factor endpoints that the SDK scenarios cannot see: raw reply
// shapes, guards of the social API, error bodies with `Data`, expiry with a moved clock.
import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

@Suite("User-factor endpoints on the wire")
struct FactorWireTests {
    @Test("multi-factor login reply: placeholder token, masked addresses, no profile")
    func multiFactorLoginShape() async throws {
        try await EmulatorHarness.run { harness in
            let email = "mfa.wire@example.com"
            let token = try await harness.verifiedAccessToken(email: email)
            let settings = try await harness.request("GET", "identity/v2/auth/account/2fa", token: token)
            let secret = try #require(settings["ManualEntryCode"] as? String)
            let code = try #require(TOTP.code(secret: secret, at: Date()))
            let enabled = try await harness.request(
                "PUT", "identity/v2/auth/account/2fa/verification/authenticatorcode",
                body: #"{"authenticatorcode":"\#(code)"}"#, token: token)
            #expect(enabled.status == 200)
            #expect(enabled["Uid"] is String)

            let login = try await harness.request(
                "POST", "identity/v2/auth/login/2fa", body: #"{"email":"\#(email)","password":"secret123"}"#)
            #expect(login.status == 200)
            #expect(login["access_token"] as? String == "00000000-0000-0000-0000-000000000000")
            #expect(login["expires_in"] as? String == "0001-01-01T00:00:00")
            #expect(login["Profile"] is NSNull)
            let second = try #require(login["SecondFactorAuthentication"] as? [String: Any])
            #expect(second["Email"] as? [String] == ["m******e@e*****e.com"])
            #expect(second["IsAuthenticatorVerified"] as? Bool == true)
            #expect(second["QRCode"] is NSNull)
            #expect((second["SecondFactorAuthenticationToken"] as? String)?.count == 36)

            let plain = try await harness.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"\#(email)","password":"secret123"}"#)
            #expect(plain.status == 403)
            #expect(plain.errorCode == 1176)
        }
    }

    @Test("mandatory PIN: 1243 carries Data.PINAuthToken")
    func pinRequiredErrorBody() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = { $0.pinRequired = true }
        try await EmulatorHarness.run(emulator: configure) { harness in
            try await harness.register(email: "pin.wire@example.com")
            let verification = try #require(
                await harness.latestMessage(to: "pin.wire@example.com", purpose: .verification)?.token)
            _ = try await harness.request("GET", "identity/v2/auth/email?verificationtoken=" + verification)
            let login = try await harness.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"pin.wire@example.com","password":"secret123"}"#)
            #expect(login.status == 403)
            #expect(login.errorCode == 1243)
            #expect(login["Message"] as? String == "PIN is required")
            let data = try #require(login["Data"] as? [String: Any])
            let pinAuthToken = try #require(data["PINAuthToken"] as? String)
            let set = try await harness.request(
                "POST", "identity/v2/auth/pin/set/pinauthtoken?pinauthtoken=" + pinAuthToken, body: #"{"pin":"12"}"#)
            #expect(set.errorCode == 1134)
            let ok = try await harness.request(
                "POST", "identity/v2/auth/pin/set/pinauthtoken?pinauthtoken=" + pinAuthToken, body: #"{"PIN":"1234"}"#)
            #expect(ok["session_token"] is String)
            let pin = try #require((ok["Profile"] as? [String: Any])?["PIN"] as? [String: Any])
            #expect(pin["PIN"] is NSNull)
            #expect(pin["LastPINChangeDate"] is String)
        }
    }

    @Test("social API guards: secret and key, unknown providers, minting")
    func socialGuards() async throws {
        try await EmulatorHarness.run { harness in
            let missingSecret = try await harness.request("GET", "api/v2/access_token?token=abc", apiKey: nil)
            #expect(missingSecret.errorCode == 923)
            let wrongSecret = try await harness.request("GET", "api/v2/access_token?token=abc&secret=nope", apiKey: nil)
            #expect(wrongSecret.errorCode == 902)
            #expect(wrongSecret.status == 401)
            let unknown = try await harness.request(
                "GET", "api/v2/access_token?token=abc&secret=" + EmulatorHarness.apiSecret, apiKey: nil)
            #expect(unknown.errorCode == 903)

            let noKey = try await harness.request(
                "GET", "api/v2/access_token/facebook?fb_access_token=abc", apiKey: nil)
            #expect(noKey.errorCode == 922)
            let noToken = try await harness.request(
                "GET", "api/v2/access_token/facebook?key=" + EmulatorHarness.apiKey, apiKey: nil)
            #expect(noToken.errorCode == 929)
            let noSecret = try await harness.request(
                "GET", "api/v2/access_token/twitter?tw_access_token=abc&key=" + EmulatorHarness.apiKey, apiKey: nil)
            #expect(noSecret.errorCode == 930)
            let provider = try await harness.request(
                "GET", "api/v2/access_token/myspace?key=" + EmulatorHarness.apiKey, apiKey: nil)
            #expect(provider.status == 404)

            let badMint = try await harness.request(
                "POST", "emulator/v1/social/token", apiKey: nil, body: #"{"email":"nope"}"#)
            #expect(badMint.errorCode == 1038)
            let minted = try await harness.request("POST", "emulator/v1/social/token", apiKey: nil, body: "{}")
            #expect(minted["provider"] as? String == "emulator")
            let token = try #require(minted["token"] as? String)
            let exchanged = try await harness.request(
                "GET", "api/v2/access_token?token=\(token)&secret=" + EmulatorHarness.apiSecret, apiKey: nil)
            #expect(exchanged["access_token"] is String)
            #expect(exchanged.object.keys.sorted() == ["access_token", "expires_in"])
        }
    }

    @Test("OTPs and second-factor tokens expire with the emulator's clock")
    func expiry() async throws {
        let clock = LockedValue(Date())
        let configure: (inout EmulatorConfiguration) -> Void = { $0.now = { clock.get() } }
        try await EmulatorHarness.run(emulator: configure) { harness in
            let sott = try harness.emulator.makeSOTT()
            let registered = try await harness.request(
                "POST", "identity/v2/auth/register", headers: ["X-LoginRadius-Sott": sott],
                body: #"{"PhoneId":"+15550001111","Password":"secret123"}"#)
            #expect(registered["IsPosted"] as? Bool == true)
            let message = try #require(await harness.latestMessage(to: "+15550001111", purpose: .phoneVerification))
            #expect(message.channel == .sms)
            let otp = try #require(message.otp)
            clock.set(clock.get().addingTimeInterval(11 * 60))
            let expired = try await harness.request(
                "PUT", "identity/v2/auth/phone/otp?otp=" + otp, body: #"{"phone":"+15550001111"}"#)
            #expect(expired.errorCode == 1069)
            let malformed = try await harness.request("GET", "identity/v2/auth/phone?phone=12")
            #expect(malformed.errorCode == 1096)
            let missing = try await harness.request("GET", "identity/v2/auth/phone")
            #expect(missing.errorCode == 1076)
            let unknownToken = try await harness.request(
                "PUT", "identity/v2/auth/login/2fa/verification/otp?secondfactorauthenticationtoken=nope",
                body: #"{"otp":"123456"}"#)
            #expect(unknownToken.errorCode == 1103)
        }
    }
}
