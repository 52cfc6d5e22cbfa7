// Server-side sessions. The browser holds only a signed session id (see SessionCookie); the
// LoginRadius access token, the pending second-factor token and the CSRF token live here.
import Crypto
import Foundation
import Hummingbird
import HummingbirdAuth
import LRHummingbird

/// What the app remembers about one browser.
struct Session: Sendable {
    let id: String
    /// Per-session CSRF token: every form carries it, every POST must send it back.
    let csrfToken: String
    /// The LoginRadius access token of the signed-in user. Never sent to the browser: each
    /// request's authenticator finds it here (see `SessionStore.tokenSource`) and validates it.
    var accessToken: String?
    /// The `SecondFactorAuthenticationToken` between the password step and the code step of an
    /// MFA login.
    var secondFactorToken: String?
    /// A one-time message shown on the next page (after a redirect).
    var flash: String?
    /// When the browser last used the session; idle sessions are forgotten.
    var lastSeen = Date()
    /// Set at sign-in and sign-out: the session gets a new id (and CSRF token) before the
    /// response goes out, so that an id known before sign-in is worthless after it.
    var needsNewID = false
}

/// In-memory session store. A real deployment would use a shared store (Redis, a database) —
/// Hummingbird's `PersistDriver` is one option — so that sessions survive restarts.
actor SessionStore {
    private var sessions: [String: Session] = [:]
    /// Sessions unused for this long are forgotten.
    let idleLifetime: TimeInterval

    init(idleLifetime: TimeInterval = 12 * 3600) {
        self.idleLifetime = idleLifetime
    }

    func create() -> Session {
        let now = Date()
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < idleLifetime }
        let session = Session(id: Self.randomToken(), csrfToken: Self.randomToken())
        sessions[session.id] = session
        return session
    }

    /// The live session with this id (and marks it used).
    func session(id: String) -> Session? {
        guard var session = sessions[id], Date().timeIntervalSince(session.lastSeen) < idleLifetime else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = Date()
        sessions[id] = session
        return session
    }

    /// Applies `change` to the session and returns the new value (nil if it is gone).
    @discardableResult
    func update(_ id: String, _ change: @Sendable (inout Session) -> Void) -> Session? {
        guard var session = sessions[id] else { return nil }
        change(&session)
        sessions[id] = session
        return session
    }

    /// When the session asked for a new id: moves it to a new id and CSRF token and returns it.
    func renewIfRequested(_ id: String) -> Session? {
        guard let old = sessions[id], old.needsNewID else { return nil }
        var renewed = Session(id: Self.randomToken(), csrfToken: Self.randomToken())
        renewed.accessToken = old.accessToken
        renewed.secondFactorToken = old.secondFactorToken
        renewed.flash = old.flash
        sessions[id] = nil
        sessions[renewed.id] = renewed
        return renewed
    }

    /// Returns the flash message and clears it.
    func takeFlash(_ id: String) -> String? {
        let flash = sessions[id]?.flash
        sessions[id]?.flash = nil
        return flash
    }

    /// The access token of the live session with this id, without marking it used.
    func accessToken(sessionID id: String) -> String? {
        guard let session = sessions[id], Date().timeIntervalSince(session.lastSeen) < idleLifetime else { return nil }
        return session.accessToken
    }

    func remove(_ id: String) {
        sessions[id] = nil
    }

    /// 256 random bits as 64 hex digits.
    static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { bytes in
            bytes.map { String(format: "%02x", $0) }.joined()
        }
    }
}

extension SessionStore {
    /// Where LRHummingbird's authenticator finds a request's access token: the browser's signed
    /// session cookie names a session here, which holds the token. A missing, unsigned or
    /// forged cookie, an expired session or a signed-out one gives none (the request goes on
    /// unauthenticated); an `Authorization` header is ignored.
    nonisolated func tokenSource<Context: AuthRequestContext<LoginRadiusUser>>(
        cookie: SessionCookie, context: Context.Type = Context.self
    ) -> LoginRadiusAuthenticator<Context>.TokenSource {
        .init { [self] request, _ in
            guard let value = request.cookies[SessionCookie.name]?.value, let id = cookie.sessionID(from: value)
            else { return nil }
            return await accessToken(sessionID: id)
        }
    }
}

/// The session cookie: `<session id>.<base64url HMAC-SHA256(key, session id)>`, HttpOnly,
/// SameSite=Lax, Path=/. A cookie whose signature does not match is ignored.
struct SessionCookie: Sendable {
    static let name = "lrdemo_session"
    /// The HMAC key's bytes (`SymmetricKey` is not `Sendable`).
    let key: Data
    /// Set the `Secure` attribute (serve over HTTPS in production).
    let secure: Bool

    func value(for sessionID: String) -> String {
        "\(sessionID).\(signature(of: sessionID))"
    }

    /// The session id in a cookie value, when its signature is valid.
    func sessionID(from value: String) -> String? {
        let parts = value.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let id = String(parts[0])
        guard let mac = Data(base64URLEncoded: String(parts[1])),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(id.utf8), using: SymmetricKey(data: key))
        else { return nil }
        return id
    }

    private func signature(of sessionID: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(sessionID.utf8), using: SymmetricKey(data: key))
        return Data(mac).base64URLEncodedString()
    }
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}

/// Compares two strings in time that depends on their length only (for CSRF tokens).
func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}
