import Foundation

/// Turns replies into results or typed errors.
enum ResponseValidation {
    /// Throws the ``LoginRadiusError`` a reply stands for; returns for a successful one.
    /// `now` measures a `Retry-After` date: the client's clock.
    static func check(_ response: LoginRadiusResponse, now: Date) throws {
        if response.status == 429 {
            throw LoginRadiusError.tooManyRequests(
                TooManyRequests(
                    retryAfter: response.headers["Retry-After"].flatMap { RetryAfter.parse($0, now: now) },
                    apiError: apiError(in: response)
                )
            )
        }
        if let error = apiError(in: response) {
            throw LoginRadiusError.api(error)
        }
        guard response.isSuccess else {
            throw LoginRadiusError.http(
                HTTPFailure(status: response.status, bodySnippet: JSONCoding.snippet(response.body)))
        }
    }

    /// LoginRadius's error body in `response`, if it is one. LoginRadius sends errors with 4xx/5xx
    /// statuses, but an `ErrorCode` object is an error whatever the status says.
    static func apiError(in response: LoginRadiusResponse) -> APIError? {
        let body = response.body
        // After a UTF-8 byte order mark, which the parser skips (some .NET stacks send one).
        let hasByteOrderMark = body.starts(with: [0xEF, 0xBB, 0xBF])
        guard body.dropFirst(hasByteOrderMark ? 3 : 0).first(where: { !$0.isASCIIWhitespace }) == UInt8(ascii: "{"),
            response.status >= 300 || body.containsErrorCodeKey
        else { return nil }
        guard let object = (try? JSONValue(parsing: body))?.objectValue,
            let code = object["ErrorCode"]?.intValue
        else { return nil }
        return APIError(
            errorCode: Int(code),
            errorDescription: object["Description"]?.stringValue ?? "",
            message: object["Message"]?.stringValue,
            isProviderError: object["IsProviderError"]?.boolValue,
            providerErrorResponse: object["ProviderErrorResponse"]?.nonNull,
            errors: object["Errors"]?.nonNull,
            data: object["Data"]?.nonNull,
            httpStatus: response.status
        )
    }

    /// Decodes a successful reply.
    static func decode<Response: Decodable>(_ type: Response.Type, from body: Data) throws -> Response {
        if let readable = type as? any JSONReadable.Type, let value = try decodeDirect(readable, as: type, from: body) {
            return value
        }
        if let fast = type as? any JSONValueDecodable.Type,
            let value = try decodeFast(fast, as: type, from: body)
        {
            return value
        }
        // JSON is UTF-8 (RFC 8259 §8.1). Foundation's decoder replaces invalid bytes with U+FFFD,
        // which would silently hand out a corrupted token or profile: refuse the reply instead.
        guard String(validating: body, as: UTF8.self) != nil else {
            throw failure(type, "the body is not valid UTF-8", body)
        }
        do {
            return try JSONCoding.decode(type, from: body)
        } catch let error as DecodingError {
            throw failure(type, error.summary, body)
        } catch {
            throw failure(type, "\(error)", body)
        }
    }

    /// The direct path: the model reads its members straight from the bytes, no tree in between.
    /// A syntax error is the reply's failure, as on the fast path (the reader reports the same
    /// first error the parser does). `nil` when the reply does not have the model's shape at the
    /// top (not an object, a required member missing): the fast path then says so, exactly as it
    /// always has.
    private static func decodeDirect<Readable: JSONReadable, Response>(
        _ readable: Readable.Type, as type: Response.Type, from body: Data
    ) throws -> Response? {
        let result = body.withUnsafeBytes { bytes in
            Result { () throws(JSONReadError) in try Readable.read(json: bytes) }
        }
        switch result {
        case .success(let value): return value as? Response
        case .failure(.syntax(let error)): throw failure(type, "malformed JSON: \(error)", body)
        case .failure(.mismatch): return nil
        }
    }

    /// The fast path: parse once (the parser rejects invalid UTF-8 and malformed JSON), then fill
    /// the model from the tree. `nil` only if the built value is somehow not a `Response`.
    private static func decodeFast<Response>(
        _ fast: any JSONValueDecodable.Type, as type: Response.Type, from body: Data
    ) throws -> Response? {
        let tree: JSONValue
        do {
            tree = try JSONValue(parsing: body)
        } catch {
            throw failure(type, "malformed JSON: \(error)", body)
        }
        do {
            return try fast.init(jsonValue: tree) as? Response
        } catch {
            throw failure(type, "\(error)", body)
        }
    }

    private static func failure<T>(_ type: T.Type, _ reason: String, _ body: Data) -> LoginRadiusError {
        .decoding(
            DecodingFailure(type: String(describing: type), reason: reason, bodySnippet: JSONCoding.snippet(body)))
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}

extension Data {
    /// Whether the bytes contain `"ErrorCode"`: a cheap test before parsing a 2xx body as an error.
    var containsErrorCodeKey: Bool {
        // `memchr` (vectorised in libc) to each `E`, then a compare of the rest: the byte-by-byte
        // loop this replaces was 3 % of the SDK's own CPU per call, on every successful reply.
        // (`memmem` would do it in one call but Glibc's module map does not export it.)
        let needle: StaticString = "\"ErrorCode\""
        return withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count >= needle.utf8CodeUnitCount else { return false }
            let end = base + bytes.count
            // The `E` is at offset 1 of the needle: no earlier than offset 1 here, and followed by the
            // needle's other 9 bytes.
            var cursor = base + 1
            let lastE = end - (needle.utf8CodeUnitCount - 2)
            while cursor < lastE, let found = memchr(cursor, Int32(UInt8(ascii: "E")), lastE - cursor) {
                let start = UnsafeRawPointer(found) - 1
                if memcmp(start, needle.utf8Start, needle.utf8CodeUnitCount) == 0 { return true }
                cursor = UnsafeRawPointer(found) + 1
            }
            return false
        }
    }
}

extension DecodingError {
    /// The failure and its coding path in one line.
    var summary: String {
        func path(_ context: Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch self {
        case .typeMismatch(let type, let context):
            return "type mismatch for \(type) at '\(path(context))': \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "missing \(type) value at '\(path(context))'"
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at '\(path(context))'"
        case .dataCorrupted(let context):
            return "malformed JSON at '\(path(context))': \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
