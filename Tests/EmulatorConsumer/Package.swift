// swift-tools-version:6.1
// A user's package: it adds swift-loginradius (here by path, as by URL) with the `Emulator` trait
// and runs its own tests against the in-process emulator.
import PackageDescription

let package = Package(
    name: "EmulatorConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-loginradius", path: "../..", traits: ["Emulator"])
    ],
    targets: [
        .target(name: "ConsumerApp", dependencies: [.product(name: "LRAuth", package: "swift-loginradius")]),
        .testTarget(
            name: "ConsumerAppTests",
            dependencies: [
                "ConsumerApp",
                .product(name: "LREmulator", package: "swift-loginradius"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
