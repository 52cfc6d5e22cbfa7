// The emulator's view of an HTTP request: method, path, lenient query, headers and JSON body.
import Foundation

struct EmulatorRequest: Sendable {
    /// Upper-case HTTP method.
    let method: String
    /// The request path as sent, without the query.
    let path: String
    /// The request target as sent (path and query), used to check signed requests.
    let target: String
    /// The `Host` header, used to rebuild the URL a client signed.
    let host: String?
    let query: QueryParameters
    private let headers: [(name: String, value: String)]
    let body: Data

    init(method: String, target: String, host: String?, headers: [(name: String, value: String)], body: Data) {
        self.method = method.uppercased()
        self.target = target
        self.host = host
        self.headers = headers
        self.body = body
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = parts.first.map(String.init) ?? "/"
        self.query = QueryParameters(rawQuery: parts.count > 1 ? String(parts[1]) : nil)
    }

    /// A header value; names are case-insensitive.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The path split into segments, lower-cased (LoginRadius paths are case-insensitive:
    /// its own docs write both `access_token/invalidate` and `access_token/InValidate`).
    var pathSegments: [String] {
        originalPathSegments.map { $0.lowercased() }
    }

    /// The path split into segments as sent. Empty segments are kept: LoginRadius's docs never say
    /// that `…/account/{uid}/` or `…//account` is the same resource as `…/account/{uid}`, so a
    /// trailing or doubled `/` matches no route instead of quietly reaching the shorter path.
    var originalPathSegments: [String] {
        let relative = path.hasPrefix("/") ? path.dropFirst() : path[...]
        return relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    /// The access token: `Authorization: Bearer <token>`, or the `access_token` query parameter.
    var accessToken: String? {
        if let authorization = header("Authorization") {
            let trimmed = authorization.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("bearer ") {
                let token = trimmed.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
                if !token.isEmpty { return token }
            }
        }
        return query["access_token"]
    }

    /// The body as a JSON object. An empty body (or `{}`, `null`) is an empty object, so that
    /// GET and DELETE requests carrying `{}` are accepted. Anything else that is not a JSON object
    /// fails with LoginRadius's "body is invalid" code for the method.
    func jsonBody() throws(LoginRadiusAPIError) -> JSONObject {
        let trimmed = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if trimmed.isEmpty { return JSONObject() }
        switch JSON.parse(body) {
        case .object(let object)?: return object
        case .null?: return JSONObject()
        default:
            switch method {
            case "PUT": throw LoginRadiusAPIError(.putBodyInvalid)
            case "DELETE": throw LoginRadiusAPIError(.deleteBodyInvalid)
            default: throw LoginRadiusAPIError(.postBodyInvalid)
            }
        }
    }
}
