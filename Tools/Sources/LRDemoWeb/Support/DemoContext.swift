// The request context: Hummingbird's core storage (request-scoped logger included), the peer's
// address, the browser's session and, for POSTs, the decoded form (set by SessionMiddleware), and
// the signed-in user (set by LRHummingbird's LoginRadiusAuthenticator from the session's token).
import Hummingbird
import HummingbirdAuth
import LRHummingbird
import NIOCore

struct DemoContext: AuthRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The user the session's access token belongs to, as LoginRadius validated it (cached by
    /// the authenticator's `AccessTokenValidator`); `nil` when nobody is signed in or LoginRadius
    /// refused the token.
    var identity: LoginRadiusUser?
    /// The browser's address, the origin IP sent to LoginRadius.
    let remoteAddress: SocketAddress?
    /// The origin IP for this request's LoginRadius calls (set by OriginIPMiddleware).
    var originIP: String?
    /// The session as it was when the request arrived. Change it through `SessionStore.update`.
    var session = Session(id: "", csrfToken: "")
    /// The `application/x-www-form-urlencoded` body of a POST.
    var form = FormData()
    /// The one-time message left for this page by the previous request (set for GETs).
    var flash: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The signed-in user's access token: the session's, once LoginRadius accepted it.
    var accessToken: String? { identity == nil ? nil : session.accessToken }

    /// Whether LoginRadius accepted the session's access token.
    var isSignedIn: Bool { identity != nil }
}

/// A decoded `application/x-www-form-urlencoded` body.
struct FormData: Sendable {
    private var values: [String: String] = [:]

    init() {}

    init(urlEncoded body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.flatMap({ Self.decode($0) }) else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    /// The trimmed value of a field, "" when absent.
    subscript(name: String) -> String {
        (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value exactly as sent (passwords are not trimmed).
    func raw(_ name: String) -> String { values[name] ?? "" }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
