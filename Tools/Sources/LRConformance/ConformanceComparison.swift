import Foundation
import LoginRadius

/// Compares a captured request with a case's expectation, by the rules of the conformance README.
public enum ConformanceComparison {
    /// Headers whose presence is compared exactly: sent only when expected.
    static let comparedHeaders = ["Authorization", "X-LoginRadius-Sott", "X-LoginRadius-ApiSecret", "X-Origin-IP"]

    /// The differences between `request` and `expect`; empty when they match.
    public static func differences(
        request: LoginRadiusRequest,
        expect: ConformanceCase.Expectation,
        configuration: LoginRadiusConfiguration
    ) -> [String] {
        var diffs: [String] = []
        if let method = expect.method, request.method.rawValue != method {
            diffs.append("method: sent \(request.method.rawValue), expected \(method)")
        }
        let expectedBase = expect.host == "config" ? configuration.configURL : configuration.baseURL
        if request.baseURL != expectedBase {
            diffs.append("host: sent \(request.baseURL), expected \(expectedBase)")
        }
        diffs += pathDifferences(request: request, expected: expect.path ?? [])
        diffs += queryDifferences(request: request, expected: expect.query ?? [:])
        diffs += headerDifferences(request: request, expect: expect)
        diffs += bodyDifferences(request: request, expected: expect.body ?? .null)
        return diffs
    }

    static func pathDifferences(request: LoginRadiusRequest, expected: [String]) -> [String] {
        // Re-parse the encoded URL, as a server would.
        let rendered = request.encodedPathAndQuery
        let pathPart = rendered.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let segments = pathPart.split(separator: "/", omittingEmptySubsequences: true).map {
            PercentEncoding.decode(String($0)) ?? "<malformed \($0)>"
        }
        return segments == expected ? [] : ["path: sent \(segments), expected \(expected)"]
    }

    static func queryDifferences(request: LoginRadiusRequest, expected: [String: String]) -> [String] {
        let rendered = request.encodedPathAndQuery
        let parts = rendered.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawQuery = parts.count > 1 ? String(parts[1]) : ""
        var diffs: [String] = []
        if rawQuery.contains(" ") || rawQuery.contains("+") {
            diffs.append("query: raw query contains a literal space or '+': \(rawQuery)")
        }
        var decoded: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") {
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(String(nameValue[0])) ?? "<malformed>"
            let value = nameValue.count > 1 ? PercentEncoding.decode(String(nameValue[1])) ?? "<malformed>" : ""
            decoded[name] = value
        }
        if decoded != expected {
            diffs.append(
                "query: sent \(decoded.sorted { $0.key < $1.key }), expected \(expected.sorted { $0.key < $1.key })")
        }
        return diffs
    }

    static func headerDifferences(request: LoginRadiusRequest, expect: ConformanceCase.Expectation) -> [String] {
        var diffs: [String] = []
        let expected = expect.headers ?? [:]
        for (name, value) in expected where request.headers[name] != value {
            diffs.append("header \(name): sent \(request.headers[name] ?? "<none>"), expected \(value)")
        }
        for name in comparedHeaders
        where request.headers.contains(name) && !expected.keys.contains(where: { $0.lowercased() == name.lowercased() })
        {
            diffs.append("header \(name): sent but not expected")
        }
        if expect.signed == true {
            if request.headers["X-Request-Expires"] == nil { diffs.append("signed: X-Request-Expires missing") }
            if !(request.headers["digest"] ?? "").hasPrefix("SHA-256=") { diffs.append("signed: digest missing") }
            if request.headers.contains("X-LoginRadius-ApiSecret") {
                diffs.append("signed: X-LoginRadius-ApiSecret sent")
            }
        }
        return diffs
    }

    static func bodyDifferences(request: LoginRadiusRequest, expected: JSONValue) -> [String] {
        guard let body = request.body else {
            return expected == .null ? [] : ["body: none sent, expected \(expected)"]
        }
        if request.method == .get { return ["body: a GET sent a body"] }
        guard let sent = try? JSONCoding.decode(JSONValue.self, from: body) else {
            return ["body: not JSON: \(JSONCoding.snippet(body))"]
        }
        return equalJSON(sent, expected)
            ? [] : ["body: sent \(JSONCoding.snippet(body, limit: 400)), expected \(expected)"]
    }

    /// JSON equality where `1` and `1.0` are the same number.
    static func equalJSON(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.int, .double), (.double, .int), (.double, .double): lhs.doubleValue == rhs.doubleValue
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy(equalJSON)
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { key, value in b[key].map { equalJSON(value, $0) } ?? false }
        default: lhs == rhs
        }
    }
}
