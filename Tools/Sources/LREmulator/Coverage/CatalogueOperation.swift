// The catalogue's operations as the emulator sees them (the list itself is generated into
// Generated/CatalogueOperations.swift by `make generate`). Operations are named as LoginRadius's
// Python SDK names them (`authentication.login_by_email`), which no renaming of the Swift API
// changes. Several operations can share a method and path (`POST identity/v2/auth/login` is six
// of them); their `discriminators` — request members only that operation sends — tell them apart.

struct CatalogueOperation: Sendable {
    /// The API group, e.g. `authentication`.
    let group: String
    /// LoginRadius's name for the operation, e.g. `login_by_email`.
    let name: String
    /// The SDK module, e.g. `LRAuth`.
    let module: String
    let method: String
    /// The path with `{placeholders}`, as in the catalogue.
    let path: String
    /// Lower-cased query parameter or body member names that select this operation among the
    /// others on its method and path.
    let discriminators: [String]

    /// `group.name`, unique across the catalogue (`remove_email` exists in two groups).
    var qualifiedName: String { group + "." + name }

    /// The path with every placeholder replaced by a sample value, as a client would send it.
    var samplePath: String {
        path.split(separator: "/").map { $0.hasPrefix("{") ? "sample" : String($0) }.joined(separator: "/")
    }

    /// Whether a request with this method and these (lower-cased) path segments is this
    /// operation's route.
    func matches(method: String, segments: [String]) -> Bool {
        guard method == self.method || (method == "HEAD" && self.method == "GET") else { return false }
        let pattern = path.split(separator: "/")
        guard pattern.count == segments.count else { return false }
        return zip(pattern, segments).allSatisfy { expected, actual in
            expected.hasPrefix("{") || expected.lowercased() == actual
        }
    }

    /// Whether `name` names this operation: `login_by_email` or `authentication.login_by_email`
    /// (case-insensitive).
    func isNamed(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == self.name.lowercased() || lowered == qualifiedName.lowercased()
    }

    /// The operations a request can be: those on its method and path with the most
    /// discriminators present (`login_by_email` and `rba_login_by_email` send the same body).
    /// Empty for paths outside the catalogue (`/emulator/...`).
    static func candidates(for request: EmulatorRequest) -> [CatalogueOperation] {
        let segments = request.pathSegments
        let candidates = all.filter { $0.matches(method: request.method, segments: segments) }
        guard candidates.count > 1 else { return candidates }
        let body = (try? request.jsonBody()).map { Set($0.entries.map { $0.key.lowercased() }) } ?? []
        let query = Set(request.query.names.map { $0.lowercased() })
        func score(_ operation: CatalogueOperation) -> Int {
            operation.discriminators.filter { body.contains($0) || query.contains($0) }.count
        }
        let best = candidates.map(score).max() ?? 0
        return candidates.filter { score($0) == best }
    }

    /// The operation a request is (the first candidate), or nil outside the catalogue.
    static func resolve(_ request: EmulatorRequest) -> CatalogueOperation? {
        candidates(for: request).first
    }

    /// The operations `name` names; empty when none does.
    static func named(_ name: String) -> [CatalogueOperation] {
        all.filter { $0.isNamed(name) }
    }
}
