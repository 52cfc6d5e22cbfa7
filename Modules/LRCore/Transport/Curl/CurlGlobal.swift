import CLibCurl

/// libcurl's process-wide initialisation, done exactly once.
///
/// `curl_global_init` is not thread-safe against itself and must run before any other libcurl
/// call. A `static let` is initialised lazily under `swift_once`, so the first ``CurlTransport``
/// created from any thread runs it exactly once and every later one reads the same result. It is
/// never undone: `curl_global_cleanup` while another library in the process still uses libcurl
/// would break that library, and process exit releases everything anyway.
enum CurlGlobal {
    /// The raw `CURLcode` of the one `curl_global_init(CURL_GLOBAL_ALL)`.
    private static let initResult: UInt32 = curl_global_init(Int(CURL_GLOBAL_ALL)).rawValue

    /// Initialises libcurl on the first call; later calls only check the stored result.
    ///
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when `curl_global_init` failed
    ///   (out of memory, or the TLS library could not initialise).
    static func ensureInitialized() throws {
        let code = initResult
        guard code == CURLE_OK.rawValue else {
            let message = String(cString: curl_easy_strerror(CURLcode(rawValue: code)))
            throw LoginRadiusError.invalidConfiguration("libcurl could not initialise: \(message) (CURLcode \(code))")
        }
    }
}
