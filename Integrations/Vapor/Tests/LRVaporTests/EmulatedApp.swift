// A Vapor app whose LoginRadius client talks to an in-process emulator, with a user signed in.
// Built with the `Vapor` and `Emulator` traits only (make test-sdk enables both).
#if Vapor && Emulator
    import Foundation
    import LREmulator
    import LRVapor
    import LoginRadius
    import Synchronization
    import VaporTesting

    /// Counts the calls that reached LoginRadius (the emulator), by operation, and the origin IP
    /// each carried.
    final class CallLog: LoginRadiusMiddleware {
        private let calls = Mutex([(operation: String, originIP: String?)]())

        func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext)
            async throws -> LoginRadiusResponse
        {
            calls.withLock { $0.append((context.operation.name, context.callOptions.originIP)) }
            return try await next(request, context)
        }

        /// How many calls of `operation` were made.
        func count(_ operation: String) -> Int {
            calls.withLock { $0.filter { $0.operation == operation }.count }
        }

        /// The origin IPs of the calls of `operation`, oldest first.
        func originIPs(_ operation: String) -> [String?] {
            calls.withLock { $0.filter { $0.operation == operation }.map(\.originIP) }
        }
    }

    /// The emulator, the app (its `app.loginRadius.client` on the emulator) and a signed-in user.
    struct EmulatedApp {
        let emulator: LoginRadiusEmulator
        let app: Application
        let client: LoginRadiusClient
        let calls: CallLog
        let email: String
        let password = "Str0ng-Passw0rd!"
        let token: String
        let uid: String

        /// Token validations that reached the emulator.
        var validations: Int { calls.count("validateAccessToken") }

        /// Starts an emulator on a free loopback port and a Vapor app (in testing mode) using it,
        /// creates and logs in a user, runs `configure` then `body`, and shuts everything down.
        static func run(
            configure: (EmulatedApp) async throws -> Void = { _ in },
            _ body: (EmulatedApp) async throws -> Void
        ) async throws {
            let emulator = LoginRadiusEmulator(configuration: EmulatorConfiguration(port: 0, passwordHashRounds: 1_000))
            let baseURL = try await emulator.start().absoluteString
            let app = try await Application.make(.testing)
            do {
                let calls = CallLog()
                let client = try LoginRadiusClient(
                    configuration: LoginRadiusConfiguration(
                        apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: LoginRadiusEmulator.defaultAPISecret,
                        baseURL: baseURL, configURL: baseURL, requestTimeout: .seconds(10)),
                    middleware: [calls])
                app.loginRadius.client = client
                let email = "vapor+\(UUID().uuidString.prefix(8).lowercased())@example.com"
                let account = try await client.account.createAccount(
                    AccountCreateModel(
                        email: [EmailAddress(type: "Primary", value: email)], firstName: "Ada", lastName: "Lovelace",
                        password: "Str0ng-Passw0rd!", additionalFields: ["EmailVerified": true]))
                let login = try await client.authentication.loginByEmail(
                    EmailAuthenticationModel(email: email, password: "Str0ng-Passw0rd!"))
                let emulated = EmulatedApp(
                    emulator: emulator, app: app, client: client, calls: calls, email: email,
                    token: try login.accessToken.unwrapped("access token"), uid: try account.uid.unwrapped("uid"))
                try await configure(emulated)
                try await body(emulated)
            } catch {
                try? await app.asyncShutdown()
                await emulator.stop()
                throw error
            }
            try await app.asyncShutdown()
            await emulator.stop()
        }

        /// A fresh access token for the user.
        func login() async throws -> String {
            try await client.authentication.loginByEmail(EmailAuthenticationModel(email: email, password: password))
                .accessToken.unwrapped("access token")
        }
    }

    struct MissingValue: Error, CustomStringConvertible {
        let description: String
    }

    extension Optional {
        func unwrapped(_ what: String) throws -> Wrapped {
            guard let self else { throw MissingValue(description: "no \(what)") }
            return self
        }
    }
#endif
