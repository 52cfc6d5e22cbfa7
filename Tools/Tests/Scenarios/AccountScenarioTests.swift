import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("LRAccount scenarios: account management with the API secret")
struct AccountScenarioTests {
    @Test(
        "create → read by email, user name, phone → update → set password → log in → hash → impersonate → refresh/revoke → delete"
    )
    func accountLifecycle() async throws {
        try await EmulatorHarness.run { scenario in
            let account = scenario.client.account
            let email = EmulatorHarness.newEmail("ada")
            let username = EmulatorHarness.newUsername("ada")
            let phone = EmulatorHarness.newPhone()
            let created = try await account.createAccount(
                AccountCreateModel(
                    email: [EmailAddress(type: "Primary", value: email)], firstName: "Ada", lastName: "Lovelace",
                    password: "Initial-pass-1",
                    additionalFields: ["EmailVerified": true, "UserName": .string(username), "PhoneId": .string(phone)])
            )
            let uid = try #require(created.uid)
            #expect(created.email?.first?.value == email)
            #expect(created.email?.first?.type == "Primary")
            #expect(created.emailVerified == true)
            #expect(created.firstName == "Ada")
            #expect(created.fullName == "Ada Lovelace")
            #expect(created.userName == username)
            #expect(created.phoneID == phone)
            #expect(created.isActive == true)
            #expect(created.password == nil)
            #expect(created.noOfLogins == 0)

            #expect(try await account.getAccountProfileByEmail(email: email).uid == uid)
            #expect(try await account.getAccountProfileByUserName(userName: username).uid == uid)
            #expect(try await account.getAccountProfileByPhone(phone: phone).uid == uid)
            #expect(try await account.getAccountProfileByUID(uid: uid).email?.first?.value == email)
            await expectAPIError(936) {
                try await account.createAccount(
                    AccountCreateModel(
                        email: [EmailAddress(type: "Primary", value: email)], password: "Other-pass-1"))
            }

            let updated = try await account.updateAccountByUID(
                AccountUserProfileUpdateModel(
                    firstName: "Augusta", additionalFields: ["City": "London"]),
                uid: uid)
            #expect(updated.firstName == "Augusta")
            #expect(updated.lastName == "Lovelace")
            #expect(updated.city == "London")
            #expect(updated.fullName == "Augusta Lovelace")

            let set = try await account.setAccountPasswordByUID(password: "Changed-pass-2", uid: uid)
            let hash = try #require(set.passwordHash)
            #expect(!hash.isEmpty && !hash.contains("Changed-pass-2"))
            #expect(try await account.getAccountPasswordHashByUID(uid: uid).passwordHash == hash)
            await expectAPIError(966) {
                try await scenario.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Initial-pass-1"))
            }
            let login = try await scenario.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Changed-pass-2"))
            #expect(login.profile?.uid == uid)
            #expect(login.profile?.noOfLogins == 1)
            #expect(login.profile?.firstName == "Augusta")

            let impersonation = try await account.getAccessTokenByUID(uid: uid)
            let token = try #require(impersonation.accessToken)
            let refreshToken = try #require(impersonation.refreshToken)
            #expect(token != login.accessToken)
            #expect(impersonation.expiresIn?.date.map { $0 > Date() } == true)
            let asUser = try await scenario.client.authentication.getProfileByAccessToken(accessToken: token)
            #expect(asUser.uid == uid)
            #expect(asUser.city == "London")

            let refreshed = try await account.refreshAccessTokenByRefreshToken(refreshToken: refreshToken)
            #expect(refreshed.accessToken != nil && refreshed.accessToken != token)
            #expect(refreshed.refreshToken == refreshToken)
            #expect(try await account.revokeRefreshToken(refreshToken: refreshToken).isDeleted == true)
            await expectAPIError(1217) {
                try await account.refreshAccessTokenByRefreshToken(refreshToken: refreshToken)
            }

            #expect(try await account.deleteAccountByUID(uid: uid).isDeleted == true)
            let gone = await expectAPIError(938) { try await account.getAccountProfileByUID(uid: uid) }
            #expect(gone?.httpStatus == 403)
            #expect(gone?.message == "User does not exist")
            await expectAPIError(905) {
                try await scenario.client.authentication.getProfileByAccessToken(accessToken: token)
            }
            await expectAPIError(938) { try await account.getAccountProfileByEmail(email: email) }
        }
    }

    @Test(
        "emails: upsert, identities by email, remove; invalidate verification and verify again; new uid; delete by email"
    )
    func emailsAndIdentity() async throws {
        try await EmulatorHarness.run { scenario in
            let account = scenario.client.account
            let email = EmulatorHarness.newEmail("grace")
            let created = try await scenario.createVerifiedAccount(
                email: email, password: "Secret-pass-1", firstName: "Grace")
            let uid = try #require(created.uid)

            let work = EmulatorHarness.newEmail("work")
            var profile = try await account.upsertEmail(
                UpsertEmailModel(email: [EmailAddress(type: "Secondary", value: work)]), uid: uid)
            #expect(profile.email?.map(\.value) == [email, work])
            let replacement = EmulatorHarness.newEmail("work2")
            profile = try await account.upsertEmail(
                UpsertEmailModel(email: [EmailAddress(type: "Secondary", value: replacement)]),
                uid: uid)
            #expect(profile.email?.map(\.value) == [email, replacement])
            #expect(profile.email?.last?.type == "Secondary")

            let identities = try await account.getAccountIdentitiesByEmail(email: replacement)
            #expect(identities.data?.count == 1)
            #expect(identities.data?.first?.uid == uid)

            profile = try await account.removeEmail(email: replacement, uid: uid)
            #expect(profile.email?.map(\.value) == [email])
            await expectAPIError(1005) { try await account.removeEmail(email: email, uid: uid) }
            await expectAPIError(1340) { try await account.removeEmail(email: replacement, uid: uid) }

            let invalidated = try await account.invalidateAccountEmailVerification(
                uid: uid, verificationURL: "https://app.example.com/verify")
            #expect(invalidated.isPosted == true)
            #expect(try await account.getAccountProfileByUID(uid: uid).emailVerified == false)
            await expectAPIError(970) {
                try await scenario.client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            }
            await expectAPIError(1115) { try await account.invalidateAccountEmailVerification(uid: uid) }
            let message = try #require(await scenario.emulator.outbox().last { $0.recipient == email })
            #expect(message.purpose == .verification)
            #expect(message.link?.hasPrefix("https://app.example.com/verify?vtype=emailverification") == true)
            _ = try await scenario.client.authentication.verifyEmail(verificationToken: try #require(message.token))
            #expect(try await account.getAccountProfileByUID(uid: uid).emailVerified == true)

            let newUid = "customer-" + UUID().uuidString.prefix(8).lowercased()
            #expect(
                try await account.accountUpdateUID(UpdateUIDModel(newUID: newUid), uid: uid).isPosted
                    == true)
            let moved = try await account.getAccountProfileByUID(uid: newUid)
            #expect(moved.uid == newUid)
            #expect(moved.previousUIDs == [uid])
            #expect(moved.isCustomUID == true)
            #expect(moved.firstName == "Grace")
            await expectAPIError(938) { try await account.getAccountProfileByUID(uid: uid) }
            await expectAPIError(1200) {
                try await account.accountUpdateUID(UpdateUIDModel(newUID: "not valid!"), uid: newUid)
            }

            let deleted = try await account.accountDeleteByEmail(email: email)
            #expect(deleted.isDeleted == true)
            #expect(deleted.recordsDeleted == 1)
            await expectAPIError(938) { try await account.getAccountProfileByEmail(email: email) }
        }
    }

    @Test("roles: define, change permissions, assign (on the profile), role contexts, unassign, delete")
    func rolesAndContexts() async throws {
        try await EmulatorHarness.run { scenario in
            let role = scenario.client.role
            let created = try await role.createRoles(
                RolesModel(roles: [
                    ["name": "editor", "permissions": ["article.edit": true]],
                    ["name": "viewer", "permissions": ["article.read": true]],
                ]))
            #expect(created.count == 2)
            #expect(created.data?.map(\.name) == ["editor", "viewer"])
            #expect(created.data?.first?.permissions == ["article.edit": true])
            await expectAPIError(1175) {
                try await role.createRoles(RolesModel(roles: [["name": "editor"]]))
            }

            var editor = try await role.addRolePermissions(
                PermissionsModel(permissions: ["article.publish"]), role: "editor")
            #expect(editor.name == "editor")
            #expect(editor.permissions == ["article.edit": true, "article.publish": true])
            editor = try await role.removeRolePermissions(
                PermissionsModel(permissions: ["article.edit"]), role: "editor")
            #expect(editor.permissions == ["article.publish": true])
            #expect(try await role.getRolesList().count == 2)

            let email = EmulatorHarness.newEmail("editor")
            let uid = try #require(
                try await scenario.createVerifiedAccount(email: email, password: "Secret-pass-1").uid)
            let assigned = try await role.assignRolesByUID(AccountRolesModel(roles: ["editor", "viewer"]), uid: uid)
            #expect(assigned.roles == ["editor", "viewer"])
            await expectAPIError(1047) {
                try await role.assignRolesByUID(AccountRolesModel(roles: ["ghost"]), uid: uid)
            }
            #expect(try await scenario.client.account.getAccountProfileByUID(uid: uid).roles == ["editor", "viewer"])
            let login = try await scenario.client.authentication.loginByEmail(
                EmailAuthenticationModel(email: email, password: "Secret-pass-1"))
            #expect(login.profile?.roles == ["editor", "viewer"])

            let contexts = try await role.updateRoleContextByUID(
                AccountRoleContextModel(roleContext: [
                    [
                        "context": "newsroom", "roles": ["editor"],
                        "additionalpermissions": ["desk.night", "desk.weekend"],
                        "expiration": "07/15/2030 8:30:08 AM",
                    ]
                ]),
                uid: uid)
            let newsroom = try #require(contexts.data?.first)
            #expect(newsroom.context == "newsroom")
            #expect(newsroom.roles == ["editor"])
            #expect(newsroom.additionalPermissions == ["desk.night", "desk.weekend"])
            #expect(newsroom.expiration?.date == Date(timeIntervalSince1970: 1_910_334_608))
            let holders = try await role.getRoleContextByContextName(contextName: "newsroom")
            #expect(holders.data?.map(\.uid) == [uid])
            #expect(holders.data?.first?.roleContext?.roles == ["editor"])
            #expect(holders.data?.first?.email?.first?.value == email)

            _ = try await role.deleteAdditionalPermissionFromRoleContextByUID(
                RoleContextAdditionalPermissionRemoveRoleModel(
                    additionalPermissions: ["desk.night"]),
                contextName: "newsroom",
                uid: uid)
            #expect(try await role.getRoleContextByUID(uid: uid).data?.first?.additionalPermissions == ["desk.weekend"])
            await expectAPIError(1142) {
                try await role.deleteAdditionalPermissionFromRoleContextByUID(
                    RoleContextAdditionalPermissionRemoveRoleModel(
                        additionalPermissions: ["desk.night"]),
                    contextName: "newsroom",
                    uid: uid)
            }
            #expect(
                try await role.deleteRolesFromRoleContextByUID(
                    RoleContextRemoveRoleModel(roles: ["editor"]),
                    contextName: "newsroom",
                    uid: uid
                ).isDeleted == true)
            #expect(try await role.getRoleContextByUID(uid: uid).data?.first?.roles == [])
            #expect(try await role.deleteRoleContextByUID(contextName: "newsroom", uid: uid).isDeleted == true)
            #expect(try await role.getRoleContextByUID(uid: uid).data?.isEmpty == true)
            await expectAPIError(1133) { try await role.deleteRoleContextByUID(contextName: "newsroom", uid: uid) }

            #expect(
                try await role.unassignRolesByUID(AccountRolesModel(roles: ["viewer"]), uid: uid)
                    .isDeleted == true)
            #expect(try await role.getRolesByUID(uid: uid).roles == ["editor"])
            #expect(try await role.deleteRole(role: "editor").isDeleted == true)
            #expect(try await role.getRolesByUID(uid: uid).roles == [])
            let remaining = try await role.getRolesList()
            #expect(remaining.data?.map(\.name) == ["viewer"])
            await expectAPIError(1047) { try await role.deleteRole(role: "editor") }
        }
    }
}
