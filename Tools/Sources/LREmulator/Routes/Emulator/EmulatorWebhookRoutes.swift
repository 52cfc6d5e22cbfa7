// GET emulator/v1/webhooks/deliveries — every webhook delivery, oldest first: event, URL,
// payload, the `signature` header sent (HMAC-SHA256 of the payload keyed with the API secret,
// upper-case hex), the receiver's status or the error, and whether it was skipped.
import Foundation

enum EmulatorWebhookRoutes {
    static let routes = [
        Route("GET", "emulator/v1/webhooks/deliveries", deliveries)
    ]

    @Sendable
    static func deliveries(_: EmulatorRequest, _: RouteParameters, _ engine: EmulatorEngine) async throws
        -> EmulatorResponse
    {
        try ControlJSON.response(await engine.management.store.webhookDeliveries)
    }
}
