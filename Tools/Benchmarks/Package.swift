// swift-tools-version:6.0
// Benchmarks for swift-loginradius: the SDK side by side with raw libcurl, async-http-client,
// URLSession and LoginRadius's Python SDK against one nginx on 127.0.0.1. Its own package, so that
// `make test` never builds it; `make bench` (Tools/Benchmarks/run.sh) builds and runs it in release mode.
import PackageDescription

let package = Package(
    name: "swift-loginradius-benchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lr-bench", targets: ["lr-bench"]),
        .executable(name: "urlsession-bench", targets: ["urlsession-bench"]),
        .executable(name: "ahc-bench", targets: ["ahc-bench"]),
    ],
    dependencies: [
        .package(name: "swift-loginradius", path: "../.."),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // Timing, latency histogram, rusage, /proc RSS, malloc counters, result lines.
        .target(name: "BenchSupport"),
        // The SDK: `client.authentication.loginByEmail` with typed decoding.
        .executableTarget(
            name: "lr-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "LRAuth", package: "swift-loginradius"),
                // The SDK's reply decoding alone, for the decode rows (`@_spi(Benchmarks)`).
                .product(name: "LRCore", package: "swift-loginradius"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What a user writes without an SDK: URLSession (FoundationNetworking) + JSONDecoder.
        .executableTarget(name: "urlsession-bench", dependencies: ["BenchSupport"]),
        // What a Swift server developer writes without an SDK: async-http-client + JSONDecoder.
        .executableTarget(
            name: "ahc-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
