import CLibCurl

extension TransportFailure {
    /// Maps a failed transfer's `CURLcode` to the SDK's transport failure.
    ///
    /// `mayHaveReachedServer` is `false` only when the request certainly never left: name
    /// resolution and connect failures, and failures before `CURLINFO_PRETRANSFER_TIME_T` was
    /// recorded (libcurl records it, at least 1 µs, just before it sends the request; a TLS
    /// handshake failure or a timeout during connect therefore reports `false`).
    ///
    /// The message is libcurl's error buffer, or `curl_easy_strerror`; neither ever contains the
    /// request's header values (they may carry the API secret or an access token).
    ///
    /// - Parameters:
    ///   - rawCode: The transfer's `CURLcode`.
    ///   - pretransferMicroseconds: `CURLINFO_PRETRANSFER_TIME_T`; `0` when the request was never sent.
    ///   - errorMessage: The error buffer's text, or `nil` to use `curl_easy_strerror`.
    ///   - exceededSizeCap: Whether the write or header callback refused data over the size cap.
    ///   - maxResponseSize: The cap, in bytes, for the message.
    /// - Returns: The failure: its kind from the code, libcurl's code, the message, and whether the
    ///   request may have reached the server.
    package static func curl(
        code rawCode: UInt32, pretransferMicroseconds: Int64, errorMessage: String?, exceededSizeCap: Bool,
        maxResponseSize: Int
    ) -> TransportFailure {
        let code = CURLcode(rawValue: rawCode)
        let sent = pretransferMicroseconds > 0
        let detail = errorMessage ?? String(cString: curl_easy_strerror(code))
        func failure(_ kind: Kind, _ mayHaveReachedServer: Bool, _ message: String = detail) -> TransportFailure {
            TransportFailure(
                kind: kind, message: message, mayHaveReachedServer: mayHaveReachedServer, curlCode: Int(rawCode))
        }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return failure(.couldNotResolveHost, false)
        case CURLE_COULDNT_CONNECT:
            return failure(.couldNotConnect, false)
        case CURLE_SSL_CONNECT_ERROR:
            // The handshake itself failed (a reset mid-handshake, a protocol error): may pass.
            return failure(.tls, sent)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT,
            CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED:
            // Certificate and TLS configuration problems fail the same way every time.
            return failure(.tlsCertificate, sent)
        case CURLE_OPERATION_TIMEDOUT:
            return failure(.timedOut, sent)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2_STREAM:
            return failure(.connectionLost, true)
        case CURLE_ABORTED_BY_CALLBACK:
            // Only the pre-request check aborts (CurlConnectionGuard): the connection had data or
            // a close waiting before the request went out, on a fresh connection too.
            return failure(.connectionLost, false)
        case CURLE_WRITE_ERROR where exceededSizeCap, CURLE_FILESIZE_EXCEEDED:
            return failure(
                .responseTooLarge, true,
                "the response exceeded the transport's limit of \(maxResponseSize) body bytes"
                    + " (or \(CurlEasyRequest.maxHeaderBytes) bytes of header fields)")
        default:
            return failure(.other, sent)
        }
    }
}
