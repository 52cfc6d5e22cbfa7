// A small case-insensitive router: LoginRadius matches paths regardless of letter case (a
// trailing or doubled `/` is not ignored: no LoginRadius document says it is), and answers an unknown path with 404 and a known path with the wrong
// method with 405 (bodies from LoginRadius's HTTP response table).

typealias RouteHandler = @Sendable (EmulatorRequest, RouteParameters, EmulatorEngine) async throws -> EmulatorResponse

/// Values captured from `{name}` path segments.
struct RouteParameters: Sendable {
    var values: [String: String] = [:]

    subscript(name: String) -> String? { values[name] }
}

struct Route: Sendable {
    let method: String
    let pattern: [String]
    let handler: RouteHandler

    /// `path` like `identity/v2/manage/account/{uid}`; literal segments match case-insensitively.
    init(_ method: String, _ path: String, _ handler: @escaping RouteHandler) {
        self.method = method.uppercased()
        self.pattern = path.split(separator: "/").map { segment in
            segment.hasPrefix("{") ? String(segment) : segment.lowercased()
        }
        self.handler = handler
    }

    var parameterCount: Int { pattern.filter { $0.hasPrefix("{") }.count }

    func match(_ segments: [String], original: [String]) -> RouteParameters? {
        guard segments.count == pattern.count else { return nil }
        var parameters = RouteParameters()
        for (index, expected) in pattern.enumerated() {
            if expected.hasPrefix("{") {
                parameters.values[String(expected.dropFirst().dropLast())] = original[index]
            } else if expected != segments[index] {
                return nil
            }
        }
        return parameters
    }
}

struct RouteTable: Sendable {
    enum Match {
        case found(Route, RouteParameters)
        case methodNotAllowed
        case notFound
    }

    private let routes: [Route]

    /// Literal segments win over `{parameters}`: routes with fewer parameters are tried first.
    init(_ routes: [Route]) {
        self.routes = routes.enumerated().sorted { lhs, rhs in
            let left = lhs.element.parameterCount
            let right = rhs.element.parameterCount
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    func match(_ request: EmulatorRequest) -> Match {
        let original = request.originalPathSegments
        let segments = request.pathSegments
        var pathExists = false
        for route in routes {
            guard let parameters = route.match(segments, original: original) else { continue }
            if route.method == request.method || (request.method == "HEAD" && route.method == "GET") {
                return .found(route, parameters)
            }
            pathExists = true
        }
        return pathExists ? .methodNotAllowed : .notFound
    }
}
