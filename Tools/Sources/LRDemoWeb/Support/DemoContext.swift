// The request context: Hummingbird's core storage (request-scoped logger included) plus the
// browser's session and, for POSTs, the decoded form (set by SessionMiddleware).
import Hummingbird

struct DemoContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The session as it was when the request arrived. Change it through `SessionStore.update`.
    var session = Session(id: "", csrfToken: "")
    /// The `application/x-www-form-urlencoded` body of a POST.
    var form = FormData()
    /// The one-time message left for this page by the previous request (set for GETs).
    var flash: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}

/// A decoded `application/x-www-form-urlencoded` body.
struct FormData: Sendable {
    private var values: [String: String] = [:]

    init() {}

    init(urlEncoded body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.flatMap({ Self.decode($0) }) else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    /// The trimmed value of a field, "" when absent.
    subscript(name: String) -> String {
        (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value exactly as sent (passwords are not trimmed).
    func raw(_ name: String) -> String { values[name] ?? "" }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
