import ArgumentParser
import Foundation
import LREmulator
import Logging
import LoginRadius

/// `lr demo`: a sign-up and login journey through the SDK, step by step.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk a real sign-up and login journey through the SDK.",
        discussion: """
            With no LOGINRADIUS_API_KEY / LOGINRADIUS_API_SECRET in the environment, starts the \
            LoginRadius emulator in-process on a free loopback port and runs against it over libcurl. \
            With them set (and optionally LOGINRADIUS_BASE_URL), runs against that server.
            """
    )

    /// The demo prints its own lines; the SDK's per-call log lines are shown only for warnings.
    static var quietLogger: Logger {
        var logger = Logger(label: "lr.demo")
        logger.logLevel = .warning
        return logger
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let journey: DemoJourney
        var emulator: LoginRadiusEmulator?
        if let key = environment["LOGINRADIUS_API_KEY"], let secret = environment["LOGINRADIUS_API_SECRET"],
            !key.isEmpty, !secret.isEmpty
        {
            let baseURL = environment["LOGINRADIUS_BASE_URL"] ?? LoginRadiusConfiguration.defaultBaseURL
            print("Using the LoginRadius server at \(baseURL)")
            let configuration = try LoginRadiusConfiguration(apiKey: key, apiSecret: secret, baseURL: baseURL)
            journey = DemoJourney(
                client: try LoginRadiusClient(configuration: configuration, logger: Self.quietLogger),
                inbox: .accountAPI)
        } else {
            let server = LoginRadiusEmulator(
                configuration: EmulatorConfiguration(
                    apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret, port: 0
                )
            )
            let baseURL = try await server.start()
            emulator = server
            print("Started the LoginRadius emulator at \(baseURL)")
            let configuration = try LoginRadiusConfiguration(
                apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                baseURL: "\(baseURL)"
            )
            journey = DemoJourney(
                client: try LoginRadiusClient(configuration: configuration, logger: Self.quietLogger),
                inbox: .emulator(server))
        }
        do {
            try await journey.run()
            try? await journey.client.shutdown()
            await emulator?.stop()
        } catch {
            try? await journey.client.shutdown()
            await emulator?.stop()
            print("✗ \(error)")
            throw ExitCode.failure
        }
    }
}
