// GET    emulator/v1/state — the whole state as JSON (accounts, sessions, tokens, roles, custom
//                            objects, consent, webhook subscriptions, outbox)
// PUT    emulator/v1/state — replaces the state with an exported one
// DELETE emulator/v1/state — resets everything (as POST emulator/v1/reset)
import Foundation

enum EmulatorStateRoutes {
    static let routes = [
        Route("GET", "emulator/v1/state", export),
        Route("PUT", "emulator/v1/state", `import`),
        Route("DELETE", "emulator/v1/state", reset),
    ]

    @Sendable
    static func export(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        var response = EmulatorResponse(body: .null)
        response.text = String(decoding: try await engine.exportState(), as: UTF8.self)
        return response
    }

    @Sendable
    static func `import`(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        do {
            try await engine.importState(request.body)
        } catch let error as StateFileError {
            throw ControlError.badRequest(error.description)
        }
        return ResponseBuilders.isPosted()
    }

    @Sendable
    static func reset(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        await engine.reset()
        return .ok(("IsDeleted", .bool(true)))
    }
}
