// Lets `start()` wait until the server is listening (or has failed to), to learn the real port.

actor StartupSignal {
    private var result: Result<Int, any Error>?
    private var waiters: [CheckedContinuation<Int, any Error>] = []

    func listening(on port: Int) {
        finish(.success(port))
    }

    func failed(_ error: any Error) {
        finish(.failure(error))
    }

    func wait() async throws -> Int {
        if let result { return try result.get() }
        return try await withCheckedThrowingContinuation { continuation in
            waiters.append(continuation)
        }
    }

    private func finish(_ outcome: Result<Int, any Error>) {
        guard result == nil else { return }
        result = outcome
        for waiter in waiters { waiter.resume(with: outcome) }
        waiters.removeAll()
    }
}
