/// Why a webhook delivery was refused. Answer such a delivery with 401 (or 400 for
/// ``Code/malformedPayload``) and do not act on it.
public struct WebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. New codes may be added in any release; a `switch` needs a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The verifier was given no usable secret.
        public static let noSecret = Code("noSecret")
        /// The delivery has no `signature` header.
        public static let missingSignature = Code("missingSignature")
        /// The signature is malformed or matches none of the secrets: the body was changed, or
        /// the delivery is not from LoginRadius (or was signed with another secret).
        public static let invalidSignature = Code("invalidSignature")
        /// The signature is valid but the body is not a LoginRadius webhook payload.
        public static let malformedPayload = Code("malformedPayload")

        /// The code's name, e.g. `invalidSignature`.
        public var description: String { name }

        /// Whether `error` is a ``WebhookVerificationError`` with this code.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? WebhookVerificationError)?.code == code
        }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for logs; never quotes the body, the signature or a secret.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
