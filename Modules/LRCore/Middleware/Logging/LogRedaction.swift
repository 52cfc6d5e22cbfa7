public import Foundation

/// What ``LoggingMiddleware`` may show of a request or response: redaction by construction.
///
/// Nothing is logged as it arrived and then scrubbed. Instead:
/// - the URL is never logged: only the encoded path (no query) and the query's parameter *names*;
/// - header values only for ``loggableHeaders`` (content type, length, encoding, `Retry-After`,
///   …); every other header is listed by name with its value replaced, so `Authorization`,
///   `X-LoginRadius-ApiSecret`, `X-LoginRadius-Sott`, `digest`, cookies and `X-Origin-IP` never
///   appear;
/// - a JSON body is parsed and re-rendered with the value of every sensitive member replaced by
///   `"<redacted>"` (whatever its type, so a nested object or array is dropped whole); a body
///   that is not a JSON object or array is replaced by its length.
///
/// A member is sensitive when its name, lowercased and without `_` and `-`, is in
/// ``sensitiveKeys``, contains `password`, `secret`, `token`, `sott` or `passcode`, or ends with
/// `otp`, `pin`, `answer`, `authcode` or `backupcode(s)`; or when it is one of the policy's
/// ``LoggingPolicy/additionalRedactedKeys``.
public enum LogRedaction {
    /// The replacement for a redacted value.
    public static let placeholder = "<redacted>"

    /// Headers whose values are logged (lowercased); the values of all others are replaced.
    public static let loggableHeaders: Set<String> = [
        "accept", "accept-encoding", "cache-control", "content-encoding", "content-length", "content-type",
        "date", "retry-after", "server", "user-agent", "via", "x-request-id", "x-correlation-id",
    ]

    /// Member names (normalized: lowercased, `_` and `-` removed) whose values are always redacted.
    public static let sensitiveKeys: Set<String> = [
        "password", "newpassword", "oldpassword", "confirmpassword", "passwordhash",
        "pin", "newpin", "oldpin", "otp", "emailotp", "smsotp", "code", "authcode",
        "securityanswer", "securityquestionanswer", "answer",
        "accesstoken", "refreshtoken", "idtoken", "sessiontoken", "token", "resettoken", "verificationtoken",
        "sott", "apisecret", "secret", "clientsecret",
        "backupcode", "backupcodes", "authenticatorcode", "qrcode", "manualentrycode",
        "grecaptcharesponse", "recaptcharesponse", "captcharesponse",
        "authorization", "proxyauthorization", "digest", "cookie", "setcookie", "xloginradiusapisecret",
        "xloginradiussott",
    ]

    /// Whether the value of a JSON member named `key` must not be logged.
    ///
    /// - Parameters:
    ///   - key: The member name as sent.
    ///   - additional: More names, compared the same way (case-insensitive, ignoring `_` and `-`).
    /// - Returns: `true` when `key` is a known secret or credential name, or contains or ends in one of the
    ///   secret-like words (`password`, `token`, `otp`, ...), or matches one of `additional`.
    public static func isSensitive(key: String, additional: Set<String> = []) -> Bool {
        let normalized = normalize(key)
        if sensitiveKeys.contains(normalized) { return true }
        if ["password", "secret", "token", "sott", "passcode"].contains(where: normalized.contains) { return true }
        if ["otp", "pin", "answer", "authcode", "backupcode", "backupcodes"].contains(where: normalized.hasSuffix) {
            return true
        }
        return additional.contains { normalize($0) == normalized }
    }

    /// `key` lowercased, without `_` and `-`: `access_token`, `AccessToken` and `access-token` are one name.
    static func normalize(_ key: String) -> String {
        String(String.UnicodeScalarView(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }))
    }

    /// The loggable form of header fields: `Name: value` for allow-listed names, `Name: <redacted>` otherwise.
    public static func headers(_ headers: LoginRadiusHeaders) -> String {
        headers.map { field in
            let value = loggableHeaders.contains(field.name.lowercased()) ? field.value : placeholder
            return "\(field.name): \(value)"
        }.joined(separator: ", ")
    }

    /// The request's path without its query, as encoded on the wire, e.g. `/identity/v2/auth/login`.
    public static func path(of request: LoginRadiusRequest) -> String {
        request.pathSegments.isEmpty
            ? "/" : request.pathSegments.map { "/" + PercentEncoding.encodePathSegment($0) }.joined()
    }

    /// The names of the request's query parameters, never their values, e.g. `apiKey, email`.
    public static func queryNames(of request: LoginRadiusRequest) -> String {
        request.queryItems.map { PercentEncoding.encodeQueryComponent($0.name) }.joined(separator: ", ")
    }

    /// The loggable form of a body.
    ///
    /// - Parameters:
    ///   - body: The body bytes (`nil`: no body).
    ///   - additionalKeys: More member names to redact.
    ///   - limit: The most characters returned; longer output is cut and marked.
    /// - Returns: `<none>`, the redacted JSON with sorted keys, or `<N bytes, not JSON>`.
    public static func body(_ body: Data?, additionalKeys: Set<String> = [], limit: Int = 64 * 1024) -> String {
        guard let body else { return "<none>" }
        guard !body.isEmpty else { return "<empty>" }
        let first = body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            let value = try? JSONCoding.decode(JSONValue.self, from: body)
        else { return "<\(body.count) bytes, not JSON>" }
        let redacted = redact(value, additionalKeys: additionalKeys)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(redacted) else { return "<\(body.count) bytes of JSON>" }
        let text = String(decoding: data, as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…(\(body.count) bytes)" : text
    }

    /// `value` with the value of every sensitive member, at any depth, replaced by ``placeholder``.
    public static func redact(_ value: JSONValue, additionalKeys: Set<String> = []) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                result[key] =
                    isSensitive(key: key, additional: additionalKeys)
                    ? .string(placeholder) : redact(member, additionalKeys: additionalKeys)
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { redact($0, additionalKeys: additionalKeys) })
        case .null, .bool, .int, .double, .string:
            return value
        }
    }
}
