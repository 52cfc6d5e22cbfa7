import CLibCurl
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A joinable POSIX thread for ``CurlMultiLoop``.
///
/// A raw pthread rather than Foundation's `Thread`: it can be joined, so a transport's `deinit`
/// returns only once its thread is gone (no thread outlives its transport), and it needs no
/// run loop. The thread blocks `SIGPIPE` for itself (see ``blockSIGPIPE()``).
struct CurlThread {
    #if canImport(Darwin)
        private typealias ThreadID = pthread_t?
    #else
        private typealias ThreadID = pthread_t
    #endif

    /// Written once by ``start(name:_:)`` before the value is shared, then only read.
    private let id: ThreadID

    /// The kernel's id of the thread (`/proc/self/task/<id>` on Linux; `0` elsewhere).
    let kernelID: Int

    /// What the new thread receives. `kernelID` is written by the new thread before it signals
    /// `started`, and read by the creator after waiting for it.
    private final class Entry {
        let name: String
        let body: () -> Void
        let started = DispatchSemaphore(value: 0)
        var kernelID = 0
        init(name: String, body: @escaping () -> Void) {
            self.name = name
            self.body = body
        }
    }

    /// Starts a thread running `body`.
    ///
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when the system refuses a thread.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) throws -> CurlThread {
        let startedEntry = Entry(name: name, body: body)
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
        // Returns once the thread runs, so a transport is usable and its thread visible at once.
        startedEntry.started.wait()
        return CurlThread(id: id, kernelID: startedEntry.kernelID)
    }

    private init(id: ThreadID, kernelID: Int) {
        self.id = id
        self.kernelID = kernelID
    }

    private static func run(_ argument: UnsafeMutableRawPointer) {
        let entry = Unmanaged<Entry>.fromOpaque(argument).takeRetainedValue()
        blockSIGPIPE()
        #if canImport(Darwin)
            pthread_setname_np(entry.name)
        #elseif os(Linux)
            _ = lr_set_current_thread_name(entry.name)
            entry.kernelID = lr_current_thread_kernel_id()
        #endif
        entry.started.signal()
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

    /// Whether the caller is this thread.
    var isCurrent: Bool {
        #if canImport(Darwin)
            guard let id else { return false }
        #endif
        return pthread_equal(pthread_self(), id) != 0
    }

    /// Waits for the thread to end. Must not be called from the thread itself.
    func join() {
        #if canImport(Darwin)
            guard let id else { return }
        #endif
        pthread_join(id, nil)
    }

    /// Lets the thread end on its own, for the one case where it cannot be joined.
    func detach() {
        #if canImport(Darwin)
            guard let id else { return }
        #endif
        pthread_detach(id)
    }
}
