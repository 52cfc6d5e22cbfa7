// swift-tools-version:6.0
// The documentation's Swift examples, compiled against the public API: `check.sh` extracts every
// ```swift block of README.md and Docs/*.md into Extracted/ (ignored by git and swift-format) and
// builds this package. A block that cannot compile on its own is marked `<!-- fragment: why -->`
// on the line before its fence.
import PackageDescription

let package = Package(
    name: "DocSnippets",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-loginradius", path: "../..")],
    targets: [
        .target(
            name: "DocSnippets",
            dependencies: [.product(name: "LoginRadius", package: "swift-loginradius")],
            path: "Extracted"
        )
    ],
    swiftLanguageModes: [.v6]
)
