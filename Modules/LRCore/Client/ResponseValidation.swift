import Foundation

/// Turns replies into results or typed errors.
enum ResponseValidation {
    /// Throws the ``LoginRadiusError`` a reply stands for; returns for a successful one.
    static func check(_ response: LoginRadiusResponse) throws {
        if response.status == 429 {
            throw LoginRadiusError.tooManyRequests(
                TooManyRequests(
                    retryAfter: response.headers["Retry-After"].flatMap { RetryAfter.parse($0) },
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
        guard body.first(where: { !$0.isASCIIWhitespace }) == UInt8(ascii: "{"),
            response.status >= 300 || body.containsErrorCodeKey
        else { return nil }
        guard let object = try? JSONCoding.decode([String: JSONValue].self, from: body),
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
        // JSON is UTF-8 (RFC 8259 §8.1). Foundation's decoder replaces invalid bytes with U+FFFD,
        // which would silently hand out a corrupted token or profile: refuse the reply instead.
        guard String(validating: body, as: UTF8.self) != nil else {
            throw LoginRadiusError.decoding(
                DecodingFailure(
                    type: String(describing: type), reason: "the body is not valid UTF-8",
                    bodySnippet: JSONCoding.snippet(body))
            )
        }
        do {
            return try JSONCoding.decode(type, from: body)
        } catch let error as DecodingError {
            throw LoginRadiusError.decoding(
                DecodingFailure(
                    type: String(describing: type), reason: error.summary, bodySnippet: JSONCoding.snippet(body))
            )
        } catch {
            throw LoginRadiusError.decoding(
                DecodingFailure(
                    type: String(describing: type), reason: "\(error)", bodySnippet: JSONCoding.snippet(body))
            )
        }
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}

extension Data {
    /// Whether the bytes contain `"ErrorCode"`: a cheap test before parsing a 2xx body as an error.
    var containsErrorCodeKey: Bool {
        range(of: Data("\"ErrorCode\"".utf8)) != nil
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
