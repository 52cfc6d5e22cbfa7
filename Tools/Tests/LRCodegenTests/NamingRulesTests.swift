import Foundation
import LRCatalogue
import Testing

/// Docs/Naming.md, enforced over the catalogue: every Swift name is what the rules make of
/// LoginRadius's name, no name has a mixed-case acronym, no label repeats its type.
@Suite("Naming rules")
struct NamingRulesTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try Catalogue.load(from: repositoryRoot.appendingPathComponent("Tools/Catalogue"))
    }

    @Test("the rules on the issue's examples")
    func examples() {
        #expect(
            NamingRules.operationName("auth_in_validate_access_token", group: "authentication")
                == "invalidateAccessToken")
        #expect(
            NamingRules.operationName("in_validate_pin_session_token", group: "pin_authentication")
                == "invalidatePINSessionToken")
        #expect(
            NamingRules.operationName("mfa_reset_sms_auth_by_token", group: "mfa") == "mfaResetSMSAuthenticatorByToken")
        #expect(
            NamingRules.operationName("mfa_reset_sms_authenticator_by_uid", group: "mfa")
                == "mfaResetSMSAuthenticatorByUID")
        #expect(NamingRules.operationName("login_by_email", group: "authentication") == "loginByEmail")
        #expect(NamingRules.memberName("sms_template") == "smsTemplate")
        #expect(NamingRules.memberName("IsEmailOtpAuthenticatorVerified") == "isEmailOTPAuthenticatorVerified")
        #expect(NamingRules.memberName("IsSmsOTPAuthenticator") == "isSMSOTPAuthenticator")
        #expect(NamingRules.memberName("securityanswer") == "securityAnswer")
        #expect(NamingRules.memberName("welcomeemailtemplate") == "welcomeEmailTemplate")
        #expect(NamingRules.memberName("clientguid") == "clientGUID")
        #expect(NamingRules.memberName("phoneNo2FA") == "phoneNo2FA")
        #expect(NamingRules.typeName("PasswordLessLoginOtpModel") == "PasswordlessLoginOTPModel")
        #expect(NamingRules.mixedCaseAcronyms(in: "resetSmsTemplate") == ["Sms"])
        #expect(NamingRules.mixedCaseAcronyms(in: "smsTemplate").isEmpty)
    }

    @Test("every operation's Swift name follows from its LoginRadius name")
    func operationNames() {
        for (group, operation) in catalogue.allOperations {
            #expect(
                operation.name == NamingRules.operationName(operation.python, group: group.group),
                "\(group.group).\(operation.python)")
        }
    }

    @Test("every parameter's Swift label follows from its LoginRadius name")
    func parameterNames() {
        for (group, operation) in catalogue.allOperations {
            for parameter in operation.parameters {
                #expect(
                    parameter.swift == NamingRules.memberName(parameter.python),
                    "\(group.group).\(operation.python)(\(parameter.python))")
            }
        }
    }

    @Test("every model and field name follows from LoginRadius's")
    func modelNames() {
        for model in catalogue.modelFiles.flatMap(\.models) {
            #expect(model.name == NamingRules.typeName(model.loginRadius), "\(model.loginRadius)")
            for field in model.fields {
                #expect(field.swift == NamingRules.memberName(field.wire), "\(model.name).\(field.wire)")
            }
        }
    }

    @Test("no Swift name has a mixed-case acronym")
    func noMixedCaseAcronyms() {
        var names: [String] = []
        for (_, operation) in catalogue.allOperations {
            names.append(operation.name)
            names += operation.parameters.map(\.swift)
        }
        for model in catalogue.modelFiles.flatMap(\.models) {
            names.append(model.name)
            names += model.fields.map(\.swift)
        }
        let offenders = names.filter { !NamingRules.mixedCaseAcronyms(in: $0).isEmpty }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    @Test("no label repeats its type: the body is unlabelled, no other label names its model type")
    func noLabelRepeatsItsType() {
        for (group, operation) in catalogue.allOperations {
            for parameter in operation.parameters where parameter.in != "body" {
                let type = parameter.type.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                guard type.first?.isUppercase ?? false, !["String", "Bool", "Int", "JSONValue"].contains(type) else {
                    continue
                }
                #expect(
                    !parameter.swift.lowercased().hasSuffix(type.lowercased()),
                    "\(group.group).\(operation.python): \(parameter.swift): \(parameter.type)")
            }
            #expect(operation.parameters.filter { $0.in == "body" }.count <= 1)
        }
    }

    @Test("a model's required members are declared fields, and only request bodies have them")
    func requiredMembersAreOnRequestBodies() {
        let bodies = Set(catalogue.allOperations.compactMap { $0.operation.bodyParameter?.type })
        for model in catalogue.modelFiles.flatMap(\.models) where !model.requiredFields.isEmpty {
            #expect(bodies.contains(model.name), "\(model.name) has required members but is not a request body")
        }
    }
}
