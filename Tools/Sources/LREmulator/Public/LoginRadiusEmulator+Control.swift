// The control API in Swift: the same calls as `/emulator/v1/...` (Docs/Emulator.md), for
// tests that run the emulator in-process.
import Foundation

extension LoginRadiusEmulator {
    // MARK: State

    /// The whole state as JSON: accounts, sessions, tokens, roles, custom objects, consent,
    /// webhook subscriptions and the outbox (`GET /emulator/v1/state`).
    public func exportState() async throws -> Data {
        try await engine.exportState()
    }

    /// Replaces the state with one from ``exportState()`` (`PUT /emulator/v1/state`).
    public func importState(_ state: Data) async throws {
        do {
            try await engine.importState(state)
        } catch let error as StateFileError {
            throw EmulatorError(description: error.description)
        }
    }

    // MARK: Faults

    /// Adds a fault rule and returns it with its `id` (`POST /emulator/v1/faults`). Throws when
    /// the rule names no operation or path, an unknown operation, or no effect.
    @discardableResult
    public func addFault(_ rule: FaultRule) async throws -> FaultRule {
        if let problem = rule.problem { throw EmulatorError(description: problem) }
        return await engine.faults.add(rule)
    }

    /// The active fault rules, with their remaining counts (`GET /emulator/v1/faults`).
    public func faults() async -> [FaultRule] {
        await engine.faults.all()
    }

    /// Removes every fault rule (`DELETE /emulator/v1/faults`).
    public func clearFaults() async {
        await engine.faults.clear()
    }

    // MARK: Clock

    /// The emulator's current time: the configured clock moved by ``advanceClock(by:)`` and
    /// ``setClock(to:)`` (`GET /emulator/v1/clock`).
    public var now: Date { engine.now }

    /// Moves the clock forward, so that tokens, OTPs, SOTTs and lockouts expire without waiting
    /// (`POST /emulator/v1/clock {"advanceSeconds": …}`).
    public func advanceClock(by duration: Duration) {
        engine.clock.advance(by: duration.timeInterval)
    }

    /// Sets the clock to a date (`POST /emulator/v1/clock {"set": …}`).
    public func setClock(to date: Date) {
        engine.clock.set(to: date)
    }

    // MARK: Accounts

    /// Every account with its live sessions (`GET /emulator/v1/accounts`).
    public func accounts() async -> [EmulatorAccount] {
        await engine.emulatorAccounts()
    }

    /// One account, or nil (`GET /emulator/v1/accounts/{uid}`).
    public func account(uid: String) async -> EmulatorAccount? {
        await engine.emulatorAccount(uid: uid)
    }

    /// Blocks an account: its sessions end and every login answers 991
    /// (`POST /emulator/v1/accounts/{uid}/block`).
    public func blockAccount(uid: String) async throws {
        guard await engine.setBlocked(uid: uid, true) else {
            throw EmulatorError(description: "no account with uid \(uid)")
        }
    }

    /// Unblocks an account (`POST /emulator/v1/accounts/{uid}/unblock`).
    public func unblockAccount(uid: String) async throws {
        guard await engine.setBlocked(uid: uid, false) else {
            throw EmulatorError(description: "no account with uid \(uid)")
        }
    }

    /// Deletes an account with its sessions and tokens (`DELETE /emulator/v1/accounts/{uid}`).
    public func deleteAccount(uid: String) async throws {
        guard await engine.deleteAccount(uid: uid) else {
            throw EmulatorError(description: "no account with uid \(uid)")
        }
    }

    // MARK: Coverage

    /// How the emulator covers the catalogue's operations.
    public static var coverage: EmulatorCoverage { .current }
}
