import CLibCurl

/// One libcurl easy handle with its error buffer and header list, reused across transfers.
///
/// Handles are pooled by ``CurlMultiLoop``. A new handle gets the transport's fixed options once
/// (``configureFixedOptions(_:)``); each transfer then sets only what changes between requests
/// (see `CurlEasyRequest+Setup.swift`), so a pooled handle is never `curl_easy_reset`: that would
/// free and re-create libcurl's defaults and every string option on every call. Connections, DNS
/// and TLS session caches live in the multi handle and are shared by all handles.
///
/// A handle is used by one thread at a time: the caller's while the transfer is set up, the loop
/// thread while it runs. The hand-offs go through the loop's lock, which orders them; that is why
/// the class may be `@unchecked Sendable`.
final class CurlEasyHandle: @unchecked Sendable {
    /// The `CURL *`.
    let easy: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: libcurl's detailed message for the last failure, NUL-terminated.
    let errorBuffer: UnsafeMutablePointer<CChar>

    /// `CURLOPT_HTTPHEADER`'s list, owned by the handle: kept while it matches the next request's
    /// header lines, replaced (and the old one freed) when they differ, freed with the handle.
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The loop's guard against unsolicited bytes on reused connections (see
    /// ``CurlConnectionGuard``); set once by ``installConnectionGuard(_:)``.
    private(set) var connectionGuard: CurlConnectionGuard?
    /// Whether this transfer's connection is checked before its request is sent (`http://`).
    var checksIdleConnection = false
    /// Set by the pre-request callback when it refused the transfer's connection.
    var refusedConnection = false
    /// Whether `CURLOPT_FRESH_CONNECT` is on (for the rerun of a refused transfer only).
    var freshConnect = false

    /// The lines ``headerList`` holds, each NUL-terminated, back to back.
    private var headerLines: [UInt8] = []
    /// The next transfer's lines, written by ``setHeaderLines(_:)``; becomes ``headerLines`` when
    /// a new list is built from it.
    private var pendingHeaderLines: [UInt8] = []

    /// Creates a handle, or returns `nil` when libcurl is out of memory.
    init?() {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        let size = Int(CURL_ERROR_SIZE)
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
        headerLines.reserveCapacity(256)
        pendingHeaderLines.reserveCapacity(256)
    }

    deinit {
        curl_easy_cleanup(easy) // first: the handle may still point at the list
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Sets the options that are the same for every transfer of a transport, once per handle.
    ///
    /// Fixed policy, not configurable: TLS peer and host verification on (also for an HTTPS proxy),
    /// no redirects followed (LoginRadius never redirects API calls; a 3xx is returned as is), only
    /// `http`/`https`, `CURLOPT_NOSIGNAL` (timeouts without `SIGALRM`), and no
    /// `CURLOPT_ACCEPT_ENCODING` (compression belongs to a middleware). The callbacks are fixed
    /// too; their user data (the transfer) is set per transfer.
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` (`.other`) when libcurl refuses an option.
    func configureFixedOptions(_ settings: CurlTransferSettings) throws {
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_PROXY_SSL_VERIFYPEER, 1)
        try set(CURLOPT_PROXY_SSL_VERIFYHOST, 2)
        try set(CURLOPT_FOLLOWLOCATION, 0)
        // Send the path exactly as built (and signed). The SDK never builds a dot segment: path
        // values `.`/`..`/empty are refused before a request exists (PathSegmentValidation), and
        // every other value is percent-encoded into one segment. Without this option libcurl
        // would remove dot segments itself (RFC 3986 §5.2.4), so a `..` that slipped in would
        // silently reach another endpoint and the signed URL would differ from the one sent.
        try set(CURLOPT_PATH_AS_IS, 1)
        // When a transfer is cancelled or times out while its name is still being resolved,
        // detach libcurl's resolver thread instead of joining it: a join would block the one loop
        // thread (and every other transfer) until getaddrinfo gives up, which can take seconds.
        // The detached thread frees its own state when getaddrinfo returns. Ignored (no error)
        // by a libcurl older than 7.87, which lacks the option.
        _ = lr_curl_easy_setopt_long(easy, CURLOPT_QUICK_EXIT, 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeoutMilliseconds)
        // An empty proxy turns off libcurl's reading of http_proxy/HTTPS_PROXY/ALL_PROXY: the
        // transport goes exactly where its configuration says.
        try set(CURLOPT_PROXY, settings.proxy?.url ?? "")
        if let proxy = settings.proxy {
            if let username = proxy.username { try set(CURLOPT_PROXYUSERNAME, username) }
            if let password = proxy.password { try set(CURLOPT_PROXYPASSWORD, password) }
        }
        if let userAgent = settings.userAgent { try set(CURLOPT_USERAGENT, userAgent) }
        if let caBundlePath = settings.caBundlePath { try set(CURLOPT_CAINFO, caBundlePath) }
        try set(CURLOPT_WRITEFUNCTION, callback: CurlCallbacks.write)
        try set(CURLOPT_HEADERFUNCTION, callback: CurlCallbacks.header)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    }

    /// Routes socket creation and closing through `connectionGuard`, and checks each connection
    /// before its request is sent (see ``CurlConnectionGuard``). Once per handle.
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` (`.other`) when libcurl refuses an option.
    func installConnectionGuard(_ connectionGuard: CurlConnectionGuard) throws {
        self.connectionGuard = connectionGuard
        let guardPointer = Unmanaged.passUnretained(connectionGuard).toOpaque()
        try check(
            lr_curl_easy_setopt_opensocket(easy, CurlConnectionGuardCallbacks.openSocket), CURLOPT_OPENSOCKETFUNCTION)
        try set(CURLOPT_OPENSOCKETDATA, pointer: guardPointer)
        try check(
            lr_curl_easy_setopt_closesocket(easy, CurlConnectionGuardCallbacks.closeSocket), CURLOPT_CLOSESOCKETFUNCTION
        )
        try set(CURLOPT_CLOSESOCKETDATA, pointer: guardPointer)
        // A libcurl older than 7.80 has no pre-request callback: the check is then skipped.
        if lr_curl_easy_setopt_prereq(easy, CurlConnectionGuardCallbacks.beforeRequest) == CURLE_OK {
            _ = lr_curl_easy_setopt_prereq_data(easy, Unmanaged.passUnretained(self).toOpaque())
        }
    }

    /// Clears what the previous transfer left that the next one reads: the error message, and
    /// the refused-connection flag and fresh-connection option of a rerun.
    func prepareForTransfer() throws {
        errorBuffer[0] = 0
        refusedConnection = false
        if freshConnect {
            try set(CURLOPT_FRESH_CONNECT, 0)
            freshConnect = false
        }
    }

    /// The error buffer's message, or `nil` when libcurl wrote none.
    var errorMessage: String? {
        errorBuffer[0] == 0 ? nil : String(cString: errorBuffer)
    }

    // MARK: Header list

    /// Sets `CURLOPT_HTTPHEADER` to the lines `write` appends (each ending in a NUL byte, none
    /// containing another), building a new `curl_slist` only when they differ from the current
    /// list's. On failure the current list stays set and valid.
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` (`.other`) when libcurl is out of memory.
    func setHeaderLines(_ write: (inout [UInt8]) -> Void) throws {
        pendingHeaderLines.removeAll(keepingCapacity: true)
        write(&pendingHeaderLines)
        if let last = pendingHeaderLines.last, last != 0 { pendingHeaderLines.append(0) }
        if pendingHeaderLines == headerLines { return } // the list already set is the same
        var list: UnsafeMutablePointer<curl_slist>?
        let complete: Bool = pendingHeaderLines.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                var start = 0
                while start < buffer.count {
                    guard let extended = curl_slist_append(list, characters + start) else { return false }
                    list = extended
                    while start < buffer.count, buffer[start] != 0 { start += 1 }
                    start += 1
                }
                return true
            }
        }
        guard complete, lr_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list) == CURLE_OK else {
            curl_slist_free_all(list)
            throw LoginRadiusError.transport(
                TransportFailure(
                    kind: .other, message: "libcurl could not build the header list", mayHaveReachedServer: false,
                    curlCode: Int(CURLE_OUT_OF_MEMORY.rawValue))
            )
        }
        curl_slist_free_all(headerList)
        headerList = list
        swap(&headerLines, &pendingHeaderLines)
    }

    // MARK: Typed setopt/getinfo (the C calls are variadic; see shim.h)

    /// Sets a `long` option (flags, milliseconds, enums).
    func set(_ option: CURLoption, _ value: Int) throws {
        try check(lr_curl_easy_setopt_long(easy, option, value), option)
    }

    /// Sets a `curl_off_t` option (sizes).
    func set(_ option: CURLoption, offset value: Int64) throws {
        try check(lr_curl_easy_setopt_off_t(easy, option, curl_off_t(value)), option)
    }

    /// Sets a string option; libcurl copies the string. `nil` clears it.
    func set(_ option: CURLoption, _ value: String?) throws {
        guard let value else {
            try check(lr_curl_easy_setopt_string(easy, option, nil), option)
            return
        }
        try value.withCString { try check(lr_curl_easy_setopt_string(easy, option, $0), option) }
    }

    /// Sets a pointer option (callback user data, the error buffer, `POSTFIELDS`).
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws {
        try check(lr_curl_easy_setopt_pointer(easy, option, value), option)
    }

    /// Sets a write or header callback.
    func set(_ option: CURLoption, callback: lr_curl_data_callback) throws {
        try check(lr_curl_easy_setopt_data_callback(easy, option, callback), option)
    }

    /// Reads a `long` info value; `0` when libcurl does not know it.
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return lr_curl_easy_getinfo_long(easy, info, &value) == CURLE_OK ? value : 0
    }

    /// Reads a `curl_off_t` info value (microseconds, byte counts); `-1` when unknown.
    func info(offset info: CURLINFO) -> Int64 {
        var value: curl_off_t = -1
        return lr_curl_easy_getinfo_off_t(easy, info, &value) == CURLE_OK ? Int64(value) : -1
    }

    /// Throws the transport error for a refused option: libcurl too old, or out of memory.
    func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code != CURLE_OK else { return }
        throw LoginRadiusError.transport(
            TransportFailure(
                kind: .other,
                message: "libcurl refused option \(option.rawValue): " + String(cString: curl_easy_strerror(code)),
                mayHaveReachedServer: false,
                curlCode: Int(code.rawValue)
            )
        )
    }
}
