import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("LRCustomObject scenario: records by access token and by uid")
struct CustomObjectScenarioTests {
    @Test("create by token and by uid → list → partial and full update → read → delete deactivates → errors")
    func customObjectJourney() async throws {
        try await EmulatorHarness.run { scenario in
            let objects = scenario.client.customObject
            let login = try await scenario.registerVerifiedUser(
                email: EmulatorHarness.newEmail("shopper"), password: "Secret-pass-1")
            let token = try #require(login.accessToken)
            let uid = try #require(login.profile?.uid)

            let cart = try await objects.createCustomObjectByToken(
                ["plan": "gold", "seats": 3, "tags": ["a", "b"]],
                accessToken: token, objectName: "carts")
            let cartId = try #require(cart.id)
            #expect(cartId.count == 24)
            #expect(cart.uid == uid)
            #expect(cart.isActive == true)
            #expect(cart.isDeleted == false)
            #expect(cart.customObject?["plan"] == "gold")
            #expect(cart.customObject?["seats"] == 3)
            #expect(cart.customObject?["tags"] == ["a", "b"])
            #expect(cart.dateCreated?.date != nil)

            let wishlist = try await objects.createCustomObjectByUID(
                ["plan": "silver", "note": "wishlist"],
                objectName: "carts", uid: uid)
            let wishlistId = try #require(wishlist.id)
            #expect(wishlistId != cartId)
            #expect(wishlist.uid == uid)

            let listed = try await objects.getCustomObjectByToken(accessToken: token, objectName: "carts")
            #expect(listed.count == 2)
            #expect(listed.data?.compactMap(\.id) == [cartId, wishlistId])
            #expect(try await objects.getCustomObjectByUID(objectName: "carts", uid: uid).count == 2)
            #expect(try await objects.getCustomObjectByUID(objectName: "invoices", uid: uid).count == 0)

            let merged = try await objects.updateCustomObjectByToken(
                ["seats": 5],
                accessToken: token, objectName: "carts", objectRecordID: cartId,
                updateType: "partialreplace")
            #expect(merged.customObject?["plan"] == "gold")
            #expect(merged.customObject?["seats"] == 5)
            #expect(merged.id == cartId)

            let replaced = try await objects.updateCustomObjectByUID(
                ["plan": "bronze"],
                objectName: "carts", objectRecordID: wishlistId, uid: uid,
                updateType: "replace")
            #expect(replaced.customObject == ["plan": "bronze"])

            let read = try await objects.getCustomObjectByRecordIDAndToken(
                accessToken: token, objectName: "carts", objectRecordID: cartId)
            #expect(read.customObject?["seats"] == 5)
            let readByUid = try await objects.getCustomObjectByRecordID(
                objectName: "carts", objectRecordID: wishlistId, uid: uid)
            #expect(readByUid.customObject?["plan"] == "bronze")

            #expect(
                try await objects.deleteCustomObjectByToken(
                    accessToken: token, objectName: "carts", objectRecordID: cartId
                ).isDeleted == true)
            let afterDelete = try await objects.getCustomObjectByRecordIDAndToken(
                accessToken: token, objectName: "carts", objectRecordID: cartId)
            #expect(afterDelete.isActive == false)
            #expect(afterDelete.isDeleted == true)
            let relisted = try await objects.getCustomObjectByUID(objectName: "carts", uid: uid)
            #expect(relisted.count == 2)
            #expect(relisted.data?.map { $0.isActive ?? true } == [false, true])
            await expectAPIError(1001) {
                try await objects.updateCustomObjectByToken(
                    ["seats": 1],
                    accessToken: token, objectName: "carts", objectRecordID: cartId)
            }
            await expectAPIError(1001) {
                try await objects.deleteCustomObjectByRecordID(objectName: "carts", objectRecordID: cartId, uid: uid)
            }
            #expect(
                try await objects.deleteCustomObjectByRecordID(
                    objectName: "carts", objectRecordID: wishlistId, uid: uid
                ).isDeleted == true)

            await expectAPIError(1001) {
                try await objects.getCustomObjectByRecordID(
                    objectName: "carts", objectRecordID: "000000000000000000000000", uid: uid)
            }
            await expectAPIError(1001) {
                try await objects.getCustomObjectByRecordIDAndToken(
                    accessToken: token, objectName: "invoices", objectRecordID: cartId)
            }
            await expectAPIError(938) {
                try await objects.getCustomObjectByUID(objectName: "carts", uid: "no-such-user")
            }
            await expectAPIError(905) {
                try await objects.createCustomObjectByToken(
                    ["a": 1],
                    accessToken: "00000000-0000-0000-0000-000000000000", objectName: "carts")
            }
        }
    }
}
