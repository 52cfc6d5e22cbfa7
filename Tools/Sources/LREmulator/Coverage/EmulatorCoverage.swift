// Which catalogue operations the emulator serves: each operation's sample request is matched
// against the emulator's route table. Docs/Emulator.md carries the Markdown form
// (`lr emulator coverage --write Docs/Emulator.md`, run by `make generate`), and a test fails
// when an operation is neither routed nor listed as not emulated, or when the page is stale.

/// How the emulator covers the operations of LoginRadius's catalogue.
public struct EmulatorCoverage: Sendable {
    /// How one operation is covered.
    public enum Status: Sendable, Equatable {
        /// A route serves the operation.
        case emulated
        /// Deliberately left out, with the reason.
        case notEmulated(reason: String)
        /// Neither routed nor listed as not emulated: the coverage test fails.
        case missing
    }

    /// One catalogue operation and its status.
    public struct Entry: Sendable {
        /// The API group, e.g. `authentication`.
        public let group: String
        /// LoginRadius's operation name, e.g. `login_by_email`.
        public let name: String
        /// The SDK module, e.g. `LRAuth`.
        public let module: String
        /// The HTTP method.
        public let method: String
        /// The path, with `{placeholders}`.
        public let path: String
        /// Whether and how the emulator serves it.
        public let status: Status
    }

    /// Every catalogue operation, in catalogue order.
    public let entries: [Entry]

    /// The emulator's coverage of the catalogue.
    public static var current: EmulatorCoverage {
        let table = RequestDispatcher.table
        let entries = CatalogueOperation.all.map { operation in
            let request = EmulatorRequest(
                method: operation.method, target: "/" + operation.samplePath, host: nil, headers: [], body: .init())
            let status: Status
            if let reason = CatalogueOperation.notEmulated[operation.qualifiedName] {
                status = .notEmulated(reason: reason)
            } else if case .found = table.match(request) {
                status = .emulated
            } else {
                status = .missing
            }
            return Entry(
                group: operation.group, name: operation.name, module: operation.module, method: operation.method,
                path: operation.path, status: status)
        }
        return EmulatorCoverage(entries: entries)
    }

    /// The operations that are neither emulated nor listed as not emulated.
    public var missing: [Entry] { entries.filter { $0.status == .missing } }

    /// The number of operations the emulator serves.
    public var emulatedCount: Int { entries.filter { $0.status == .emulated }.count }

    /// The coverage as Markdown: a summary line, one row per API group and the operations not
    /// emulated with their reasons.
    public var markdown: String {
        let accounted = entries.count - missing.count
        var lines = [
            "\(accounted) of \(entries.count) catalogue operations accounted for: \(emulatedCount) emulated, "
                + "\(entries.count - emulatedCount - missing.count) not emulated (with the reason), "
                + "\(missing.count) missing.",
            "",
            "| API group | SDK module | Operations | Emulated | Not emulated | Missing |",
            "|---|---|---:|---:|---:|---:|",
        ]
        var groups: [String] = []
        for entry in entries where !groups.contains(entry.group) { groups.append(entry.group) }
        for group in groups {
            let members = entries.filter { $0.group == group }
            let emulated = members.filter { $0.status == .emulated }.count
            let missing = members.filter { $0.status == .missing }.count
            lines.append(
                "| `\(group)` | \(members[0].module) | \(members.count) | \(emulated) | "
                    + "\(members.count - emulated - missing) | \(missing) |")
        }
        let left = entries.compactMap { entry -> String? in
            switch entry.status {
            case .notEmulated(let reason):
                "- `\(entry.group).\(entry.name)` (`\(entry.method) \(entry.path)`): \(reason)"
            case .missing: "- `\(entry.group).\(entry.name)` (`\(entry.method) \(entry.path)`): missing"
            case .emulated: nil
            }
        }
        lines += ["", left.isEmpty ? "Every catalogue operation is emulated." : "Not emulated:", ""] + left
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    /// The markers around the generated table in Docs/Emulator.md.
    public static let beginMarker = "<!-- BEGIN GENERATED: emulator coverage (lr emulator coverage --write) -->"
    /// The end marker.
    public static let endMarker = "<!-- END GENERATED: emulator coverage -->"

    /// `page` with the text between the markers replaced by ``markdown``; nil when the page has
    /// no markers.
    public func updating(page: String) -> String? {
        guard let begin = page.range(of: Self.beginMarker), let end = page.range(of: Self.endMarker),
            begin.upperBound <= end.lowerBound
        else { return nil }
        return String(page[..<begin.upperBound]) + "\n" + markdown + String(page[end.lowerBound...])
    }
}
