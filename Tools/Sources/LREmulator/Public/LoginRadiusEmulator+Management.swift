// What tests can ask the emulator about the management-side areas.
import Foundation

/// A request to the emulator's public API that it cannot satisfy.
public struct EmulatorError: Error, Sendable, CustomStringConvertible {
    /// What was wrong with the request, e.g. `no account with uid …`.
    public let description: String

    /// `start()` or `run()` in a build without the `Emulator` trait, which brings the server.
    static let withoutServer = EmulatorError(
        description: "this build has no emulator server: enable the swift-loginradius package's Emulator trait")
}

extension LoginRadiusEmulator {
    /// Every webhook delivery made (or skipped, for non-loopback URLs), oldest first. A delivery
    /// appears once the receiver has answered or the attempt has failed.
    public func webhookDeliveries() async -> [WebhookDelivery] {
        await engine.management.store.webhookDeliveries
    }

    /// Every login that carried risk-based authentication parameters, oldest first.
    public func riskBasedLogins() async -> [RiskBasedLogin] {
        await engine.management.store.riskBasedLogins
    }

    /// A consent token for a user, as LoginRadius hands out with error 1226 when a login needs
    /// consent; submit the consent form with it (`POST identity/v2/auth/consent`). Single use.
    public func makeConsentToken(uid: String, validFor validity: Duration = .seconds(900)) async throws -> String {
        guard await engine.store.account(uid: uid) != nil else {
            throw EmulatorError(description: "no account with uid \(uid)")
        }
        return await engine.management.store.issueConsentToken(
            uid: uid, expiresAt: engine.now.addingTimeInterval(validity.timeInterval))
    }

    /// Writes the state file now (when `dataFile` is set); it is also written after changes and
    /// on `stop()`.
    public func saveState() async {
        await engine.management.saveState(from: engine)
    }
}
