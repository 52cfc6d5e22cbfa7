import Foundation
import LRTestSupport
import Testing

@testable import LREmulator

/// A manage path with a trailing `/` is not the path without it: what `…/rolecontext/..` became
/// after dot-segment removal (`DELETE …/account/{uid}/`) must not delete the account.
@Suite("Manage paths with a trailing slash are not the path without it")
struct TrailingSlashTests {
    @Test func deleteWithTrailingSlashDeletesNothing() async throws {
        try await EmulatorHarness.run { lr in
            let created = try await lr.manage(
                "POST", "identity/v2/manage/account",
                body: #"{"Email":[{"Type":"Primary","Value":"slash@example.com"}],"Password":"secret123"}"#)
            let uid = try #require(created["Uid"] as? String, "\(created.object)")
            let trailing = try await lr.manage("DELETE", "identity/v2/manage/account/\(uid)/")
            #expect(trailing.status == 404)
            let root = try await lr.manage("GET", "identity/v2/manage/")
            #expect(root.status == 404)
            let profile = try await lr.manage("GET", "identity/v2/manage/account/\(uid)")
            #expect(profile.status == 200)
            #expect(profile["Uid"] as? String == uid)
        }
    }
}
