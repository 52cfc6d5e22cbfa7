// The reply and body types the plain-Swift clients (urlsession-bench, ahc-bench) decode and
// encode: a 10-field `Codable` view of the canned login reply, what an app writes without an SDK.
public struct LoginReply: Decodable, Sendable {
    public struct Profile: Decodable, Sendable {
        public struct Email: Decodable, Sendable {
            public var type: String
            public var value: String
            enum CodingKeys: String, CodingKey {
                case type = "Type"
                case value = "Value"
            }
        }
        public var Uid: String
        public var ID: String?
        public var FirstName: String?
        public var LastName: String?
        public var FullName: String?
        public var Email: [Email]?
        public var EmailVerified: Bool?
        public var IsActive: Bool?
        public var LastLoginDate: String?
        public var Roles: [String]?
    }
    public var access_token: String
    public var refresh_token: String?
    public var expires_in: String
    public var Profile: Profile
}

public struct LoginBody: Encodable, Sendable {
    public var email: String
    public var password: String

    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }
}
