/// Where the end user's IP address (sent to LoginRadius as `X-Origin-IP`) comes from in a server.
///
/// The framework plugins (`LRHummingbird`, `LRVapor`) read the peer address and the
/// `X-Forwarded-For` header from their own request types and ask this policy which one to send.
/// `X-Forwarded-For` is trusted only when you say so: behind your own reverse proxy it holds the
/// client's address, but anyone can send one to a server reached directly.
public struct OriginIPSource: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case none, peer, forwardedFor }
    let kind: Kind

    /// Send no origin IP.
    public static let none = OriginIPSource(kind: .none)
    /// The connection's peer address.
    public static let peer = OriginIPSource(kind: .peer)
    /// The first address of `X-Forwarded-For`, else the peer address: only behind a proxy you run.
    public static let trustedForwardedFor = OriginIPSource(kind: .forwardedFor)

    /// The end user's address.
    ///
    /// - Parameters:
    ///   - peer: The connection's peer address (read only when this source uses it).
    ///   - forwardedFor: The request's `X-Forwarded-For` value (read only when trusted).
    /// - Returns: The address to send as `X-Origin-IP`, or `nil` to send none.
    public func address(peer: () -> String?, forwardedFor: () -> String?) -> String? {
        switch kind {
        case .none:
            return nil
        case .forwardedFor:
            if var address = forwardedFor()?.split(separator: ",").first {
                while address.first?.isWhitespace == true { address.removeFirst() }
                while address.last?.isWhitespace == true { address.removeLast() }
                if !address.isEmpty { return String(address) }
            }
            return peer()
        case .peer:
            return peer()
        }
    }
}
