// Emulator-only endpoints (no API key needed):
// GET    emulator/v1/outbox  — every email/SMS "sent", oldest first
// DELETE emulator/v1/outbox  — empties the outbox
// POST   emulator/v1/reset   — forgets all accounts, sessions, tokens and messages
import Foundation

enum EmulatorControlRoutes {
    static let routes = [
        Route("GET", "emulator/v1/outbox", listOutbox),
        Route("DELETE", "emulator/v1/outbox", clearOutbox),
        Route("POST", "emulator/v1/reset", reset),
    ]

    @Sendable
    static func listOutbox(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        EmulatorResponse(body: .array(await engine.outbox.all().map(\.json)))
    }

    @Sendable
    static func clearOutbox(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        await engine.outbox.clear()
        return .ok(("IsDeleted", .bool(true)))
    }

    @Sendable
    static func reset(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws -> EmulatorResponse
    {
        await engine.reset()
        return ResponseBuilders.isPosted()
    }
}
