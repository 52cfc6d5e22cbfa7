// Reads profile fields from registration and update bodies. Field names are matched
// case-insensitively; unknown fields are ignored, as LoginRadius ignores them.
import Foundation

enum ProfileInput {
    /// The writable profile fields of a body, under their canonical names.
    static func writableFields(of body: JSONObject) -> JSONObject {
        var profile = JSONObject()
        for entry in body.entries {
            guard let name = IdentityFields.writableName(for: entry.key) else { continue }
            profile[name] = entry.value
        }
        return profile
    }

    /// Merges an update into a stored profile. A null value clears the field only when the
    /// request asked for `nullSupport`; otherwise nulls are ignored, like LoginRadius.
    static func merge(_ update: JSONObject, into profile: inout JSONObject, nullSupport: Bool) {
        for entry in update.entries {
            if entry.value.isNull {
                if nullSupport { profile[entry.key] = nil }
            } else {
                profile[entry.key] = entry.value
            }
        }
    }

    /// The `Email` array of a body: `[{"Type": "Primary", "Value": "..."}]` (keys in any case),
    /// or, leniently, a bare string. Throws 1201 for an entry without a type.
    static func emails(of body: JSONObject) throws(LoginRadiusAPIError) -> [EmailAddress] {
        guard let field = body[caseInsensitive: "Email"] else { return [] }
        if let single = field.stringValue {
            return [EmailAddress(type: "Primary", value: single.trimmingCharacters(in: .whitespaces), verified: false)]
        }
        guard let entries = field.arrayValue else { throw LoginRadiusAPIError(.validEmailRequired) }
        var emails: [EmailAddress] = []
        for entry in entries {
            guard let object = entry.objectValue, let value = object.string("Value") else {
                throw LoginRadiusAPIError(.validEmailRequired)
            }
            guard let type = object.string("Type") else { throw LoginRadiusAPIError(.emailTypeRequired) }
            emails.append(EmailAddress(type: type, value: value.trimmingCharacters(in: .whitespaces), verified: false))
        }
        return emails
    }
}
