#if Vapor
    public import Vapor

    /// Where the end user's IP address (sent to LoginRadius as `X-Origin-IP`) comes from.
    ///
    /// `X-Forwarded-For` is trusted only when you say so: behind your own reverse proxy it holds
    /// the client's address, but anyone can send one to a server reached directly. (Vapor's
    /// `Request.peerAddress` always trusts `Forwarded` and `X-Forwarded-For`, so it is not used.)
    public struct OriginIPSource: Sendable {
        enum Kind { case none, peer, forwardedFor }
        let kind: Kind

        /// Send no origin IP.
        public static let none = OriginIPSource(kind: .none)
        /// The connection's peer address (`Request.remoteAddress`).
        public static let peer = OriginIPSource(kind: .peer)
        /// The first address of `X-Forwarded-For`, else the peer address: only behind a proxy you run.
        public static let trustedForwardedFor = OriginIPSource(kind: .forwardedFor)

        /// The end user's address for `request`, or `nil`.
        public func address(for request: Request) -> String? {
            switch kind {
            case .none:
                return nil
            case .forwardedFor:
                if let forwarded = request.headers.first(name: .xForwardedFor)?.split(separator: ",").first {
                    let address = forwarded.trimmingCharacters(in: .whitespaces)
                    if !address.isEmpty { return address }
                }
                return request.remoteAddress?.ipAddress
            case .peer:
                return request.remoteAddress?.ipAddress
            }
        }
    }
#endif
