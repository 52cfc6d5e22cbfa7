import Synchronization

/// The live state of a ``RetryBudget``: one bucket per ``RetryMiddleware`` (and so per client),
/// shared by all its calls.
final class RetryTokenBucket: Sendable {
    let budget: RetryBudget
    private let tokens: Mutex<Int>

    init(budget: RetryBudget) {
        self.budget = budget
        self.tokens = Mutex(budget.capacity)
    }

    /// Tokens left.
    var available: Int { tokens.withLock { $0 } }

    /// Takes `cost` tokens; `false` (and nothing taken) when fewer are left.
    func withdraw(_ cost: Int) -> Bool {
        tokens.withLock { tokens in
            guard tokens >= cost else { return false }
            tokens -= cost
            return true
        }
    }

    /// Gives `amount` tokens back, up to the capacity.
    func deposit(_ amount: Int) {
        guard amount > 0 else { return }
        tokens.withLock { $0 = min(budget.capacity, $0 + amount) }
    }
}
