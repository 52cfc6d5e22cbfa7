#if Vapor
    public import Vapor

    extension OriginIPSource {
        /// The end user's address for `request`, or `nil`.
        ///
        /// The peer address is the connection's (`Request.remoteAddress`): Vapor's
        /// `Request.peerAddress` always trusts `Forwarded` and `X-Forwarded-For`, so it is not used.
        public func address(for request: Request) -> String? {
            address(
                peer: { request.remoteAddress?.ipAddress },
                forwardedFor: { request.headers.first(name: .xForwardedFor) })
        }
    }
#endif
