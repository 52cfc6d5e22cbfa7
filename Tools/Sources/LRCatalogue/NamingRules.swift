/// The SDK's naming rules (Docs/Naming.md), written once: how LoginRadius's names (the Python
/// SDK's snake_case, the JSON member names, the Python SDK's model names) become Swift names.
///
/// The catalogue stores both names; a test checks that every Swift name there is what these
/// rules give, so a new operation is named right or the test says which name is wrong.
public enum NamingRules {
    /// Acronyms, written uniformly cased: all capitals inside a name, all lower case at its start.
    public static let acronyms: [String: String] = [
        "api": "API", "guid": "GUID", "http": "HTTP", "https": "HTTPS", "id": "ID", "ids": "IDs", "ip": "IP",
        "json": "JSON", "jwt": "JWT", "lr": "LR", "mfa": "MFA", "otp": "OTP", "pin": "PIN", "sms": "SMS",
        "sott": "SOTT", "sso": "SSO", "uid": "UID", "uids": "UIDs", "url": "URL", "urls": "URLs",
    ]

    /// Words LoginRadius glues together (`securityanswer`), split into the words they are.
    public static let gluedWords: [String: [String]] = [
        "clientguid": ["client", "guid"], "deletetoken": ["delete", "token"], "fieldofstudy": ["field", "of", "study"],
        "isrememberme": ["is", "remember", "me"], "nextcursor": ["next", "cursor"],
        "otpauthenticator": ["otp", "authenticator"], "rpid": ["rp", "id"],
        "secondfactorauthenticationtoken": ["second", "factor", "authentication", "token"],
        "securityanswer": ["security", "answer"], "securityquestionanswer": ["security", "question", "answer"],
        "smsotptype": ["sms", "otp", "type"], "tokentype": ["token", "type"], "username": ["user", "name"],
        "welcomeemailtemplate": ["welcome", "email", "template"],
    ]

    /// Words LoginRadius splits (`in_validate`, `PasswordLess`), joined into the word they are.
    public static let splitWords: [(String, String, String)] = [
        ("for", "warded", "forwarded"), ("tele", "vision", "television"), ("password", "less", "passwordless"),
        ("in", "validate", "invalidate"),
    ]

    /// Operations whose LoginRadius name says something else than the Swift name must: the one
    /// place a name is chosen by hand.
    public static let operationOverrides: [String: String] = [
        // Its sibling is `mfa_reset_sms_authenticator_by_uid`: one name for one factor.
        "mfa_reset_sms_auth_by_token": "mfaResetSMSAuthenticatorByToken"
    ]

    /// The Swift name of an operation from its LoginRadius (Python SDK) name, e.g.
    /// `auth_in_validate_access_token` in `authentication` → `invalidateAccessToken`.
    ///
    /// In the `authentication` group a leading `auth_` only repeats the group and is dropped.
    public static func operationName(_ loginRadius: String, group: String) -> String {
        if let name = operationOverrides[loginRadius] { return name }
        var name = loginRadius
        if group == "authentication", name.hasPrefix("auth_") { name = String(name.dropFirst(5)) }
        return memberName(name)
    }

    /// The lowerCamelCase Swift name of a parameter, property or operation, e.g. `sms_template`
    /// → `smsTemplate`, `IsEmailOtpAuthenticatorVerified` → `isEmailOTPAuthenticatorVerified`.
    public static func memberName(_ loginRadius: String) -> String {
        words(loginRadius).enumerated().map { index, word in cased(word, first: index == 0, type: false) }.joined()
    }

    /// The UpperCamelCase Swift name of a type, e.g. `ResetPinByEmailAndOtpModel` →
    /// `ResetPINByEmailAndOTPModel`.
    public static func typeName(_ loginRadius: String) -> String {
        words(loginRadius).enumerated().map { index, word in cased(word, first: index == 0, type: true) }.joined()
    }

    /// The mixed-case acronyms in `name` (`Sms` in `resetSmsTemplate`), for the naming test.
    public static func mixedCaseAcronyms(in name: String) -> [String] {
        let words = tokens(name)
        return words.enumerated().compactMap { index, word in
            let lower = word.lowercased()
            guard let acronym = acronyms[lower], word != acronym else { return nil }
            // At the start of a lowerCamel name an acronym is all lower case.
            if index == 0, word == lower { return nil }
            return word
        }
    }

    /// `name` split into words: on `_`, `-` and spaces, then at each case change (a run of
    /// capitals is one word), glued words split and split words joined.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        for word in tokens(name) {
            words += gluedWords[word.lowercased()] ?? [word]
        }
        var joined: [String] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count,
                let join = splitWords.first(where: {
                    $0.0 == words[index].lowercased() && $0.1 == words[index + 1].lowercased()
                })
            {
                joined.append(join.2)
                index += 2
            } else {
                joined.append(words[index])
                index += 1
            }
        }
        return joined
    }

    /// The words of `name` as written, split at separators and case changes; digits stay with the
    /// letters after them (`2FA`).
    static func tokens(_ name: String) -> [String] {
        var result: [String] = []
        for chunk in name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " }) {
            let characters = Array(chunk)
            var current = ""
            for (index, character) in characters.enumerated() {
                let previous = index > 0 ? characters[index - 1] : nil
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                var startsWord = false
                if let previous, !current.isEmpty {
                    if character.isNumber {
                        startsWord = !previous.isNumber
                    } else if character.isUppercase {
                        startsWord =
                            previous.isLowercase
                            || (previous.isUppercase && (next?.isLowercase ?? false))
                            || (previous.isNumber && current.allSatisfy(\.isNumber) == false)
                    }
                }
                if startsWord {
                    result.append(current)
                    current = ""
                }
                current.append(character)
            }
            if !current.isEmpty { result.append(current) }
        }
        return result
    }

    private static func cased(_ word: String, first: Bool, type: Bool) -> String {
        let lower = word.lowercased()
        if word.first?.isNumber ?? false { return word }
        if first && !type { return lower }
        if let acronym = acronyms[lower] { return acronym }
        if word.count > 1, word == word.uppercased() { return word }
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
