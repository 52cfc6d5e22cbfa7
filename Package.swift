// swift-tools-version:6.1
// swift-loginradius: the server-side Swift SDK for the LoginRadius customer-identity V2 REST API.
//
// Each API area is its own product depending on LRCore only, so a consumer links just what it
// uses. The only package dependencies are the libraries the SDK itself needs (swift-crypto for
// SOTT and request signing, swift-log for logging): no server framework reaches a consumer.
// The `Emulator` trait adds the LoginRadius emulator (`LREmulator`, on Hummingbird) for users'
// own tests; the `Hummingbird` and `Vapor` traits add the framework plugins (Integrations/). A
// consumer that enables no trait resolves none of those frameworks.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The API modules, one per LoginRadius API area; each depends on LRCore only.
let apiModules = [
    "LRAuth", "LRAccount", "LRSocial", "LRCustomObject", "LRPhone", "LRMFA", "LRPIN", "LRReAuth",
    "LRConsent", "LRWebhook", "LRConfiguration",
]

let package = Package(
    name: "swift-loginradius",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LRCore", targets: ["LRCore"]),
        .library(name: "LRAuth", targets: ["LRAuth"]),
        .library(name: "LRAccount", targets: ["LRAccount"]),
        .library(name: "LRSocial", targets: ["LRSocial"]),
        .library(name: "LRCustomObject", targets: ["LRCustomObject"]),
        .library(name: "LRPhone", targets: ["LRPhone"]),
        .library(name: "LRMFA", targets: ["LRMFA"]),
        .library(name: "LRPIN", targets: ["LRPIN"]),
        .library(name: "LRReAuth", targets: ["LRReAuth"]),
        .library(name: "LRConsent", targets: ["LRConsent"]),
        .library(name: "LRWebhook", targets: ["LRWebhook"]),
        .library(name: "LRConfiguration", targets: ["LRConfiguration"]),
        .library(name: "LoginRadius", targets: ["LoginRadius"]),
        // The emulator for users' tests; needs the `Emulator` trait.
        .library(name: "LREmulator", targets: ["LREmulator"]),
        // Framework plugins: empty unless their trait is enabled.
        .library(name: "LRHummingbird", targets: ["LRHummingbird"]),
        .library(name: "LRVapor", targets: ["LRVapor"]),
    ],
    // Package traits switch on the emulator and the framework plugins (SE-0450). None is on by
    // default, so a consumer who enables none resolves and builds none of those frameworks.
    traits: [
        .trait(
            name: "Emulator",
            description: "The LoginRadius emulator (LREmulator) for in-process tests; brings in Hummingbird."
        ),
        .trait(
            name: "ServiceLifecycle",
            description:
                "LoginRadiusClient as a swift-service-lifecycle Service (graceful shutdown ends in shutdown())."),
        .trait(
            name: "Hummingbird",
            description: "LRHummingbird: access-token authenticator, role guard and webhook receiver for Hummingbird 2."
        ),
        .trait(
            name: "Vapor",
            description:
                "LRVapor: bearer authenticator, req.loginRadius, role guard and webhook receiver for Vapor 4."
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // A span and metrics per call: the two small, standard observability APIs (no backend).
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
    ],
    targets: [
        // System libraries, each with typed, non-variadic inline shims (see shim.h).
        .systemLibrary(
            name: "CLibCurl",
            path: "Modules/CLibCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Modules/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "LRCore",
            dependencies: [
                "CLibCurl",
                "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(
                    name: "ServiceLifecycle", package: "swift-service-lifecycle",
                    condition: .when(traits: ["ServiceLifecycle"])),
            ],
            path: "Modules/LRCore",
            swiftSettings: strictSettings
        ),
    ]
        + apiModules.map {
            .target(name: $0, dependencies: ["LRCore"], path: "Modules/\($0)", swiftSettings: strictSettings)
        }
        + [
            // The umbrella: `import LoginRadius` re-exports every API module.
            .target(
                name: "LoginRadius",
                dependencies: ["LRCore"] + apiModules.map { .target(name: $0) },
                path: "Modules/LoginRadius",
                swiftSettings: strictSettings
            ),
            // The LoginRadius emulator (sources in the Tools package's folder, which builds and tests
            // it). Its HTTP server exists with the `Emulator` trait only; without it the module
            // holds the engine and throws from `start()`.
            .target(
                name: "LREmulator",
                dependencies: [
                    .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Emulator"])),
                    .product(name: "Crypto", package: "swift-crypto"),
                    .product(name: "_CryptoExtras", package: "swift-crypto"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Tools/Sources/LREmulator",
                swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
            ),
            .testTarget(
                name: "LRCoreTests",
                dependencies: [
                    "LRCore",
                    .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                    .product(name: "MetricsTestKit", package: "swift-metrics"),
                ],
                path: "Tests/LRCoreTests", swiftSettings: strictSettings),
            // Every generated model, in every module, decoded both ways (the list is generated).
            .testTarget(
                name: "LRModelTests", dependencies: ["LoginRadius"], path: "Tests/LRModelTests",
                swiftSettings: strictSettings),
            // Hummingbird 2 plugin (trait `Hummingbird`); empty without the trait.
            .target(
                name: "LRHummingbird",
                dependencies: [
                    "LRAuth", "LRWebhook",
                    .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                    .product(
                        name: "HummingbirdAuth", package: "hummingbird-auth", condition: .when(traits: ["Hummingbird"])),
                ],
                path: "Integrations/Hummingbird/Sources/LRHummingbird",
                swiftSettings: strictSettings
            ),
            // Its tests, against the in-process emulator: they run with the `Hummingbird` and
            // `Emulator` traits (make test-sdk enables them) and are empty otherwise.
            .testTarget(
                name: "LRHummingbirdTests",
                dependencies: [
                    "LRHummingbird", "LREmulator", "LoginRadius",
                    .product(
                        name: "HummingbirdAuth", package: "hummingbird-auth", condition: .when(traits: ["Hummingbird"])),
                    .product(
                        name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                ],
                path: "Integrations/Hummingbird/Tests/LRHummingbirdTests",
                swiftSettings: strictSettings
            ),
            // Vapor 4 plugin (trait `Vapor`); empty without the trait.
            .target(
                name: "LRVapor",
                dependencies: [
                    "LRAuth", "LRWebhook",
                    .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
                ],
                path: "Integrations/Vapor/Sources/LRVapor",
                swiftSettings: strictSettings
            ),
            // Its tests, against the in-process emulator (traits `Vapor` and `Emulator`).
            .testTarget(
                name: "LRVaporTests",
                dependencies: [
                    "LRVapor", "LREmulator", "LoginRadius",
                    .product(name: "VaporTesting", package: "vapor", condition: .when(traits: ["Vapor"])),
                ],
                path: "Integrations/Vapor/Tests/LRVaporTests",
                swiftSettings: strictSettings
            ),
            // Runs with `swift test --traits ServiceLifecycle` (make test does); empty otherwise.
            .testTarget(
                name: "LRServiceLifecycleTests",
                dependencies: [
                    "LRCore",
                    .product(
                        name: "ServiceLifecycle", package: "swift-service-lifecycle",
                        condition: .when(traits: ["ServiceLifecycle"])),
                ],
                path: "Tests/LRServiceLifecycleTests", swiftSettings: strictSettings),
            .testTarget(
                name: "LRWebhookTests", dependencies: ["LRWebhook"], path: "Tests/LRWebhookTests",
                swiftSettings: strictSettings),
            .testTarget(
                name: "LRAuthTests",
                dependencies: ["LRAuth", "LRCore"],
                path: "Tests/LRAuthTests",
                resources: [],
                swiftSettings: strictSettings
            ),
        ],
    swiftLanguageModes: [.v6]
)
