import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

@Suite("Control API over HTTP: /emulator/v1/state, faults, clock, accounts, deliveries")
struct ControlAPITests {
    @Test("GET state exports, DELETE resets, PUT imports: the user can log in again; a bad body is 400")
    func stateRoundTrip() async throws {
        try await EmulatorHarness.run { lr in
            _ = try await lr.verifiedAccessToken(email: "state@example.com")
            let exported = try await lr.request("GET", "emulator/v1/state", apiKey: nil)
            #expect(exported.status == 200)
            #expect((exported["outbox"] as? [Any])?.isEmpty == false)
            let text = String(
                decoding: try JSONSerialization.data(withJSONObject: exported.object), as: UTF8.self)

            #expect(try await lr.request("DELETE", "emulator/v1/state", apiKey: nil)["IsDeleted"] as? Bool == true)
            #expect(try await lr.request("GET", "emulator/v1/accounts", apiKey: nil).array.isEmpty)
            #expect(await lr.emulator.outbox().isEmpty)

            let imported = try await lr.request("PUT", "emulator/v1/state", apiKey: nil, body: text)
            #expect(imported["IsPosted"] as? Bool == true)
            _ = try await lr.login(email: "state@example.com")
            #expect(await lr.emulator.outbox().count == 1)

            let bad = try await lr.request("PUT", "emulator/v1/state", apiKey: nil, body: #"{"format": 99}"#)
            #expect(bad.status == 400)
            #expect(bad["Error"] is String)
        }
    }

    @Test("fault rules: add, list with remaining count, answer by operation name, delay, clear; bad rules are 400")
    func faults() async throws {
        try await EmulatorHarness.run { lr in
            let added = try await lr.request(
                "POST", "emulator/v1/faults", apiKey: nil,
                body: #"{"operation":"authentication.check_email_availability","errorCode":1048,"count":2}"#)
            #expect(added.status == 201)
            let id = try #require(added["id"] as? String)
            let first = try await lr.request("GET", "identity/v2/auth/email?email=f@example.com")
            #expect(first.status == 400)
            #expect(first.errorCode == 1048)
            let listed = try await lr.request("GET", "emulator/v1/faults", apiKey: nil).array
            #expect(listed.first?["count"] as? Int == 1)
            #expect(listed.first?["id"] as? String == id)
            #expect(try await lr.request("GET", "identity/v2/auth/email?email=f@example.com").errorCode == 1048)
            #expect(
                try await lr.request("GET", "identity/v2/auth/email?email=f@example.com")["IsExist"] as? Bool == false)

            _ = try await lr.request(
                "POST", "emulator/v1/faults", apiKey: nil,
                body: #"{"method":"GET","path":"identity/v2/auth/email","status":502}"#)
            #expect(try await lr.request("GET", "identity/v2/auth/email?email=f@example.com").status == 502)
            #expect(try await lr.request("DELETE", "emulator/v1/faults", apiKey: nil).status == 200)
            #expect(try await lr.request("GET", "identity/v2/auth/email?email=f@example.com").status == 200)

            let unknown = try await lr.request(
                "POST", "emulator/v1/faults", apiKey: nil, body: #"{"operation":"no_such_call","status":500}"#)
            #expect(unknown.status == 400)
            let noEffect = try await lr.request(
                "POST", "emulator/v1/faults", apiKey: nil, body: #"{"operation":"login_by_email"}"#)
            #expect(noEffect.status == 400)
        }
    }

    @Test("a dropped-connection fault closes the connection without an answer")
    func droppedConnection() async throws {
        try await EmulatorHarness.run { lr in
            try await lr.emulator.addFault(FaultRule(operation: "check_email_availability", dropConnection: true))
            await #expect(throws: (any Error).self) {
                let result = try await lr.request("GET", "identity/v2/auth/email?email=d@example.com")
                if result.status == 500 || result.json == nil { throw URLError(.networkConnectionLost) }
            }
        }
    }

    @Test("the clock: POST advances or sets it, GET reads it; expiry follows it")
    func clock() async throws {
        let configure: (inout EmulatorConfiguration) -> Void = { $0.accessTokenLifetime = .seconds(60) }
        try await EmulatorHarness.run(emulator: configure) { lr in
            let token = try await lr.verifiedAccessToken(email: "clock@example.com")
            let moved = try await lr.request("POST", "emulator/v1/clock", apiKey: nil, body: #"{"advanceSeconds":61}"#)
            #expect(moved["OffsetSeconds"] as? Double == 61)
            #expect(try await lr.request("GET", "identity/v2/auth/account", token: token).errorCode == 906)
            let set = try await lr.request(
                "POST", "emulator/v1/clock", apiKey: nil, body: #"{"set":"2040-01-01T00:00:00.000Z"}"#)
            #expect(
                set["Now"] as? String == "2040-01-01T00:00:00.000Z"
                    || (set["Now"] as? String)?.hasPrefix("2040-01-01T00:00:0") == true)
            #expect(
                try await lr.request("POST", "emulator/v1/clock", apiKey: nil, body: #"{"reset":true}"#)[
                    "OffsetSeconds"] as? Double == 0)
            #expect(try await lr.request("POST", "emulator/v1/clock", apiKey: nil, body: "{}").status == 400)
        }
    }

    @Test("accounts: list with sessions, one, block (991 at login), unblock, delete; the HTML page lists them")
    func accounts() async throws {
        try await EmulatorHarness.run { lr in
            _ = try await lr.verifiedAccessToken(email: "acct@example.com")
            let list = try await lr.request("GET", "emulator/v1/accounts", apiKey: nil).array
            let uid = try #require(list.first?["uid"] as? String)
            // Verifying the email logged in once, the login a second time.
            #expect((list.first?["sessions"] as? [Any])?.count == 2)
            #expect(
                try await lr.request("GET", "emulator/v1/accounts/\(uid)", apiKey: nil)["emails"] as? [String] == [
                    "acct@example.com"
                ])
            #expect(try await lr.request("GET", "emulator/v1/accounts/nobody", apiKey: nil).status == 404)

            let blocked = try await lr.request("POST", "emulator/v1/accounts/\(uid)/block", apiKey: nil)
            #expect(blocked["isActive"] as? Bool == false)
            let refused = try await lr.request(
                "POST", "identity/v2/auth/login", body: #"{"email":"acct@example.com","password":"secret123"}"#)
            #expect(refused.errorCode == 991)
            #expect(refused.status == 403)

            let page = try await lr.rawText("emulator/accounts")
            #expect(page.contains(uid))
            #expect(page.contains("/emulator/accounts/\(uid)/unblock"))

            _ = try await lr.request("POST", "emulator/v1/accounts/\(uid)/unblock", apiKey: nil)
            _ = try await lr.login(email: "acct@example.com")
            #expect(
                try await lr.request("DELETE", "emulator/v1/accounts/\(uid)", apiKey: nil)["IsDeleted"] as? Bool == true
            )
            #expect(try await lr.request("GET", "emulator/v1/accounts", apiKey: nil).array.isEmpty)
        }
    }

    @Test("the management update IsActive=false blocks logins by email and user name and impersonation")
    func blockedEverywhere() async throws {
        try await EmulatorHarness.run { lr in
            let token = try await lr.verifiedAccessToken(email: "every@example.com")
            _ = try await lr.request(
                "PUT", "identity/v2/auth/username", body: #"{"username":"every_one"}"#, token: token)
            let uid = try #require(
                try await lr.request("GET", "identity/v2/auth/account", token: token)["Uid"] as? String)
            _ = try await lr.manage("PUT", "identity/v2/manage/account/\(uid)", body: #"{"IsActive":false}"#)
            #expect(
                try await lr.request(
                    "POST", "identity/v2/auth/login", body: #"{"username":"every_one","password":"secret123"}"#
                ).errorCode == 991)
            #expect(
                try await lr.request(
                    "POST", "identity/v2/auth/login", body: #"{"email":"every@example.com","password":"secret123"}"#
                ).errorCode == 991)
            #expect(try await lr.manage("GET", "identity/v2/manage/account/access_token?uid=\(uid)").errorCode == 991)
        }
    }
}
