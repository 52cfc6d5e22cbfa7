/// A login reply: an access token, its expiry and refresh token, and the user's profile.
///
/// LoginRadius sends this shape from every operation that logs a user in (login by email or user
/// name, registration, email verification, social login, …):
///
/// ```json
/// {
///   "Profile": { "Uid": "…", "Email": [{ "Type": "Primary", "Value": "…" }], … },
///   "access_token": "c3b8130e-…",
///   "refresh_token": "5b8a0b7c-…",
///   "expires_in": "2024-05-01T10:52:36.1644137Z"
/// }
/// ```
///
/// `Profile` is usually ``Identity``; use ``JSONValue`` or your own `Codable` type for a custom
/// shape. Every field is optional. Members not declared here (a new field LoginRadius adds, or a
/// declared field of an unexpected type) are kept in ``additionalFields`` and encoded back.
///
/// - SeeAlso: https://www.loginradius.com/legacy/docs/api/v2/customer-identity-api/authentication/auth-login-by-email/
public struct AccessToken<Profile: Codable & Sendable>: Codable, Sendable {
    /// The access token (a UUID) to send with calls made for this user. JSON member `access_token`.
    public var accessToken: String?
    /// The refresh token, when refresh tokens are enabled for the app. JSON member `refresh_token`.
    public var refreshToken: String?
    /// When ``accessToken`` expires, in UTC (e.g. `2024-05-01T10:52:36.1644137Z`; read it with
    /// ``LoginRadiusDate/date``). JSON member `expires_in`.
    public var expiresIn: LoginRadiusDate?
    /// The session token, when sessions are enabled for the app. JSON member `session_token`.
    public var sessionToken: String?
    /// When ``sessionToken`` expires, in UTC. JSON member `session_expires_in`.
    public var sessionExpiresIn: LoginRadiusDate?
    /// The user's profile. JSON member `Profile`.
    public var profile: Profile?
    /// Members not declared above, as LoginRadius sent them (or as you want them sent).
    public var additionalFields: [String: JSONValue]

    /// The JSON member names of the declared fields.
    package static var knownFields: Set<String> {
        ["access_token", "refresh_token", "expires_in", "session_token", "session_expires_in", "Profile"]
    }

    /// Creates a value; every field defaults to absent.
    ///
    /// - Parameters:
    ///   - accessToken: The access token (`access_token`).
    ///   - refreshToken: The refresh token (`refresh_token`).
    ///   - expiresIn: When the access token expires (`expires_in`).
    ///   - sessionToken: The session token (`session_token`).
    ///   - sessionExpiresIn: When the session expires (`session_expires_in`).
    ///   - profile: The user's profile (`Profile`).
    ///   - additionalFields: Other members to send.
    public init(
        accessToken: String? = nil,
        refreshToken: String? = nil,
        expiresIn: LoginRadiusDate? = nil,
        sessionToken: String? = nil,
        sessionExpiresIn: LoginRadiusDate? = nil,
        profile: Profile? = nil,
        additionalFields: [String: JSONValue] = [:]
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
        self.sessionToken = sessionToken
        self.sessionExpiresIn = sessionExpiresIn
        self.profile = profile
        self.additionalFields = additionalFields
    }

    /// Decodes the value; a member of an unexpected type is kept in ``additionalFields``.
    ///
    /// A `Profile` member that cannot be decoded as `Profile` leaves ``profile`` `nil` and is
    /// kept, untouched, in `additionalFields["Profile"]`. The value is read as a ``JSONValue`` and
    /// built by `init(reading:)`, the same code the fast paths run.
    ///
    /// - Throws: `DecodingError` only when the value is not a JSON object.
    public init(from decoder: any Decoder) throws {
        var reader = JSONTreeReader(try JSONValue(from: decoder))
        do {
            try self.init(reading: &reader)
        } catch {
            throw DecodingError.typeMismatch(
                Self.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a JSON object"))
        }
    }

    /// The one decoding path, from the reply's bytes or from a tree: the members of a JSON
    /// object, each with the lenient rule.
    package init<Reader: JSONReader>(reading reader: inout Reader) throws(JSONReadError) {
        var object = try reader.beginObject(Self.self, members: accessTokenMembers)
        self.init()
        while let member = try reader.nextMember(&object) {
            switch member {
            case 0: accessToken = try reader.member(String.self, &object)
            case 1: refreshToken = try reader.member(String.self, &object)
            case 2: expiresIn = try reader.member(LoginRadiusDate.self, &object)
            case 3: sessionToken = try reader.member(String.self, &object)
            case 4: sessionExpiresIn = try reader.member(LoginRadiusDate.self, &object)
            case 5: profile = try reader.memberDecodable(Profile.self, &object)
            default: break
            }
        }
        additionalFields = object.additionalFields
    }

    /// Encodes the declared fields that are set, then ``additionalFields`` (a declared field wins).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicCodingKey.self)
        var encoded = Set<String>()
        func put<Value: Encodable>(_ value: Value?, _ key: String) throws {
            guard let value else { return }
            try container.encode(value, forKey: DynamicCodingKey(key))
            encoded.insert(key)
        }
        try put(accessToken, "access_token")
        try put(refreshToken, "refresh_token")
        try put(expiresIn, "expires_in")
        try put(sessionToken, "session_token")
        try put(sessionExpiresIn, "session_expires_in")
        try put(profile, "Profile")
        try container.encodeAdditionalFields(additionalFields, excluding: encoded)
    }
}

extension AccessToken: Equatable where Profile: Equatable {}
extension AccessToken: Hashable where Profile: Hashable {}

/// A reply that reports success and carries data: `{"IsPosted": true, "Data": …}`.
///
/// LoginRadius answers this way when an operation both changes something and returns the result,
/// e.g. "Update Profile by Access Token" (`Data` is the updated ``Identity``) or registration and
/// email verification (`Data` is an ``AccessToken``). Every field is optional; members not
/// declared here are kept in ``additionalFields`` and encoded back.
///
/// - SeeAlso: https://www.loginradius.com/legacy/docs/api/v2/customer-identity-api/authentication/auth-update-profile-by-token/
public struct PostResponseWithData<Data: Codable & Sendable>: Codable, Sendable {
    /// Whether the operation succeeded. JSON member `IsPosted`.
    public var isPosted: Bool?
    /// The operation's result. JSON member `Data`.
    public var data: Data?
    /// Members not declared above, as LoginRadius sent them (or as you want them sent).
    public var additionalFields: [String: JSONValue]

    /// The JSON member names of the declared fields.
    package static var knownFields: Set<String> { ["IsPosted", "Data"] }

    /// Creates a value; every field defaults to absent.
    ///
    /// - Parameters:
    ///   - isPosted: Whether the operation succeeded (`IsPosted`).
    ///   - data: The operation's result (`Data`).
    ///   - additionalFields: Other members to send.
    public init(isPosted: Bool? = nil, data: Data? = nil, additionalFields: [String: JSONValue] = [:]) {
        self.isPosted = isPosted
        self.data = data
        self.additionalFields = additionalFields
    }

    /// Decodes the value; a member of an unexpected type is kept in ``additionalFields``.
    ///
    /// A `Data` member that cannot be decoded as `Data` leaves ``data`` `nil` and is kept,
    /// untouched, in `additionalFields["Data"]`. The value is read as a ``JSONValue`` and built by
    /// `init(reading:)`, the same code the fast paths run.
    ///
    /// - Throws: `DecodingError` only when the value is not a JSON object.
    public init(from decoder: any Decoder) throws {
        var reader = JSONTreeReader(try JSONValue(from: decoder))
        do {
            try self.init(reading: &reader)
        } catch {
            throw DecodingError.typeMismatch(
                Self.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a JSON object"))
        }
    }

    /// The one decoding path, from the reply's bytes or from a tree: the members of a JSON
    /// object, each with the lenient rule.
    package init<Reader: JSONReader>(reading reader: inout Reader) throws(JSONReadError) {
        var object = try reader.beginObject(Self.self, members: postResponseMembers)
        self.init()
        while let member = try reader.nextMember(&object) {
            switch member {
            case 0: isPosted = try reader.member(Bool.self, &object)
            case 1: data = try reader.memberDecodable(Data.self, &object)
            default: break
            }
        }
        additionalFields = object.additionalFields
    }

    /// Encodes the declared fields that are set, then ``additionalFields`` (a declared field wins).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicCodingKey.self)
        var encoded = Set<String>()
        if let isPosted {
            try container.encode(isPosted, forKey: DynamicCodingKey("IsPosted"))
            encoded.insert("IsPosted")
        }
        if let data {
            try container.encode(data, forKey: DynamicCodingKey("Data"))
            encoded.insert("Data")
        }
        try container.encodeAdditionalFields(additionalFields, excluding: encoded)
    }
}

extension PostResponseWithData: Equatable where Data: Equatable {}
extension PostResponseWithData: Hashable where Data: Hashable {}

/// `AccessToken`'s members in the order its `init(reading:)` numbers them (a generic type has no
/// stored static properties).
private let accessTokenMembers = JSONMemberTable([
    "access_token", "refresh_token", "expires_in", "session_token", "session_expires_in", "Profile",
])

/// `PostResponseWithData`'s members in the order its `init(reading:)` numbers them.
private let postResponseMembers = JSONMemberTable(["IsPosted", "Data"])
