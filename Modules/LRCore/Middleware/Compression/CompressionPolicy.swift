/// What ``CompressionMiddleware`` does with bodies.
///
/// Responses: with ``decompressResponses`` on (the default) every request advertises
/// `Accept-Encoding: gzip, deflate`, and a gzip or deflate body is decoded with zlib before
/// anything else sees it. The decoded size is capped by ``maxDecompressedSize`` (default 8 MiB),
/// so a decompression bomb fails the call with ``TransportFailure/Kind/responseTooLarge`` instead
/// of exhausting memory.
///
/// Requests: with ``compressRequests`` on (off by default, since not every LoginRadius endpoint
/// or proxy accepts compressed bodies) a body of at least ``requestCompressionThreshold`` bytes is
/// sent gzip-compressed with `Content-Encoding: gzip`. A request that request signing will sign
/// (one carrying `X-LoginRadius-ApiSecret` while ``LoginRadiusConfiguration/requestSigning`` is on)
/// is never compressed: LoginRadius computes the digest over the body it reads, so the signature
/// must cover the uncompressed JSON that is sent.
public struct CompressionPolicy: Sendable, Hashable {
    /// The default decoded-size cap: 8 MiB.
    public static let defaultMaxDecompressedSize = 8 * 1024 * 1024
    /// Responses decoded, requests sent as they are.
    public static let `default` = CompressionPolicy()
    /// Nothing advertised, decoded or compressed.
    public static let disabled = CompressionPolicy(decompressResponses: false, compressRequests: false)

    /// Advertise `Accept-Encoding: gzip, deflate` and decode such responses. Default `true`.
    public var decompressResponses: Bool
    /// Largest decoded response body, in bytes; a larger one fails the call with
    /// ``TransportFailure/Kind/responseTooLarge``. Default 8 MiB.
    public var maxDecompressedSize: Int
    /// Gzip request bodies of at least ``requestCompressionThreshold`` bytes. Default `false`.
    public var compressRequests: Bool
    /// The smallest request body, in bytes, that is compressed. Default 1024.
    public var requestCompressionThreshold: Int

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - decompressResponses: Advertise and decode gzip/deflate responses; default `true`.
    ///   - maxDecompressedSize: The decoded-size cap in bytes; default 8 MiB.
    ///   - compressRequests: Gzip large request bodies; default `false`.
    ///   - requestCompressionThreshold: The smallest body compressed, in bytes; default 1024.
    public init(
        decompressResponses: Bool = true,
        maxDecompressedSize: Int = CompressionPolicy.defaultMaxDecompressedSize,
        compressRequests: Bool = false,
        requestCompressionThreshold: Int = 1024
    ) {
        self.decompressResponses = decompressResponses
        self.maxDecompressedSize = maxDecompressedSize
        self.compressRequests = compressRequests
        self.requestCompressionThreshold = requestCompressionThreshold
    }

    /// Whether the policy does anything at all.
    public var isEnabled: Bool { decompressResponses || compressRequests }

    /// Checks the values.
    ///
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when the size cap is not positive
    ///   or the threshold is negative.
    public func validate() throws {
        if maxDecompressedSize <= 0 {
            throw LoginRadiusError.invalidConfiguration("compression: maxDecompressedSize must be positive")
        }
        if requestCompressionThreshold < 0 {
            throw LoginRadiusError.invalidConfiguration("compression: requestCompressionThreshold must not be negative")
        }
    }
}
