#if Hummingbird
    public import Hummingbird

    extension OriginIPSource {
        /// The end user's address for `request`, or `nil`.
        ///
        /// The peer address needs a context conforming to `RemoteAddressRequestContext`.
        public func address(for request: Request, context: some RequestContext) -> String? {
            address(
                peer: { (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress },
                forwardedFor: { request.headers.first { $0.name.canonicalName == "x-forwarded-for" }?.value })
        }
    }
#endif
