import CLibCurl
import Foundation

extension CurlEasyRequest {
    /// Sets every option of a freshly reset handle for `request`.
    ///
    /// Fixed policy, not configurable: TLS peer and host verification on (also for an HTTPS proxy),
    /// no redirects followed (LoginRadius never redirects API calls; a 3xx is returned as is),
    /// only `http`/`https`, `CURLOPT_NOSIGNAL` (timeouts without `SIGALRM`), and no
    /// `CURLOPT_ACCEPT_ENCODING` (compression belongs to a middleware).
    func configure(_ handle: CurlEasyHandle, for request: LoginRadiusRequest, settings: CurlTransferSettings) throws {
        try handle.set(CURLOPT_URL, request.url)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        try handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        try handle.set(CURLOPT_PROXY_SSL_VERIFYPEER, 1)
        try handle.set(CURLOPT_PROXY_SSL_VERIFYHOST, 2)
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
        // When a transfer is cancelled or times out while its name is still being resolved,
        // detach libcurl's resolver thread instead of joining it: a join would block the one loop
        // thread (and every other transfer) until getaddrinfo gives up, which can take seconds.
        // The detached thread frees its own state when getaddrinfo returns. Ignored (no error)
        // by a libcurl older than 7.87, which lacks the option.
        _ = lr_curl_easy_setopt_long(handle.easy, CURLOPT_QUICK_EXIT, 1)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeoutMilliseconds)
        try handle.set(
            CURLOPT_TIMEOUT_MS,
            request.timeout.map(CurlTransferSettings.milliseconds) ?? settings.requestTimeoutMilliseconds
        )
        // An empty proxy turns off libcurl's reading of http_proxy/HTTPS_PROXY/ALL_PROXY: the
        // transport goes exactly where its configuration says.
        try handle.set(CURLOPT_PROXY, settings.proxy?.url ?? "")
        if let proxy = settings.proxy {
            if let username = proxy.username { try handle.set(CURLOPT_PROXYUSERNAME, username) }
            if let password = proxy.password { try handle.set(CURLOPT_PROXYPASSWORD, password) }
        }
        if let userAgent = settings.userAgent { try handle.set(CURLOPT_USERAGENT, userAgent) }
        if let caBundlePath = settings.caBundlePath { try handle.set(CURLOPT_CAINFO, caBundlePath) }
        try configureMethod(handle, for: request)
        try buildHeaderList(handle, for: request)
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        try handle.set(CURLOPT_WRITEFUNCTION, callback: CurlCallbacks.write)
        try handle.set(CURLOPT_WRITEDATA, pointer: userdata)
        try handle.set(CURLOPT_HEADERFUNCTION, callback: CurlCallbacks.header)
        try handle.set(CURLOPT_HEADERDATA, pointer: userdata)
        try handle.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(handle.errorBuffer))
    }

    /// The method and the exact body bytes. A body is copied into libcurl (`COPYPOSTFIELDS` after
    /// `POSTFIELDSIZE_LARGE`, so NUL bytes are kept); `PUT`/`PATCH`/`POST` without a body send
    /// `Content-Length: 0`; `HEAD` never sends a body.
    private func configureMethod(_ handle: CurlEasyHandle, for request: LoginRadiusRequest) throws {
        switch request.method {
        case .head:
            try handle.set(CURLOPT_NOBODY, 1)
            return
        case .get where request.body == nil:
            try handle.set(CURLOPT_HTTPGET, 1)
        case .post:
            try setBody(request.body ?? Data(), on: handle)
        case .get, .put, .patch, .delete:
            if let body = request.body {
                try setBody(body, on: handle)
            } else if request.method == .put || request.method == .patch {
                try setBody(Data(), on: handle)
            }
            try handle.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        // The size cap also refuses an announced Content-Length up front (not for HEAD, whose
        // Content-Length describes a body that never comes).
        try handle.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(maxResponseSize))
    }

    private func setBody(_ body: Data, on handle: CurlEasyHandle) throws {
        let code = body.withUnsafeBytes { bytes in
            lr_curl_easy_set_body(handle.easy, bytes.baseAddress, curl_off_t(bytes.count))
        }
        try handle.check(code, CURLOPT_COPYPOSTFIELDS)
    }

    /// The request's fields exactly, in order, as `Name: value` (`Name;` for an empty value, which
    /// is how libcurl sends an empty field). Then libcurl's own defaults are switched off where
    /// the request has no such field: `Expect:` (no `100-continue` round trip for large bodies),
    /// `Accept:` (no `*/*`), and, with a body, `Content-Type:` (no form-urlencoded guess).
    /// `Host` and `Content-Length` are still added by libcurl, as HTTP requires.
    private func buildHeaderList(_ handle: CurlEasyHandle, for request: LoginRadiusRequest) throws {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        var sendsAccept = false
        var sendsContentType = false
        var sendsExpect = false
        for field in request.headers {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: field.name.utf8)
            if field.value.isEmpty {
                line.append(UInt8(ascii: ";"))
            } else {
                line.append(UInt8(ascii: ":"))
                line.append(UInt8(ascii: " "))
                line.append(contentsOf: field.value.utf8)
            }
            try appendHeaderLine(&line, on: handle)
            if field.name.caseInsensitiveEquals("Accept") { sendsAccept = true }
            if field.name.caseInsensitiveEquals("Content-Type") { sendsContentType = true }
            if field.name.caseInsensitiveEquals("Expect") { sendsExpect = true }
        }
        if !sendsExpect { try appendDisabled("Expect:", &line, on: handle) }
        if !sendsAccept { try appendDisabled("Accept:", &line, on: handle) }
        if request.body != nil, request.method != .head, !sendsContentType {
            try appendDisabled("Content-Type:", &line, on: handle)
        }
        try handle.set(CURLOPT_HTTPHEADER, list: headerList)
    }

    /// Appends `Name:` with no value, which tells libcurl not to send its own field of that name.
    private func appendDisabled(_ name: StaticString, _ line: inout [UInt8], on handle: CurlEasyHandle) throws {
        line.removeAll(keepingCapacity: true)
        name.withUTF8Buffer { line.append(contentsOf: $0) }
        try appendHeaderLine(&line, on: handle)
    }

    /// Appends `line` (without its NUL, which is added here) to ``headerList``; libcurl copies it.
    /// The list is stored as it grows, so `deinit` frees it even when a later step throws.
    private func appendHeaderLine(_ line: inout [UInt8], on handle: CurlEasyHandle) throws {
        line.append(0)
        let extended: UnsafeMutablePointer<curl_slist>? = line.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { curl_slist_append(headerList, $0) }
        }
        guard let extended else {
            throw LoginRadiusError.transport(
                TransportFailure(
                    kind: .other, code: Int(CURLE_OUT_OF_MEMORY.rawValue),
                    message: "libcurl could not build the header list", mayHaveReachedServer: false)
            )
        }
        headerList = extended
    }
}
