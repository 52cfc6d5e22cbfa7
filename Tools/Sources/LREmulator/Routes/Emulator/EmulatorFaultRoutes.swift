// POST   emulator/v1/faults       — adds a fault rule (FaultRule's JSON), answers it with its `id`
// GET    emulator/v1/faults       — the active rules (counts as they stand)
// DELETE emulator/v1/faults       — removes every rule
// DELETE emulator/v1/faults/{id}  — removes one rule
import Foundation

enum EmulatorFaultRoutes {
    static let routes = [
        Route("POST", "emulator/v1/faults", add),
        Route("GET", "emulator/v1/faults", list),
        Route("DELETE", "emulator/v1/faults", clear),
        Route("DELETE", "emulator/v1/faults/{id}", remove),
    ]

    @Sendable
    static func add(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let rule = try ControlJSON.decode(FaultRule.self, from: request)
        if let problem = rule.problem { throw ControlError.badRequest(problem) }
        return try ControlJSON.response(await engine.faults.add(rule), status: 201)
    }

    @Sendable
    static func list(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try ControlJSON.response(await engine.faults.all())
    }

    @Sendable
    static func clear(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        await engine.faults.clear()
        return .ok(("IsDeleted", .bool(true)))
    }

    @Sendable
    static func remove(_: EmulatorRequest, _ parameters: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        guard await engine.faults.remove(id: parameters["id"] ?? "") else {
            throw ControlError.notFound("no fault rule \(parameters["id"] ?? "")")
        }
        return .ok(("IsDeleted", .bool(true)))
    }
}
