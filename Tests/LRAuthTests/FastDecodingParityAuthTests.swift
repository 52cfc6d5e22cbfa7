import Foundation
import LRAuth
import LRCore
import Testing

/// The LRAuth models on both decoding paths: every declared member with every kind of value,
/// next to an unknown member, a duplicate and a case variant of its name.
@Suite("Fast decoding: LRAuth models agree with JSONDecoder")
struct FastDecodingParityAuthTests {
    struct ModelCase: Sendable {
        var name: String
        var knownFields: Set<String>
        var differs: @Sendable (Data) -> Bool

        init<T: JSONValueDecodable & Equatable & Sendable>(_ type: T.Type, _ knownFields: Set<String>) {
            name = String(describing: type)
            self.knownFields = knownFields
            differs = { data in
                let viaDecoder = try? JSONCoding.decode(T.self, from: data)
                let viaTree = try? T(jsonValue: JSONValue(parsing: data))
                return viaDecoder != viaTree
            }
        }
    }

    static let models: [ModelCase] = [
        ModelCase(AuthUserRegistrationModelWithCaptcha.self, AuthUserRegistrationModelWithCaptcha.knownFields),
        ModelCase(EmailAuthenticationModel.self, EmailAuthenticationModel.knownFields),
        ModelCase(EmailVerificationByOtpModel.self, EmailVerificationByOtpModel.knownFields),
        ModelCase(OneTouchLoginByEmailModel.self, OneTouchLoginByEmailModel.knownFields),
        ModelCase(OneTouchLoginByPhoneModel.self, OneTouchLoginByPhoneModel.knownFields),
        ModelCase(PasswordLessLoginByEmailAndOtpModel.self, PasswordLessLoginByEmailAndOtpModel.knownFields),
        ModelCase(PasswordLessLoginByUserNameAndOtpModel.self, PasswordLessLoginByUserNameAndOtpModel.knownFields),
        ModelCase(PasswordLessLoginOtpModel.self, PasswordLessLoginOtpModel.knownFields),
        ModelCase(ResetPasswordByEmailAndOtpModel.self, ResetPasswordByEmailAndOtpModel.knownFields),
        ModelCase(ResetPasswordByResetTokenModel.self, ResetPasswordByResetTokenModel.knownFields),
        ModelCase(
            ResetPasswordBySecurityAnswerAndEmailModel.self, ResetPasswordBySecurityAnswerAndEmailModel.knownFields),
        ModelCase(
            ResetPasswordBySecurityAnswerAndPhoneModel.self, ResetPasswordBySecurityAnswerAndPhoneModel.knownFields),
        ModelCase(
            ResetPasswordBySecurityAnswerAndUserNameModel.self,
            ResetPasswordBySecurityAnswerAndUserNameModel.knownFields),
        ModelCase(ResetPasswordByUserNameModel.self, ResetPasswordByUserNameModel.knownFields),
        ModelCase(UnlockProfileModel.self, UnlockProfileModel.knownFields),
        ModelCase(UserNameAuthenticationModel.self, UserNameAuthenticationModel.knownFields),
        ModelCase(UserProfileUpdateModel.self, UserProfileUpdateModel.knownFields),
        ModelCase(VerifiedResponse.self, VerifiedResponse.knownFields),
    ]

    /// Values of every kind (integral numbers written with a fraction or exponent are covered by
    /// FastDecodingEdgeCaseTests in LRCoreTests).
    static let values = [
        "null", "true", "false", "0", "-1", "1.5", "9223372036854775808", "-9223372036854775809", #""""#, #""s""#,
        #""2020-01-01T00:00:00Z""#, "[]", #"["a", null]"#, #"["a", "b"]"#, "{}", #"{"k": "v", "n": [1, {"d": null}]}"#,
        #"[{"Type": "Primary", "Value": "a@b.c"}]"#, #"{"QuestionId": "q", "Answer": 2}"#,
    ]

    @Test("every declared member with every kind of value: equal values on both paths", arguments: models)
    func parity(model: ModelCase) {
        var failures: [String] = []
        for field in model.knownFields.sorted() {
            let name = try! String(decoding: JSONEncoder().encode(field), as: UTF8.self)
            let variant = try! String(decoding: JSONEncoder().encode(field.uppercased()), as: UTF8.self)
            for (index, value) in Self.values.enumerated() {
                let other = Self.values[(index + 7) % Self.values.count]
                for text in [
                    "{\(name): \(value)}",
                    "{\(name): \(value), \"Extra\": \(other), \(variant): \(other)}",
                    "{\(name): \(value), \(name): \(other)}",
                    "{\(name): \(other), \(name): \(value)}",
                ] where model.differs(Data(text.utf8)) {
                    failures.append(text)
                }
            }
        }
        #expect(failures.isEmpty, "\(model.name): \(failures.count) differences, e.g. \(failures.prefix(3))")
    }
}
