import CLibCurl
import Foundation

extension CurlEasyRequest {
    /// Sets what changes between transfers on `handle`, a pooled handle whose fixed options
    /// (TLS verification, protocols, proxy, connect timeout, callbacks, …) were set once by
    /// ``CurlEasyHandle/configureFixedOptions(_:)``.
    ///
    /// The handle is not reset between transfers, so every option a transfer may set is set here
    /// on every transfer, to this request's value or back to libcurl's default: the URL, the total
    /// timeout, the method and body (or none: `POSTFIELDS`, `HTTPGET`, `NOBODY`, `CUSTOMREQUEST`),
    /// the size cap, the header list and the callbacks' user data.
    func configure(_ handle: CurlEasyHandle, for request: LoginRadiusRequest, settings: CurlTransferSettings) throws {
        try handle.prepareForTransfer()
        try handle.set(CURLOPT_URL, request.url)
        // Plain HTTP only: see CurlConnectionGuard for why TLS connections are not checked.
        handle.checksIdleConnection = request.baseURL.utf8.prefix(5).map { $0 | 0x20 } == Array("http:".utf8)
        try handle.set(
            CURLOPT_TIMEOUT_MS,
            request.timeout.map(CurlTransferSettings.milliseconds) ?? settings.requestTimeoutMilliseconds
        )
        let sendsBody = try configureMethod(handle, for: request)
        try configureHeaders(handle, for: request, sendsBody: sendsBody)
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        try handle.set(CURLOPT_WRITEDATA, pointer: userdata)
        try handle.set(CURLOPT_HEADERDATA, pointer: userdata)
    }

    /// The method and the exact body bytes. A body is copied into libcurl (`COPYPOSTFIELDS` after
    /// `POSTFIELDSIZE_LARGE`, so NUL bytes are kept); `PUT`/`PATCH`/`POST` without a body send
    /// `Content-Length: 0`; `GET`/`DELETE` without one send neither a body nor `Content-Length`;
    /// `HEAD` never sends a body.
    ///
    /// - Returns: Whether libcurl sends a body (possibly empty), and would guess a `Content-Type`.
    private func configureMethod(_ handle: CurlEasyHandle, for request: LoginRadiusRequest) throws -> Bool {
        let method = request.method
        let body: Data? =
            switch method {
            case .head: nil
            case .post, .put, .patch: request.body ?? Data()
            case .get, .delete: request.body
            }
        if let body {
            try handle.set(CURLOPT_NOBODY, 0) // a previous HEAD's
            try setBody(body, on: handle) // libcurl's method becomes POST
        } else {
            // Drop a previous transfer's body (freeing libcurl's copy), then plain GET, which also
            // clears a previous HEAD's NOBODY; HEAD sets it again.
            try handle.set(CURLOPT_POSTFIELDS, pointer: nil)
            try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: -1)
            try handle.set(CURLOPT_HTTPGET, 1)
            if method == .head { try handle.set(CURLOPT_NOBODY, 1) }
        }
        // GET, POST and HEAD are what libcurl sends for the above; every other method, and a GET
        // with a body (which libcurl would send as POST), is named explicitly.
        let customMethod: String? =
            switch method {
            case .post, .head: nil
            case .get: body == nil ? nil : method.rawValue
            case .put, .patch, .delete: method.rawValue
            }
        try handle.set(CURLOPT_CUSTOMREQUEST, customMethod)
        // The size cap also refuses an announced Content-Length up front; not for HEAD, whose
        // Content-Length describes a body that never comes (0: no limit).
        try handle.set(CURLOPT_MAXFILESIZE_LARGE, offset: method == .head ? 0 : Int64(maxResponseSize))
        return body != nil
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
    /// `Accept:` (no `*/*`), and, when a body is sent (even the empty one of a `POST`, `PUT` or
    /// `PATCH` without a body), `Content-Type:` (no form-urlencoded guess). `Host` and
    /// `Content-Length` are still added by libcurl, as HTTP requires.
    ///
    /// The lines are written in one pass into the handle's buffer; the handle builds a new
    /// `curl_slist` only when they differ from the previous transfer's.
    private func configureHeaders(_ handle: CurlEasyHandle, for request: LoginRadiusRequest, sendsBody: Bool) throws {
        try handle.setHeaderLines { lines in
            var sendsAccept = false
            var sendsContentType = false
            var sendsExpect = false
            for field in request.headers {
                let nameStart = lines.count
                lines.append(contentsOf: field.name.utf8)
                if Self.equalsIgnoringCase(lines, from: nameStart, "accept") { sendsAccept = true }
                if Self.equalsIgnoringCase(lines, from: nameStart, "content-type") { sendsContentType = true }
                if Self.equalsIgnoringCase(lines, from: nameStart, "expect") { sendsExpect = true }
                if field.value.isEmpty {
                    lines.append(UInt8(ascii: ";"))
                } else {
                    lines.append(UInt8(ascii: ":"))
                    lines.append(UInt8(ascii: " "))
                    lines.append(contentsOf: field.value.utf8)
                }
                lines.append(0)
            }
            if !sendsExpect { Self.appendDisabled("Expect:", to: &lines) }
            if !sendsAccept { Self.appendDisabled("Accept:", to: &lines) }
            if sendsBody, !sendsContentType {
                Self.appendDisabled("Content-Type:", to: &lines)
            }
        }
    }

    /// Whether the field name in `lines[start...]` is `lowercased` in ASCII case-insensitive
    /// comparison (RFC 9110 §5.1), as `String.caseInsensitiveEquals` compares names, on the bytes
    /// already written (read in place: a slice would share the buffer and make the next append
    /// copy it).
    private static func equalsIgnoringCase(_ lines: [UInt8], from start: Int, _ lowercased: StaticString) -> Bool {
        guard lines.count - start == lowercased.utf8CodeUnitCount else { return false }
        return lowercased.withUTF8Buffer { target in
            var index = start
            for expected in target {
                let byte = lines[index]
                let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                guard folded == expected else { return false }
                index += 1
            }
            return true
        }
    }

    /// Appends `Name:` with no value, which tells libcurl not to send its own field of that name.
    private static func appendDisabled(_ name: StaticString, to lines: inout [UInt8]) {
        name.withUTF8Buffer { lines.append(contentsOf: $0) }
        lines.append(0)
    }
}
