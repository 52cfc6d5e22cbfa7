// swift-tools-version:6.1
// Tools for swift-loginradius: the LoginRadius emulator, the `lr` command line, the operation
// catalogue and its code generator. A separate package so that the SDK's consumers never
// resolve Hummingbird or swift-argument-parser. The emulator's sources live here
// (Sources/LREmulator) but its target belongs to the root package, behind the `Emulator` trait,
// so that users reach it from the one URL; this package enables the trait.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

/// The LoginRadius emulator, from the root package (with its `Emulator` trait).
let emulator: Target.Dependency = .product(name: "LREmulator", package: "swift-loginradius")

let package = Package(
    name: "swift-loginradius-tools",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lr-emulator", targets: ["lr-emulator"]),
        .executable(name: "lr", targets: ["lr"]),
        .executable(name: "lr-codegen", targets: ["lr-codegen"]),
        .executable(name: "lr-conformance", targets: ["lr-conformance"]),
        .executable(name: "lr-doc-coverage", targets: ["lr-doc-coverage"]),
        .executable(name: "lr-demo-web", targets: ["lr-demo-web"]),
    ],
    dependencies: [
        // The SDK with its emulator and its Hummingbird plugin (traits), which the tools and their tests use.
        .package(name: "swift-loginradius", path: "..", traits: ["Emulator", "Hummingbird"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "lr-emulator",
            dependencies: [
                emulator,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The operation catalogue's model, shared by the generator and the tests.
        .target(name: "LRCatalogue", swiftSettings: strictSettings),
        .executableTarget(
            name: "lr-codegen",
            dependencies: [
                "LRCatalogue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Wire conformance: generated dispatch table, capture transport, comparison rules.
        .target(
            name: "LRConformance",
            dependencies: [
                .product(name: "LoginRadius", package: "swift-loginradius"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lr-conformance",
            dependencies: [
                "LRConformance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The `lr` command line's commands: one per catalogue operation (generated), `lr emulator`,
        // and an in-process entry point for tests.
        .target(
            name: "LRCommandLine",
            dependencies: [
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lr",
            dependencies: [
                "LRCommandLine",
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Counts the public symbols without a doc comment in symbol graphs (`make doc-coverage`).
        .executableTarget(
            name: "lr-doc-coverage",
            dependencies: ["LRCatalogue"],
            swiftSettings: strictSettings
        ),
        // The demo web app: every LoginRadius flow as server-rendered pages on Hummingbird, calling
        // the SDK server-side; runs against the in-process emulator or a real LoginRadius app.
        .target(
            name: "LRDemoWeb",
            dependencies: [
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
                .product(name: "LRHummingbird", package: "swift-loginradius"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/public")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lr-demo-web",
            dependencies: ["LRDemoWeb"],
            swiftSettings: strictSettings
        ),
        // What the tests share: the emulator harness (an in-process emulator and a client of it)
        // and the loopback server for canned, fault and capture replies.
        .target(
            name: "LRTestSupport",
            dependencies: [
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
            ],
            path: "Tests/LRTestSupport",
            swiftSettings: strictSettings
        ),
        // The demo web app over HTTP on loopback: every flow, CSRF, cookie flags, the inbox page,
        // its session token source for LRHummingbird's authenticator.
        .testTarget(
            name: "LRDemoWebTests",
            dependencies: [
                "LRDemoWeb",
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
                .product(name: "LRHummingbird", package: "swift-loginradius"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LREmulatorTests",
            dependencies: [
                "LRTestSupport",
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        // The SDK over real libcurl against the in-process emulator on 127.0.0.1.
        .testTarget(
            name: "LRIntegrationTests",
            dependencies: [
                "LRTestSupport",
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
            ],
            swiftSettings: strictSettings
        ),
        // Multi-step journeys through the public SDK over libcurl, one per module, against the
        // in-process emulator on 127.0.0.1.
        .testTarget(
            name: "LRScenarioTests",
            dependencies: [
                "LRTestSupport",
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
            ],
            path: "Tests/Scenarios",
            swiftSettings: strictSettings
        ),
        // `lr <group> <operation>`: argument parsing, and calls against the in-process emulator.
        .testTarget(
            name: "LRCLITests",
            dependencies: [
                "LRTestSupport",
                "LRCommandLine",
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LRCodegenTests",
            dependencies: ["LRCatalogue"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LRConformanceTests",
            dependencies: [
                "LRTestSupport",
                "LRConformance", "LRCatalogue",
                .product(name: "LoginRadius", package: "swift-loginradius"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // 1,000 concurrent SDK calls over libcurl against the in-process emulator and a loopback
        // fault server: no crash, no hang, no descriptor leak, every call gets its own answer.
        .testTarget(
            name: "LRStressTests",
            dependencies: [
                "LRTestSupport",
                emulator,
                .product(name: "LoginRadius", package: "swift-loginradius"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
