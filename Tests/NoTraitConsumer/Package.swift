// swift-tools-version:6.1
// A consumer that enables no trait: `swift package show-dependencies` must list no Hummingbird
// (Tests/EmulatorTrait/check.sh).
import PackageDescription

let package = Package(
    name: "NoTraitConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-loginradius", path: "../..")],
    targets: [
        .executableTarget(name: "NoTraitApp", dependencies: [.product(name: "LRAuth", package: "swift-loginradius")])
    ]
)
