// The fast decoding path for the two generic reply shapes: available when the payload type has
// one too (``Identity`` and every generated model do; a custom `Codable` profile falls back to
// `JSONDecoder`).

extension AccessToken: JSONValueDecodable where Profile: JSONValueDecodable {
    /// Builds the value from a parsed JSON object, with the same rules as ``init(from:)``.
    ///
    /// - Throws: ``JSONValueMismatch`` when `jsonValue` is not an object.
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .object(let members) = jsonValue else { throw JSONValueMismatch(Self.self, jsonValue) }
        self.init()
        var additional: [String: JSONValue] = [:]
        for (key, member) in members {
            switch key {
            case "access_token": accessToken = member.lenient(String.self, key: key, additionalFields: &additional)
            case "refresh_token": refreshToken = member.lenient(String.self, key: key, additionalFields: &additional)
            case "expires_in": expiresIn = member.lenient(LoginRadiusDate.self, key: key, additionalFields: &additional)
            case "session_token": sessionToken = member.lenient(String.self, key: key, additionalFields: &additional)
            case "session_expires_in":
                sessionExpiresIn = member.lenient(LoginRadiusDate.self, key: key, additionalFields: &additional)
            case "Profile": profile = member.lenient(Profile.self, key: key, additionalFields: &additional)
            default: additional[key] = member
            }
        }
        additionalFields = additional
    }
}

extension PostResponseWithData: JSONValueDecodable where Data: JSONValueDecodable {
    /// Builds the value from a parsed JSON object, with the same rules as ``init(from:)``.
    ///
    /// - Throws: ``JSONValueMismatch`` when `jsonValue` is not an object.
    public init(jsonValue: JSONValue) throws(JSONValueMismatch) {
        guard case .object(let members) = jsonValue else { throw JSONValueMismatch(Self.self, jsonValue) }
        self.init()
        var additional: [String: JSONValue] = [:]
        for (key, member) in members {
            switch key {
            case "IsPosted": isPosted = member.lenient(Bool.self, key: key, additionalFields: &additional)
            case "Data": data = member.lenient(Data.self, key: key, additionalFields: &additional)
            default: additional[key] = member
            }
        }
        additionalFields = additional
    }
}
