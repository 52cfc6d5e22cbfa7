import Foundation

/// Finds the public symbols without a doc comment of their own in the symbol graphs the compiler
/// writes with `-emit-symbol-graph` (`make doc-coverage`).
public struct DocCoverage: Sendable {
    /// A public symbol without a doc comment.
    public struct Symbol: Sendable, Hashable, Comparable {
        /// The module that declares it (the extending module, for an extension's member).
        public var module: String
        /// Its path, e.g. `LoginRadiusClient.init(configuration:)`.
        public var path: String
        /// Its kind, e.g. `Instance Property`.
        public var kind: String
        /// `file:line` of its declaration, when known.
        public var location: String?

        /// Creates a symbol record.
        public init(module: String, path: String, kind: String, location: String?) {
            self.module = module
            self.path = path
            self.kind = kind
            self.location = location
        }

        /// Orders by module, then location, then path.
        public static func < (lhs: Symbol, rhs: Symbol) -> Bool {
            (lhs.module, lhs.location ?? "", lhs.path) < (rhs.module, rhs.location ?? "", rhs.path)
        }
    }

    /// The counts and offenders per module.
    public struct Report: Sendable {
        /// Public symbols checked, per module.
        public var checked: [String: Int]
        /// Public symbols without a doc comment, per module.
        public var undocumented: [String: [Symbol]]

        /// All undocumented symbols.
        public var total: Int { undocumented.values.map(\.count).reduce(0, +) }
    }

    /// The modules to check; symbol graphs of other modules (dependencies) are ignored.
    public var modules: Set<String>
    /// Paths are shown relative to this directory.
    public var root: URL?

    /// Creates a checker for `modules`.
    public init(modules: Set<String>, root: URL? = nil) {
        self.modules = modules
        self.root = root
    }

    /// Checks every `*.symbols.json` in `directory` whose module is one of ``modules``.
    ///
    /// - Throws: When the directory or a graph cannot be read or parsed.
    public func check(directory: URL) throws -> Report {
        var report = Report(checked: [:], undocumented: [:])
        for module in modules { (report.checked[module], report.undocumented[module]) = (0, []) }
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".symbols.json") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in files {
            let module = String(file.lastPathComponent.dropLast(".symbols.json".count).split(separator: "@")[0])
            guard modules.contains(module) else { continue }
            let (checked, undocumented) = try check(graph: Data(contentsOf: file), module: module)
            report.checked[module, default: 0] += checked
            report.undocumented[module, default: []] += undocumented
        }
        for module in modules { report.undocumented[module] = Array(Set(report.undocumented[module] ?? [])).sorted() }
        return report
    }

    /// Checks one symbol graph; returns the number of public symbols and those without docs.
    ///
    /// - Throws: When `data` is not a symbol graph.
    public func check(graph data: Data, module: String) throws -> (checked: Int, undocumented: [Symbol]) {
        let graph = try JSONDecoder().decode(Graph.self, from: data)
        var checked = 0
        var undocumented: [Symbol] = []
        for symbol in graph.symbols {
            guard ["public", "open"].contains(symbol.accessLevel) else { continue }
            // Compiler-synthesized members (memberwise conformances, protocol defaults) have no source.
            guard !symbol.identifier.precise.contains("::SYNTHESIZED::"), let location = symbol.location else {
                continue
            }
            checked += 1
            let ownComment =
                symbol.docComment.map { comment in
                    (comment.module == nil || comment.module == module) && !comment.lines.allSatisfy { $0.text.isEmpty }
                } ?? false
            guard !ownComment else { continue }
            var file = URL(string: location.uri)?.path ?? location.uri
            if let root, file.hasPrefix(root.path + "/") { file = String(file.dropFirst(root.path.count + 1)) }
            undocumented.append(
                Symbol(
                    module: module,
                    path: symbol.pathComponents.joined(separator: "."),
                    kind: symbol.kind.displayName,
                    location: "\(file):\(location.position.line + 1)"
                )
            )
        }
        return (checked, undocumented)
    }

    private struct Graph: Decodable {
        var symbols: [GraphSymbol]
    }

    private struct GraphSymbol: Decodable {
        struct Identifier: Decodable { var precise: String }
        struct Kind: Decodable { var displayName: String }
        struct Location: Decodable {
            struct Position: Decodable { var line: Int }
            var uri: String
            var position: Position
        }
        struct DocComment: Decodable {
            struct Line: Decodable { var text: String }
            var module: String?
            var lines: [Line]
        }

        var identifier: Identifier
        var kind: Kind
        var pathComponents: [String]
        var accessLevel: String
        var location: Location?
        var docComment: DocComment?
    }
}
