// Query-string parsing that is as lenient as LoginRadius is with real clients:
// names are case-insensitive (`apikey`, `apiKey`, `refresh_Token`), and since LoginRadius's own
// SDKs append values without encoding them, `+` is kept as a literal plus (an email such as
// `a+b@example.com` arrives as is) rather than being turned into a space.
import Foundation

struct QueryParameters: Sendable {
    private let pairs: [(name: String, value: String)]

    init(rawQuery: String?) {
        guard let rawQuery, !rawQuery.isEmpty else {
            pairs = []
            return
        }
        pairs = rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = QueryParameters.decode(parts[0])
            let value = parts.count > 1 ? QueryParameters.decode(parts[1]) : ""
            return (name, value)
        }
    }

    /// The first non-empty value of the parameter, whatever the letter case of its name.
    subscript(name: String) -> String? {
        let lowered = name.lowercased()
        return pairs.first { $0.name.lowercased() == lowered && !$0.value.isEmpty }?.value
    }

    /// The names of the parameters sent, in order.
    var names: [String] { pairs.map(\.name) }

    /// Whether the parameter was sent at all (even empty).
    func contains(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return pairs.contains { $0.name.lowercased() == lowered }
    }

    /// A boolean parameter: `true`, `True`, `TRUE`, `1` (Python's `str(True)` is `True`).
    func bool(_ name: String) -> Bool? {
        self[name].flatMap(LenientBool.parse)
    }

    /// An email parameter. A space can only be a `+` that some client or proxy form-decoded.
    func email(_ name: String) -> String? {
        self[name].map { $0.replacingOccurrences(of: " ", with: "+").trimmingCharacters(in: .whitespaces) }
    }

    private static func decode(_ text: Substring) -> String {
        let raw = String(text)
        return raw.removingPercentEncoding ?? raw
    }
}
