// swift-tools-version:6.1
// Consumers that enable the framework traits (`Hummingbird`, `Vapor`) of the same repository
// dependency and use LRHummingbird and LRVapor: the plugins build from the one URL a user adds.
// One package for both, so the framework stack (SwiftNIO, swift-crypto, …) is built once.
import PackageDescription

let package = Package(
    name: "PluginConsumers",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-loginradius", path: "../../..", traits: ["Hummingbird", "Vapor"])],
    targets: [
        .executableTarget(
            name: "HummingbirdConsumer",
            dependencies: [.product(name: "LRHummingbird", package: "swift-loginradius")]
        ),
        .executableTarget(
            name: "VaporConsumer",
            dependencies: [.product(name: "LRVapor", package: "swift-loginradius")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
