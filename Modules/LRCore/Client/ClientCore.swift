import Logging

/// What every view of one client shares: the configuration, the pipeline (built once), the
/// transport and the lifecycle. ``LoginRadiusClient`` is a value holding this and its per-call
/// options, so ``LoginRadiusClient/with(originIP:timeout:logger:headers:metadata:)`` costs no
/// thread, no handle and no allocation beyond the value it returns.
///
/// `@unchecked Sendable`: `shutDown` is only touched under `lock` (a pthread mutex the sanitizers
/// see; see `CurlLock.swift`); everything else is immutable.
final class ClientCore: @unchecked Sendable {
    let configuration: LoginRadiusConfiguration
    let pipeline: MiddlewarePipeline
    /// Whether the client created the transport, and so shuts it down.
    let ownsTransport: Bool
    /// The logger given to the client's initializer, for messages outside any call.
    let logger: Logger?
    /// The client's clock: `Retry-After` dates are measured against it.
    let clock: any LoginRadiusClock
    /// The header fields every request starts with (`Accept`, `User-Agent`): built once.
    let baseHeaders: LoginRadiusHeaders
    /// `region=…` when ``LoginRadiusConfiguration/serverRegion`` is set: built once.
    let regionItem: QueryItem?
    private let lock = CurlLock()
    private var shutDown = false // guarded by `lock`

    init(
        configuration: LoginRadiusConfiguration, pipeline: MiddlewarePipeline, ownsTransport: Bool, logger: Logger?,
        clock: any LoginRadiusClock
    ) {
        self.clock = clock
        self.configuration = configuration
        self.pipeline = pipeline
        self.ownsTransport = ownsTransport
        self.logger = logger
        self.baseHeaders = ["Accept": "application/json", "User-Agent": configuration.userAgent]
        self.regionItem = configuration.serverRegion.flatMap { region in
            region.isBlank ? nil : QueryItem(name: "region", value: region)
        }
    }

    deinit {
        // Never blocks: the transport's own thread tears it down once the transport is released.
        guard ownsTransport, !hasShutDown else { return }
        (logger ?? Logger.current).debug(
            "LoginRadiusClient released without shutdown(): its transport stops on its own thread")
    }

    /// Whether ``shutDown()`` ran.
    var hasShutDown: Bool { lock.withLock { shutDown } }

    /// Marks the client shut down: later calls are refused before anything is sent.
    func markShutDown() {
        lock.withLock { shutDown = true }
    }
}
