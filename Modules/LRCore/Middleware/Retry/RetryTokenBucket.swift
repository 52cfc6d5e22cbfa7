/// The live state of a ``RetryBudget``: one bucket per ``RetryMiddleware`` (and so per client),
/// shared by all its calls and by every view of the client.
///
/// Guarded by a pthread mutex (``CurlLock``), not `Synchronization.Mutex`: ThreadSanitizer cannot
/// see the latter's futex on Linux and reports concurrent calls' deposits as races (see
/// `CurlLock.swift`). `@unchecked Sendable`: `tokens` is only touched under `lock`.
final class RetryTokenBucket: @unchecked Sendable {
    let budget: RetryBudget
    private let lock = CurlLock()
    private var tokens: Int // guarded by `lock`

    init(budget: RetryBudget) {
        self.budget = budget
        self.tokens = budget.capacity
    }

    /// Tokens left.
    var available: Int { lock.withLock { tokens } }

    /// Takes `cost` tokens; `false` (and nothing taken) when fewer are left.
    func withdraw(_ cost: Int) -> Bool {
        lock.withLock {
            guard tokens >= cost else { return false }
            tokens -= cost
            return true
        }
    }

    /// Gives `amount` tokens back, up to the capacity.
    func deposit(_ amount: Int) {
        guard amount > 0 else { return }
        lock.withLock { tokens = min(budget.capacity, tokens + amount) }
    }
}
