import Foundation

/// Compressed bodies on the wire, plain bodies everywhere else, with zlib (no other library).
///
/// - Responses (``CompressionPolicy/decompressResponses``): adds `Accept-Encoding: gzip, deflate`
///   unless the request already has an `Accept-Encoding`, and decodes a `gzip`, `x-gzip` or
///   `deflate` (zlib or bare deflate) body, removing `Content-Encoding` and `Content-Length`
///   from the response. An encoding it does not know (`br`, never advertised) is left as it is.
/// - Requests (``CompressionPolicy/compressRequests``, off by default): gzips a body of at least
///   ``CompressionPolicy/requestCompressionThreshold`` bytes and adds `Content-Encoding: gzip`,
///   when that makes it smaller. Never for a request that request signing will sign (it carries
///   `X-LoginRadius-ApiSecret` and `requestSigning` is on): LoginRadius verifies the digest over
///   the JSON it reads, so the signature must cover the body as sent.
///
/// Installed by ``LoginRadiusClient`` from ``LoginRadiusConfiguration/compression``, outside the
/// retry loop: a request is compressed once, and only the final response is decoded.
public struct CompressionMiddleware: LoginRadiusMiddleware {
    /// The value of `Accept-Encoding` the middleware sends.
    public static let acceptEncoding = "gzip, deflate"

    /// The policy.
    public let policy: CompressionPolicy
    /// Whether request signing is on, so requests carrying the API secret header stay uncompressed.
    public let requestSigning: Bool

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - policy: What to decode and compress; default ``CompressionPolicy/default``.
    ///   - requestSigning: Whether ``RequestSigningMiddleware`` runs inside this middleware
    ///     (``LoginRadiusConfiguration/requestSigning``); default `false`.
    public init(policy: CompressionPolicy = .default, requestSigning: Bool = false) {
        self.policy = policy
        self.requestSigning = requestSigning
    }

    /// Compresses the request body when the policy says so, sends it, and decodes the response.
    ///
    /// - Throws: Whatever the rest of the pipeline throws; ``LoginRadiusError/transport(_:)``
    ///   with ``TransportFailure/Kind/responseTooLarge`` when the decoded body would exceed
    ///   ``CompressionPolicy/maxDecompressedSize``, and with ``TransportFailure/Kind/other`` when
    ///   the compressed body is corrupt or truncated.
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        var request = request
        if policy.decompressResponses, !request.headers.contains("Accept-Encoding") {
            request.headers["Accept-Encoding"] = Self.acceptEncoding
        }
        if policy.compressRequests { compressBody(of: &request) }
        let response = try await next(request, context)
        guard policy.decompressResponses else { return response }
        return try decode(response)
    }

    /// Gzips the body in place when it is large enough, unsigned, not yet encoded, and shrinks.
    func compressBody(of request: inout LoginRadiusRequest) {
        guard let body = request.body, body.count >= policy.requestCompressionThreshold, !body.isEmpty,
            !request.headers.contains("Content-Encoding"),
            !(requestSigning && request.headers.contains(LoginRadiusHeaderName.apiSecret)),
            let compressed = try? Zlib.compress(body, format: .gzip), compressed.count < body.count
        else { return }
        request.body = compressed
        request.headers["Content-Encoding"] = "gzip"
    }

    /// `response` with its body decoded as its `Content-Encoding` says.
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` (``TransportFailure/Kind/responseTooLarge``
    ///   or ``TransportFailure/Kind/other``).
    public func decode(_ response: LoginRadiusResponse) throws -> LoginRadiusResponse {
        guard let header = response.headers["Content-Encoding"], !response.body.isEmpty else { return response }
        let codings = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
        guard !codings.isEmpty else { return response }
        guard codings.allSatisfy({ ["gzip", "x-gzip", "deflate"].contains($0) }) else { return response }
        var body = response.body
        // Codings are listed in the order they were applied; undo them from the last.
        for coding in codings.reversed() {
            body = try decodeOne(body, coding: coding)
        }
        var decoded = response
        decoded.body = body
        decoded.headers.remove("Content-Encoding")
        decoded.headers.remove("Content-Length")
        return decoded
    }

    private func decodeOne(_ body: Data, coding: String) throws -> Data {
        let limit = policy.maxDecompressedSize
        do throws(Zlib.Failure) {
            do throws(Zlib.Failure) {
                return try Zlib.decompress(body, format: .automatic, limit: limit)
            } catch .corrupt where coding == "deflate" {
                // `deflate` should be zlib-wrapped (RFC 9110 §8.4.1.2), but some servers send it bare.
                return try Zlib.decompress(body, format: .raw, limit: limit)
            }
        } catch {
            throw Self.error(for: error, coding: coding, limit: limit)
        }
    }

    private static func error(for failure: Zlib.Failure, coding: String, limit: Int) -> LoginRadiusError {
        let message: String
        let kind: TransportFailure.Kind
        switch failure {
        case .limitExceeded:
            kind = .responseTooLarge
            message =
                "the \(coding) response body decodes to more than \(limit) bytes (CompressionPolicy.maxDecompressedSize)"
        case .corrupt(let reason):
            kind = .other
            message = "the \(coding) response body is corrupt: \(reason)"
        case .truncated:
            kind = .other
            message = "the \(coding) response body is truncated"
        case .zlibError(let code):
            kind = .other
            message = "zlib could not decode the \(coding) response body (error \(code))"
        }
        return .transport(TransportFailure(kind: kind, message: message, mayHaveReachedServer: true))
    }
}
