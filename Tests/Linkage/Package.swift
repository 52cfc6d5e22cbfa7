// swift-tools-version:6.0
// A consumer that depends on LRAuth alone. `make test` builds it and checks that no other API
// module was compiled: linking one module must not pull in the rest.
import PackageDescription

let package = Package(
    name: "AuthOnlyConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-loginradius", path: "../..")],
    targets: [
        .executableTarget(
            name: "AuthOnlyConsumer",
            dependencies: [.product(name: "LRAuth", package: "swift-loginradius")]
        )
    ],
    swiftLanguageModes: [.v6]
)
