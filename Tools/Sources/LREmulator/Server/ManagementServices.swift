// The management side's services, held by the engine as `engine.management`: its store, webhook
// delivery, the optional rate limit and the optional `--data` state file. The dispatcher asks
// it before a request (rate limit) and tells it after each successful one (saving state).
// Webhook events come from the handlers that change state (Server/AuthEvents.swift).
import Foundation

final class ManagementServices: Sendable {
    let store = ManagementStore()
    let webhooks: WebhookNotifier
    let rateLimiter: RateLimiter?
    let persistence: StatePersistence?

    init(configuration: EmulatorConfiguration) {
        self.webhooks = WebhookNotifier(apiSecret: configuration.apiSecret)
        self.rateLimiter = configuration.rateLimit.map(RateLimiter.init)
        self.persistence = configuration.dataFile.map(StatePersistence.init)
    }

    func reset() async {
        await store.reset()
        await rateLimiter?.reset()
    }

    /// LoginRadius's 429 when the rate limit is exhausted; nil to let the request through.
    /// Requests to `/emulator/...` are never limited.
    func rateLimitResponse(for request: EmulatorRequest, now: Date) async -> EmulatorResponse? {
        guard let rateLimiter, request.pathSegments.first != "emulator",
            let retryAfter = await rateLimiter.admit(now: now)
        else { return nil }
        var response = EmulatorResponse.error(LoginRadiusAPIError(.tooManyRequests))
        response.headers.append(("Retry-After", String(retryAfter)))
        return response
    }

    /// Runs after every successful request.
    func didHandle(_ request: EmulatorRequest, _ response: EmulatorResponse, engine: EmulatorEngine) async {
        await persistence?.markDirty(engine)
    }

    /// Sends `event` with `data` to the event's webhook subscriptions.
    func notify(_ event: String, data: JSON, engine: EmulatorEngine) async {
        await webhooks.notify(event: event, data: data, store: store, now: engine.now)
    }

    /// Sends `event` with the account's Identity as data.
    func notify(_ event: String, uid: String, engine: EmulatorEngine) async {
        guard let account = await engine.store.account(uid: uid) else { return }
        await notify(event, data: IdentitySerializer.json(account), engine: engine)
    }

    /// Loads the state file, if one is configured and exists, into the stores.
    func restoreState(into engine: EmulatorEngine) async throws {
        guard let persistence, let snapshot = try await persistence.load() else { return }
        try await engine.restore(snapshot)
    }

    /// Waits for pending writes and saves the state file once more.
    func saveState(from engine: EmulatorEngine) async {
        await persistence?.flush(engine)
    }
}
