// swift-tools-version:6.1
// A consumer that enables the `Vapor` trait of the same repository dependency and uses LRVapor:
// the plugin builds from the one URL a user adds.
import PackageDescription

let package = Package(
    name: "VaporConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-loginradius", path: "../../..", traits: ["Vapor"])],
    targets: [
        .executableTarget(
            name: "VaporConsumer",
            dependencies: [.product(name: "LRVapor", package: "swift-loginradius")]
        )
    ],
    swiftLanguageModes: [.v6]
)
