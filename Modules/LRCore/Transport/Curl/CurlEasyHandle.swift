import CLibCurl

/// One libcurl easy handle with its error buffer, reused across transfers.
///
/// Handles are pooled by ``CurlMultiLoop``: a transfer takes one, ``reset()`` clears every option
/// (connections, DNS and TLS session caches live in the multi handle and survive), and the loop
/// returns it when the transfer is done. A handle is used by one thread at a time: the caller's
/// while the transfer is set up, the loop thread while it runs. The hand-offs go through the loop's
/// lock, which orders them; that is why the class may be `@unchecked Sendable`.
final class CurlEasyHandle: @unchecked Sendable {
    /// The `CURL *`.
    let easy: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: libcurl's detailed message for the last failure, NUL-terminated.
    let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle, or returns `nil` when libcurl is out of memory.
    init?() {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        let size = Int(CURL_ERROR_SIZE)
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        curl_easy_cleanup(easy)
        errorBuffer.deallocate()
    }

    /// Clears every option and the error buffer for the next transfer.
    func reset() {
        curl_easy_reset(easy)
        errorBuffer[0] = 0
    }

    /// The error buffer's message, or `nil` when libcurl wrote none.
    var errorMessage: String? {
        errorBuffer[0] == 0 ? nil : String(cString: errorBuffer)
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

    /// Sets a pointer option (callback user data, the error buffer, the header list).
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws {
        try check(lr_curl_easy_setopt_pointer(easy, option, value), option)
    }

    /// Sets `CURLOPT_HTTPHEADER`'s list; the list must outlive the transfer.
    func set(_ option: CURLoption, list value: UnsafeMutablePointer<curl_slist>?) throws {
        try check(lr_curl_easy_setopt_slist(easy, option, value), option)
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
                code: Int(code.rawValue),
                message: "libcurl refused option \(option.rawValue): " + String(cString: curl_easy_strerror(code)),
                mayHaveReachedServer: false
            )
        )
    }
}
