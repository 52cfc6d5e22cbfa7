import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `openssl s_server -www` on a loopback port, presenting a self-signed certificate for
/// `127.0.0.1` generated into a temporary folder at test time.
///
/// ``start()`` returns `nil` when `openssl` is not installed, so a test can skip with a message.
final class SelfSignedTLSServer: @unchecked Sendable {
    let port: UInt16
    /// The self-signed certificate (PEM), usable as a CA bundle to trust exactly this server.
    let certificatePath: String
    private let pid: pid_t
    private let folder: URL

    var baseURL: String { "https://127.0.0.1:\(port)" }

    /// The `openssl` executable, or `nil`.
    static var openssl: String? {
        for path in ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }

    private init(port: UInt16, certificatePath: String, pid: pid_t, folder: URL) {
        self.port = port
        self.certificatePath = certificatePath
        self.pid = pid
        self.folder = folder
    }

    /// Generates a key and certificate and starts the server; `nil` without `openssl`.
    static func start() async throws -> SelfSignedTLSServer? {
        guard let openssl else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lr-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = folder.appendingPathComponent("key.pem").path
        let certificate = folder.appendingPathComponent("cert.pem").path
        // posix_spawn, not Foundation's Process: s_server ignores SIGTERM, and Process's
        // waitUntilExit would block a cooperative thread; SIGKILL + waitpid returns at once.
        let generate = try spawn(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1",
            ])
        var status: Int32 = 0
        while waitpid(generate, &status, 0) < 0, errno == EINTR {}
        guard FileManager.default.fileExists(atPath: certificate) else { throw POSIXError(.EIO) }

        // A free port: bind, read, release (s_server binds it again at once).
        let (probe, port) = try LoopbackHTTPServer.makeListener()
        close(probe)
        let server = try spawn(
            openssl, ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet"])
        let started = SelfSignedTLSServer(port: port, certificatePath: certificate, pid: server, folder: folder)
        // Wait (up to 5 s) until it accepts connections.
        for _ in 0..<100 {
            if Self.accepts(port: port) { return started }
            try await Task.sleep(for: .milliseconds(50))
        }
        started.stop()
        throw POSIXError(.ETIMEDOUT)
    }

    private static func accepts(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Stops the child process and removes the temporary folder.
    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts `path` with `arguments`, standard streams on /dev/null.
    private static func spawn(_ path: String, _ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else is inherited: a child holding a copy of another test's socket would keep
        // that connection open after the test closed it. (glibc ignores a close of an in-range
        // descriptor that was closed meanwhile.)
        let inherited = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in inherited.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer {
            for argument in argv { free(argument) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }
}
