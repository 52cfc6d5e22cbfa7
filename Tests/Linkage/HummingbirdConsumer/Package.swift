// swift-tools-version:6.1
// A consumer that enables the `Hummingbird` trait of the same repository dependency and uses
// LRHummingbird: the plugin builds from the one URL a user adds.
import PackageDescription

let package = Package(
    name: "HummingbirdConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-loginradius", path: "../../..", traits: ["Hummingbird"])],
    targets: [
        .executableTarget(
            name: "HummingbirdConsumer",
            dependencies: [.product(name: "LRHummingbird", package: "swift-loginradius")]
        )
    ],
    swiftLanguageModes: [.v6]
)
