import CLibCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A detached POSIX thread for ``CurlMultiLoop``.
///
/// A raw pthread rather than Foundation's `Thread`: it needs no run loop, and it blocks
/// `SIGPIPE` for itself (see ``blockSIGPIPE()``). It is detached at once and never joined, and
/// its creator never waits for it to start: nothing on a Swift-concurrency thread ever blocks on
/// it. Its end is observed instead through ``CurlMultiLoop/waitUntilClosed()``, which the thread
/// resumes as its last act.
struct CurlThread: Sendable {
    /// Where the new thread reports its kernel id once it runs (`value` is guarded by `lock`, a
    /// pthread mutex the sanitizers see; hence `@unchecked Sendable`).
    private final class KernelID: @unchecked Sendable {
        let lock = CurlLock()
        var value = 0
    }

    /// What the new thread receives; released when the thread's body returns. Kept apart from
    /// ``KernelID``: the body holds the loop, which holds this `CurlThread`, so a `CurlThread`
    /// holding the body would be a reference cycle that keeps every loop alive.
    private final class Entry {
        let name: String
        let body: @Sendable () -> Void
        let kernelID: KernelID
        init(name: String, body: @escaping @Sendable () -> Void, kernelID: KernelID) {
            self.name = name
            self.body = body
            self.kernelID = kernelID
        }
    }

    private let reportedKernelID: KernelID

    /// The kernel's id of the thread (`/proc/self/task/<id>` on Linux; `0` elsewhere). For tests
    /// only: it waits (yielding the CPU) until the new thread has recorded it.
    var kernelID: Int {
        #if os(Linux)
            while true {
                let id = reportedKernelID.lock.withLock { reportedKernelID.value }
                if id != 0 { return id }
                sched_yield()
            }
        #else
            return 0
        #endif
    }

    /// Starts a thread running `body`.
    ///
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when the system refuses a thread.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) throws -> CurlThread {
        let kernelID = KernelID()
        let startedEntry = Entry(name: name, body: body, kernelID: kernelID)
        let started = CurlThread(reportedKernelID: kernelID)
        let entry = Unmanaged.passRetained(startedEntry).toOpaque()
        #if canImport(Darwin)
            var id: pthread_t?
            let routine: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = { argument in
                CurlThread.run(argument)
                return nil
            }
        #else
            var id = pthread_t()
            let routine: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { argument in
                if let argument { CurlThread.run(argument) }
                return nil
            }
        #endif
        let result = pthread_create(&id, nil, routine, entry)
        guard result == 0 else {
            Unmanaged<Entry>.fromOpaque(entry).release()
            throw LoginRadiusError.invalidConfiguration(
                "CurlTransport could not start its thread (pthread_create: \(result))")
        }
        // Never joined: the transport observes the thread's end without blocking (see the type).
        #if canImport(Darwin)
            if let id { pthread_detach(id) }
        #else
            pthread_detach(id)
        #endif
        return started
    }

    private init(reportedKernelID: KernelID) {
        self.reportedKernelID = reportedKernelID
    }

    private static func run(_ argument: UnsafeMutableRawPointer) {
        let entry = Unmanaged<Entry>.fromOpaque(argument).takeRetainedValue()
        blockSIGPIPE()
        #if canImport(Darwin)
            pthread_setname_np(entry.name)
        #elseif os(Linux)
            _ = lr_set_current_thread_name(entry.name)
            let id = Int(lr_current_thread_kernel_id())
            entry.kernelID.lock.withLock { entry.kernelID.value = id }
        #endif
        entry.body()
    }

    /// Blocks `SIGPIPE` on the calling thread, without touching the process's signal handlers.
    ///
    /// `CURLOPT_NOSIGNAL` keeps libcurl from installing signal handlers, so a write to a socket the
    /// peer closed could raise `SIGPIPE` (libcurl sends with `MSG_NOSIGNAL`, but not every TLS or
    /// proxy path does). All of the transport's socket I/O happens on this thread (and on libcurl's
    /// resolver threads, which inherit its mask), so blocking the signal here turns it into a
    /// plain `EPIPE` that libcurl reports as a send error, and the application's own `SIGPIPE`
    /// disposition stays as it set it.
    private static func blockSIGPIPE() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }
}
