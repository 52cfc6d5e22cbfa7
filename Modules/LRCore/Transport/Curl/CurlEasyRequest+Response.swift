extension CurlEasyRequest {
    /// The response, or the error, for a finished transfer. Runs on the calling task after the
    /// loop resumed it, so the parsing stays off the loop thread.
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` when libcurl reported a failure.
    func response(for completion: CurlCompletion) throws -> LoginRadiusResponse {
        guard completion.code == 0 else {
            throw LoginRadiusError.transport(
                .curl(
                    code: completion.code, pretransferMicroseconds: completion.pretransferMicroseconds,
                    errorMessage: completion.errorMessage, exceededSizeCap: exceededSizeCap,
                    maxResponseSize: maxResponseSize)
            )
        }
        return LoginRadiusResponse(
            status: completion.status,
            headers: Self.parseHeaderFields(headerBytes),
            body: body,
            metrics: TransportMetrics(
                newConnections: completion.newConnections,
                totalTime: .microseconds(completion.totalTimeMicroseconds)
            )
        )
    }

    /// Parses the final response's header block as libcurl delivered it: the status line, the
    /// fields, and an empty line. Fields keep their order and spelling; values lose surrounding
    /// whitespace; obsolete line folding (RFC 9112 §5.2) joins a continuation line to the previous
    /// value with one space. Lines after the empty line (chunked trailers) are not fields of the
    /// response head and are left out.
    static func parseHeaderFields(_ bytes: [UInt8]) -> LoginRadiusHeaders {
        var fields: [LoginRadiusHeaders.Field] = []
        bytes.withUnsafeBufferPointer { buffer in
            // One allocation for the array: at most one field per line after the status line.
            var lines = 0
            for byte in buffer where byte == 0x0A { lines += 1 }
            fields.reserveCapacity(max(0, lines - 1))
            var lineStart = 0
            var isFirstLine = true
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
                let nextLine = lineEnd + 1
                if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                defer { lineStart = nextLine }
                if isFirstLine {
                    isFirstLine = false // the status line
                    continue
                }
                if lineEnd == lineStart { return } // end of the head
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                if line[0] == 0x20 || line[0] == 0x09 {
                    if let last = fields.indices.last {
                        let continuation = trimmed(line[...])
                        if !continuation.isEmpty {
                            fields[last].value += " " + String(decoding: continuation, as: UTF8.self)
                        }
                    }
                    continue
                }
                guard let colon = line.firstIndex(of: 0x3A) else { continue }
                let name = trimmed(line[..<colon])
                guard !name.isEmpty else { continue }
                fields.append(
                    LoginRadiusHeaders.Field(
                        name: String(decoding: name, as: UTF8.self),
                        value: String(decoding: trimmed(line[(colon + 1)...]), as: UTF8.self)
                    )
                )
            }
        }
        return LoginRadiusHeaders(fields)
    }

    /// `bytes` without leading and trailing spaces and tabs.
    private static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return bytes[start..<end]
    }
}
