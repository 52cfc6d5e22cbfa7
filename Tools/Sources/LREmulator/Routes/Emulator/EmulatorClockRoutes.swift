// GET  emulator/v1/clock — `{"Now", "OffsetSeconds"}`
// POST emulator/v1/clock — `{"advanceSeconds": 3600}`, `{"set": "2030-01-01T00:00:00.000Z"}` or
//                          `{"reset": true}`; answers as GET. Tokens, OTPs, SOTTs and lockouts
//                          expire by this clock.
import Foundation

enum EmulatorClockRoutes {
    static let routes = [
        Route("GET", "emulator/v1/clock", read),
        Route("POST", "emulator/v1/clock", move),
    ]

    struct Change: Decodable {
        var advanceSeconds: Double?
        var set: String?
        var reset: Bool?
    }

    @Sendable
    static func read(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        state(engine.clock)
    }

    @Sendable
    static func move(_ request: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        let change = try ControlJSON.decode(Change.self, from: request)
        if change.reset == true {
            engine.clock.reset()
        } else if let set = change.set {
            guard let date = LoginRadiusDates.parseISO8601(set) else {
                throw ControlError.badRequest("set must be an ISO 8601 date, e.g. 2030-01-01T00:00:00.000Z")
            }
            engine.clock.set(to: date)
        } else if let seconds = change.advanceSeconds, seconds.isFinite {
            engine.clock.advance(by: seconds)
        } else {
            throw ControlError.badRequest("give advanceSeconds, set or reset")
        }
        return state(engine.clock)
    }

    static func state(_ clock: EmulatorClock) -> EmulatorResponse {
        .ok(("Now", .string(LoginRadiusDates.iso8601(clock.now))), ("OffsetSeconds", .double(clock.offsetSeconds)))
    }
}
