import Foundation

/// Compares generated code with the files on disk, and writes it.
public struct GeneratedFiles: Sendable {
    /// The repository root.
    public let root: URL
    /// The generator.
    public let generator: CodeGenerator

    /// Creates the helper.
    public init(root: URL, generator: CodeGenerator) {
        self.root = root
        self.generator = generator
    }

    /// One line per file that is missing, different, or stale (generated folder, no longer generated).
    public func differences() throws -> [String] {
        let files = generator.files()
        var report: [String] = []
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            guard let existing = try? String(contentsOf: url, encoding: .utf8) else {
                report.append("missing: \(path)")
                continue
            }
            if existing != contents { report.append("differs: \(path)") }
        }
        for path in try existingGeneratedFiles() where files[path] == nil {
            report.append("stale: \(path)")
        }
        return report
    }

    /// Writes every generated file and removes stale ones.
    public func write() throws {
        let files = generator.files()
        for path in try existingGeneratedFiles() where files[path] == nil {
            try FileManager.default.removeItem(at: root.appendingPathComponent(path))
        }
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if (try? String(contentsOf: url, encoding: .utf8)) != contents {
                try contents.write(to: url, atomically: true, encoding: .utf8)
            }
        }
    }

    private func existingGeneratedFiles() throws -> [String] {
        var result: [String] = []
        for folder in generator.generatedFolders() {
            let url = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let file as URL in enumerator where file.pathExtension == "swift" {
                let relative = folder + "/" + file.path.dropFirst(url.path.count + 1)
                result.append(relative)
            }
        }
        return result
    }
}
