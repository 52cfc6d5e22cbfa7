import Foundation

/// The repository root, found from this file's path (Tests/LRCoreTests/Support/…).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shared conformance folder beside the repository.
let conformanceFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
