import CLibCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Refuses to send a request on a kept-alive connection that already holds bytes nobody asked for.
///
/// HTTP/1.1 ties a response to its request only by order. A server, or anything on the path of a
/// plain-HTTP URL, that writes a second, unsolicited response onto an idle kept-alive connection
/// has that response read as the answer to whatever request goes out on the connection next —
/// another user's call. libcurl 7.88 (Debian 12's) reuses such a connection: it checks an idle
/// connection for readable bytes only in its once-a-second sweep of the pool, not when it picks
/// one for a transfer (`curl` on the command line behaves the same).
///
/// So the transport checks itself, at the last moment libcurl offers: `CURLOPT_PREREQFUNCTION`
/// runs on the thread driving the multi handle (the loop thread, or on Linux a submitting task
/// under the loop's lock) after a connection was picked (new or reused) and before the request
/// is written. The guard finds that connection's socket (it sees every socket libcurl opens and
/// closes, through `CURLOPT_OPENSOCKETFUNCTION`/`CURLOPT_CLOSESOCKETFUNCTION`, and matches the
/// local and remote address the callback reports) and polls it without waiting. Readable means
/// bytes (or a close) arrived while no request was outstanding: the callback aborts the transfer
/// before a byte is sent, the socket is shut down so libcurl never reuses it, and the loop runs
/// the same transfer once more on a fresh connection (`CURLOPT_FRESH_CONNECT`). The cost is one
/// lock, one dictionary lookup and one `poll` per transfer (see Docs/Reliability.md).
///
/// Only `http://` transfers are checked: over TLS only the server itself can write on the
/// connection, and an HTTP/2 connection legitimately carries frames between requests (and is
/// shared by several at once), which the poll would take for an attack.
///
/// `@unchecked Sendable`: ``sockets`` and ``byEndpoint`` are only touched under ``lock``. libcurl
/// calls the callbacks on the thread driving the multi handle, and may close sockets from the
/// thread that cleans up a handle.
final class CurlConnectionGuard: @unchecked Sendable {
    /// A connected socket's local port and peer, as `CURLOPT_PREREQFUNCTION` reports them.
    struct Endpoint: Hashable {
        var localPort: Int32
        var peerPort: Int32
        var peerAddress: String
    }

    private let lock = CurlLock()
    /// Every socket libcurl opened through this guard and has not closed, with its endpoint once
    /// it is connected (`nil` before).
    private var sockets: [Int32: Endpoint?] = [:]
    private var byEndpoint: [Endpoint: Int32] = [:]
    #if os(Linux) && !LR_CURL_POLL_LOOP
        /// The epoll registrations of these sockets (see "epoll registrations" below).
        private var registrations: [Int32: Registration] = [:]
        /// Idle sockets taken out of the epoll set because they turned readable (for tests).
        private var idleReadinessTaken = 0
    #endif

    func opened(_ socket: Int32) {
        lock.withLock { sockets[socket] = .some(nil) }
    }

    func closed(_ socket: Int32) {
        lock.withLock {
            #if os(Linux) && !LR_CURL_POLL_LOOP
                registrations[socket] = nil // closing it takes it out of the epoll set
            #endif
            if let endpoint = sockets.removeValue(forKey: socket) ?? nil, byEndpoint[endpoint] == socket {
                byEndpoint[endpoint] = nil
            }
        }
    }

    /// Whether the connection from `localPort` to `peerAddress`:`peerPort` has bytes (or a close)
    /// waiting before its request is sent. When it has, its socket is shut down, so that neither
    /// this transfer nor any later one can use it.
    func hasUnsolicitedInput(peerAddress: String, peerPort: Int32, localPort: Int32) -> Bool {
        let wanted = Endpoint(localPort: localPort, peerPort: peerPort, peerAddress: peerAddress)
        let socket: Int32? = lock.withLock {
            if let socket = byEndpoint[wanted] { return socket }
            // Sockets connected since the last lookup: learn their endpoints once.
            for (socket, endpoint) in sockets where endpoint == nil {
                guard let learned = Self.endpoint(of: socket) else { continue }
                sockets[socket] = learned
                byEndpoint[learned] = socket
            }
            return byEndpoint[wanted]
        }
        guard let socket else { return false } // not a socket of ours: nothing to check
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN | POLLPRI), revents: 0)
        guard poll(&descriptor, 1, 0) > 0, descriptor.revents != 0 else { return false }
        shutdown(socket, Int32(SHUT_RDWR))
        return true
    }

    /// The local port and peer of a connected socket, or `nil` while it is not connected.
    private static func endpoint(of socket: Int32) -> Endpoint? {
        var local = sockaddr_storage()
        var peer = sockaddr_storage()
        var localLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        var peerLength = localLength
        let ok = withUnsafeMutablePointer(to: &local) { localPointer in
            withUnsafeMutablePointer(to: &peer) { peerPointer in
                localPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { localAddress in
                    peerPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { peerAddress in
                        getsockname(socket, localAddress, &localLength) == 0
                            && getpeername(socket, peerAddress, &peerLength) == 0
                    }
                }
            }
        }
        guard ok, let (_, localPort) = address(local), let (peerAddress, peerPort) = address(peer) else { return nil }
        return Endpoint(localPort: localPort, peerPort: peerPort, peerAddress: peerAddress)
    }

    /// The numeric address text (as libcurl prints it) and port of an IPv4 or IPv6 address.
    private static func address(_ storage: sockaddr_storage) -> (String, Int32)? {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(storage.ss_family)
        let port: Int32
        let written: Bool
        switch family {
        case AF_INET:
            var address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in.self) }
            port = Int32(UInt16(bigEndian: address.sin_port))
            written = inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(text.count)) != nil
        case AF_INET6:
            var address = withUnsafeBytes(of: storage) { $0.load(as: sockaddr_in6.self) }
            port = Int32(UInt16(bigEndian: address.sin6_port))
            written = inet_ntop(AF_INET6, &address.sin6_addr, &text, socklen_t(text.count)) != nil
        default:
            return nil
        }
        guard written else { return nil }
        return (String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), port)
    }
}

#if os(Linux) && !LR_CURL_POLL_LOOP
    // MARK: epoll registrations

    /// libcurl's socket interface asks to stop watching a connection's socket when its transfer
    /// ends (`CURL_POLL_REMOVE`) and to watch it again when the next transfer reuses it: three
    /// `epoll_ctl` calls per call on a kept-alive connection (measured: 2.8 per call at 32 in
    /// flight). For the sockets this guard opened, whose every close it sees, the epoll set keeps
    /// them instead: a socket libcurl no longer wants stays watched for reading, marked idle, and
    /// a transfer that wants it again for reading costs no system call. The fd number cannot be
    /// taken by a new socket unnoticed, since ``closed(_:)`` drops the registration when libcurl
    /// closes it (closing also takes it out of the kernel's set). An idle socket that becomes
    /// readable (the server closed it, or wrote unasked) is reported by `epoll_wait`; the loop
    /// asks ``takeIdleReadiness(_:epoll:)``, which takes it out of the set for real, and does not
    /// pass it to libcurl, which watches it no more. Other sockets (libcurl's resolver's) are
    /// added and removed as libcurl asks. All of it runs inside libcurl's callbacks or the loop's
    /// turn, under the loop's lock; this guard's lock orders it with ``closed(_:)`` in any case.
    extension CurlConnectionGuard {
        struct Registration {
            /// What the epoll set watches the socket for (`CURL_POLL_IN`, `_OUT`, `_INOUT`).
            var events: Int32
            /// libcurl asked to stop watching it; the set keeps it (for reading only).
            var idle: Bool
        }

        /// `CURLMOPT_SOCKETFUNCTION`'s work: makes `epoll` watch `socket` for `what`, or stop.
        func watch(_ socket: Int32, for what: Int32, epoll: Int32) {
            lock.withLock {
                guard sockets[socket] != nil else {
                    // Not opened by this guard: its close would go unseen, so no caching.
                    if what == CURL_POLL_REMOVE {
                        _ = lr_epoll_unwatch(epoll, socket)
                    } else {
                        _ = lr_epoll_watch(epoll, socket, what)
                    }
                    return
                }
                let current = registrations[socket]
                if what == CURL_POLL_REMOVE {
                    guard let current else { return }
                    if current.events == CURL_POLL_IN {
                        registrations[socket]?.idle = true // a readable idle socket is rare
                    } else {
                        registrations[socket] = nil // writable is nearly always: it would spin
                        _ = lr_epoll_unwatch(epoll, socket)
                    }
                    return
                }
                if let current, current.events == what {
                    registrations[socket]?.idle = false
                    return
                }
                if lr_epoll_change(epoll, socket, what, current == nil ? 0 : 1) == 0 {
                    registrations[socket] = Registration(events: what, idle: false)
                } else {
                    registrations[socket] = nil
                }
            }
        }

        /// Idle sockets taken out of the epoll set so far because they turned readable.
        var idleSocketsDropped: Int {
            lock.withLock { idleReadinessTaken }
        }

        /// Whether `epoll_wait` reported `socket` while it is idle: then it is taken out of the
        /// set (libcurl will ask for it again if it reuses the connection), and libcurl is not
        /// told about it.
        func takeIdleReadiness(_ socket: Int32, epoll: Int32) -> Bool {
            lock.withLock {
                guard let current = registrations[socket], current.idle else { return false }
                registrations[socket] = nil
                idleReadinessTaken += 1
                _ = lr_epoll_unwatch(epoll, socket)
                return true
            }
        }
    }
#endif

/// The C entry points of ``CurlConnectionGuard``. The open and close callbacks' `clientp` is the
/// guard (unretained: the loop and every handle hold it); the pre-request callback's is the
/// ``CurlEasyHandle``.
enum CurlConnectionGuardCallbacks {
    static let openSocket: curl_opensocket_callback = { clientp, _, address in
        guard let clientp, let address else { return -1 } // CURL_SOCKET_BAD
        let family = address.pointee.family
        let socketType = address.pointee.socktype | Int32(SOCK_CLOEXEC.rawValue)
        let created = socket(family, socketType, address.pointee.protocol)
        guard created >= 0 else { return -1 }
        Unmanaged<CurlConnectionGuard>.fromOpaque(clientp).takeUnretainedValue().opened(created)
        return created
    }

    static let closeSocket: curl_closesocket_callback = { clientp, socket in
        if let clientp { Unmanaged<CurlConnectionGuard>.fromOpaque(clientp).takeUnretainedValue().closed(socket) }
        return close(socket)
    }

    static let beforeRequest: lr_curl_prereq_callback = { clientp, primaryIP, _, primaryPort, localPort in
        guard let clientp else { return 0 }
        let handle = Unmanaged<CurlEasyHandle>.fromOpaque(clientp).takeUnretainedValue()
        guard handle.checksIdleConnection, let connectionGuard = handle.connectionGuard, let primaryIP else {
            return 0 // CURL_PREREQFUNC_OK
        }
        let refused = connectionGuard.hasUnsolicitedInput(
            peerAddress: String(cString: primaryIP), peerPort: primaryPort, localPort: localPort)
        if refused { handle.refusedConnection = true }
        return refused ? 1 : 0 // CURL_PREREQFUNC_ABORT : CURL_PREREQFUNC_OK
    }
}
