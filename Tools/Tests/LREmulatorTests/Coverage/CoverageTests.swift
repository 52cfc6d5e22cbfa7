import Foundation
import Testing

@testable import LREmulator

@Suite("Coverage: every catalogue operation has a route or a reason")
struct CoverageTests {
    @Test("every catalogue operation reaches a route or is listed as not emulated, with a reason")
    func everyOperationAccountedFor() {
        let coverage = EmulatorCoverage.current
        #expect(coverage.entries.count == CatalogueOperation.all.count)
        #expect(coverage.entries.count == 210)
        let missing = coverage.missing.map { "\($0.group).\($0.name) (\($0.method) \($0.path))" }
        #expect(missing.isEmpty, "no route and no reason: \(missing.joined(separator: ", "))")
        for (name, reason) in CatalogueOperation.notEmulated {
            #expect(!CatalogueOperation.named(name).isEmpty, "not-emulated entry \(name) names no operation")
            #expect(!reason.isEmpty)
        }
    }

    @Test("an operation without a route is reported missing (the check can fail)")
    func missingIsDetected() {
        let table = RouteTable([])
        let request = EmulatorRequest(
            method: "GET", target: "/identity/v2/auth/account/ping", host: nil, headers: [], body: Data())
        guard case .notFound = table.match(request) else {
            Issue.record("an empty table matched")
            return
        }
    }

    @Test("Docs/Emulator.md carries the current coverage table (`make generate` rewrites it)")
    func docsTableIsFresh() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("Docs/Emulator.md"), encoding: .utf8)
        let updated = try #require(EmulatorCoverage.current.updating(page: page), "Docs/Emulator.md has no markers")
        #expect(updated == page, "Docs/Emulator.md's coverage table is stale: run `make generate`")
        #expect(page.contains("210 of 210 catalogue operations accounted for"))
    }

    @Test("requests resolve to their catalogue operation by name, also where operations share a route")
    func resolveByName() {
        func resolve(_ method: String, _ target: String, _ body: String = "") -> String? {
            CatalogueOperation.resolve(
                EmulatorRequest(method: method, target: target, host: nil, headers: [], body: Data(body.utf8)))?
                .qualifiedName
        }
        #expect(
            resolve("POST", "/identity/v2/auth/login", #"{"email":"a@b.c","password":"x"}"#)
                == "authentication.login_by_email")
        #expect(
            resolve("POST", "/identity/v2/auth/login", #"{"username":"ada","password":"x"}"#)
                == "authentication.login_by_user_name")
        // Two groups declare the phone login; either name fits.
        #expect(
            resolve("POST", "/identity/v2/auth/login", #"{"phone":"+15551234567","password":"x"}"#)?
                .hasSuffix(".login_by_phone") == true)
        #expect(
            resolve("GET", "/identity/v2/manage/account/0123/privacypolicy/history")
                == "account.get_privacy_policy_history_by_uid")
        #expect(resolve("DELETE", "/identity/v2/manage/account/0123/email") == "account.remove_email")
        #expect(resolve("DELETE", "/identity/v2/auth/email") == "authentication.remove_email")
        #expect(resolve("GET", "/emulator/v1/outbox") == nil)
    }
}
