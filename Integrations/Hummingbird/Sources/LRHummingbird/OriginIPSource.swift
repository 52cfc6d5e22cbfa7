#if Hummingbird
    import Foundation
    public import Hummingbird

    /// Where the end user's IP address (sent to LoginRadius as `X-Origin-IP`) comes from.
    ///
    /// `X-Forwarded-For` is trusted only when you say so: behind your own reverse proxy it holds
    /// the client's address, but anyone can send one to a server reached directly.
    public struct OriginIPSource: Sendable {
        enum Kind { case none, peer, forwardedFor }
        let kind: Kind

        /// Send no origin IP.
        public static let none = OriginIPSource(kind: .none)
        /// The connection's peer address (needs a context conforming to `RemoteAddressRequestContext`).
        public static let peer = OriginIPSource(kind: .peer)
        /// The first address of `X-Forwarded-For`, else the peer address: only behind a proxy you run.
        public static let trustedForwardedFor = OriginIPSource(kind: .forwardedFor)

        /// The end user's address for `request`, or `nil`.
        public func address(for request: Request, context: some RequestContext) -> String? {
            switch kind {
            case .none:
                return nil
            case .forwardedFor:
                if let forwarded = request.headers.first(where: { $0.name.canonicalName == "x-forwarded-for" })?
                    .value.split(separator: ",").first
                {
                    let address = forwarded.trimmingCharacters(in: CharacterSet.whitespaces)
                    if !address.isEmpty { return address }
                }
                return Self.peerAddress(context)
            case .peer:
                return Self.peerAddress(context)
            }
        }

        private static func peerAddress(_ context: some RequestContext) -> String? {
            (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
        }
    }
#endif
