/// The SDK's default transport: HTTP/1.1 and HTTP/2 over libcurl, with kept-alive connections.
///
/// Create one transport per process (or per ``LoginRadiusClient``) and share it: it is
/// `Sendable`, and every call it carries reuses the connections of one curl multi handle, driven
/// by one dedicated thread (see `CurlMultiLoop`).
///
/// ## Shutdown
/// Call ``shutdown()`` when you are done with a transport you created: it stops the thread,
/// closes the connections and returns once they are closed. Calls still in flight end with
/// ``LoginRadiusError/Code/shutDown``, and so do later ones, without sending anything. A
/// ``LoginRadiusClient`` shuts down the transport it created itself in its own
/// ``LoginRadiusClient/shutdown()``; a transport you pass in stays yours to shut down.
///
/// A transport released without ``shutdown()`` asks its thread to stop and returns at once: the
/// thread closes the connections and ends on its own. Neither path ever blocks the calling
/// thread, so both are safe on Swift's cooperative pool.
///
/// What it always does, whatever the options:
/// - verifies the server's TLS certificate and host name (also an HTTPS proxy's);
/// - returns every HTTP status as a response, including 3xx: redirects are never followed;
/// - sends the request's header fields exactly, in order, and the body's exact bytes; libcurl
///   adds only `Host` and `Content-Length` (and `User-Agent` from ``Options/userAgent`` when the
///   request has none), never `Expect: 100-continue`, a default `Accept`, a guessed
///   `Content-Type` or `Accept-Encoding`;
/// - applies a connect timeout and a total timeout to every call, so no call waits forever;
/// - ignores the `http_proxy`-style environment variables (use ``Options/proxy``).
///
/// ```swift
/// let transport = try CurlTransport(configuration: configuration)
/// let response = try await transport.send(request)
/// print(response.status, response.metrics?.newConnections ?? -1)
/// ```
///
/// `SIGPIPE`: libcurl runs with `CURLOPT_NOSIGNAL`, and the transport's thread blocks `SIGPIPE`
/// for itself, so a peer closing a connection never kills the process; the process's own
/// `SIGPIPE` handling is left untouched.
public final class CurlTransport: LoginRadiusTransport {
    /// The options the transport was created with.
    public let options: Options
    private let settings: CurlTransferSettings
    private let loop: CurlMultiLoop

    /// Creates a transport with the configuration's timeouts, proxy and `User-Agent`, and the
    /// default 16 MiB response size cap.
    ///
    /// - Parameter configuration: The client configuration; its ``LoginRadiusConfiguration/connectTimeout``,
    ///   ``LoginRadiusConfiguration/requestTimeout``, ``LoginRadiusConfiguration/proxy`` and
    ///   ``LoginRadiusConfiguration/userAgent`` are used.
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when a value is unusable or libcurl
    ///   or the transport's thread cannot start.
    public convenience init(configuration: LoginRadiusConfiguration) throws {
        try self.init(options: Options(configuration: configuration))
    }

    /// Creates a transport with explicit options.
    ///
    /// - Parameter options: Timeouts, proxy, size cap, `User-Agent` and CA bundle.
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when a timeout or the size cap is
    ///   not positive, a string contains CR/LF/NUL, or libcurl or the transport's thread cannot start.
    public convenience init(options: Options) throws {
        try self.init(options: options, idlePollInterval: .milliseconds(CurlMultiLoop.defaultIdlePollMilliseconds))
    }

    /// Creates a transport whose thread, when idle, sleeps up to `idlePollInterval` between checks
    /// (default 5 s). For tests: with a long interval, a lost wake-up shows as a hang.
    package init(options: Options, idlePollInterval: Duration) throws {
        try options.validate()
        self.options = options
        self.settings = CurlTransferSettings(options)
        self.loop = try CurlMultiLoop.start(
            settings: settings, idlePollMilliseconds: Int32(CurlTransferSettings.milliseconds(idlePollInterval)))
    }

    deinit {
        // Never waits: the thread tears itself down (see "Shutdown").
        loop.requestStop()
    }

    /// Stops the transport: fails calls in flight and later calls with
    /// ``LoginRadiusError/Code/shutDown``, closes every connection, and returns once they are
    /// closed and the transport's thread is ending. Calling it again returns once that is done.
    ///
    /// It suspends, never blocks: safe from any task.
    public func shutdown() async {
        loop.requestStop()
        await loop.waitUntilClosed()
    }

    /// Sends `request` and returns the final response with its whole body.
    ///
    /// The total timeout is ``LoginRadiusRequest/timeout`` when set, else ``Options/requestTimeout``;
    /// the connect timeout is ``Options/connectTimeout``. The response's
    /// ``LoginRadiusResponse/metrics`` report whether a new connection was opened and the total time.
    ///
    /// - Parameter request: The request; its URL, method, header fields and body are sent as they are.
    /// - Returns: The final response (after any `100 Continue`), for every HTTP status.
    /// - Throws: `CancellationError` when the calling task is cancelled (the transfer is aborted
    ///   and its connection closed); ``LoginRadiusError/invalidArgument(_:)`` for a header field
    ///   with CR, LF or NUL (nothing is sent); ``LoginRadiusError/transport(_:)`` when the exchange
    ///   failed: ``TransportFailure/Kind/couldNotResolveHost``, ``TransportFailure/Kind/couldNotConnect``,
    ///   ``TransportFailure/Kind/tls``, ``TransportFailure/Kind/timedOut``,
    ///   ``TransportFailure/Kind/connectionLost``, ``TransportFailure/Kind/responseTooLarge`` (the
    ///   body exceeded ``Options/maxResponseSize``) or ``TransportFailure/Kind/other``, with libcurl's
    ///   `CURLcode` and whether the request may have reached the server.
    public func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        try Task.checkCancellation()
        try HeaderValidation.validate(request.headers)
        let handle = try loop.acquireHandle()
        let transfer: CurlEasyRequest
        do {
            transfer = try CurlEasyRequest(request: request, handle: handle, settings: settings)
        } catch {
            loop.recycle(handle)
            throw error
        }
        let loop = loop
        let completion = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(transfer, continuation: continuation)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
        loop.synchronizeWithLoop()
        return try transfer.response(for: completion)
    }

    /// The kernel id of this transport's loop thread, its `/proc/self/task/<id>` (Linux; for tests).
    package var loopThreadKernelID: Int {
        loop.threadKernelID
    }

    /// How many libcurl easy handles this transport has created (for tests: sequential calls
    /// reuse one pooled handle).
    package var easyHandlesCreated: Int {
        loop.poolLock.withLock { loop.handlesCreated }
    }

    /// How many kept-alive sockets, idle in the epoll set, were taken out of it because they
    /// turned readable (the server closed them or wrote unasked); `0` where the loop does not
    /// use epoll (for tests).
    package var idleSocketsDropped: Int {
        #if os(Linux) && !LR_CURL_POLL_LOOP
            loop.connectionGuard.idleSocketsDropped
        #else
            0
        #endif
    }

    /// How many times a caller has woken this transport's loop thread (for tests: on Linux a call
    /// on a kept-alive connection starts its transfer itself and wakes it never).
    package var loopWakeups: Int {
        loop.lock.withLock { loop.queueLock.withLock { loop.wakeupsSent } }
    }
}
