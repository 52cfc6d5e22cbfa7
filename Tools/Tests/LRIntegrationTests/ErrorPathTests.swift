import Foundation
import LREmulator
import LRTestSupport
import LoginRadius
import Testing

@Suite("Error paths over libcurl")
struct ErrorPathTests {
    @Test("an unknown API key gets LoginRadius's error")
    func unknownAPIKey() async throws {
        let configure: (inout LoginRadiusConfiguration) -> Void = { $0.apiKey = "99999999-0000-0000-0000-000000000000" }
        try await EmulatorHarness.run(client: configure) { harness in
            do {
                _ = try await harness.client.authentication.checkEmailAvailability(email: "a@example.com")
                Issue.record("expected an API error")
            } catch let caught as LoginRadiusError where caught.api != nil {
                let error = caught.api!
                #expect(error.errorCode == 920)
            }
        }
    }

    @Test("a SOTT made with another secret is refused at registration")
    func badSOTT() async throws {
        try await EmulatorHarness.run { harness in
            let sott = try SOTT.generate(apiKey: LoginRadiusEmulator.defaultAPIKey, apiSecret: "another-secret")
            do {
                _ = try await harness.client.authentication.userRegistrationByEmail(
                    AuthUserRegistrationModel(
                        email: [EmailAddress(type: "Primary", value: EmulatorHarness.newEmail())],
                        password: "Secret-pass-1"),
                    sott: sott)
                Issue.record("expected the SOTT to be refused")
            } catch let caught as LoginRadiusError where caught.api != nil {
                let error = caught.api!
                #expect(error.httpStatus >= 400)
            }
        }
    }

    @Test("connection refused is a typed transport error")
    func connectionRefused() async throws {
        let configuration = try LoginRadiusConfiguration(
            apiKey: "k", apiSecret: "s", baseURL: "http://127.0.0.1:1/", connectTimeout: .seconds(2))
        let client = try LoginRadiusClient(configuration: configuration)
        do {
            _ = try await client.authentication.checkEmailAvailability(email: "a@example.com")
            Issue.record("expected a transport error")
        } catch let caught as LoginRadiusError where caught.transport != nil {
            let failure = caught.transport!
            #expect(failure.kind == .couldNotConnect)
            #expect(failure.mayHaveReachedServer == false)
        }
    }

    @Test("a server that never answers times out within the configured timeout")
    func timeout() async throws {
        let listener = try LoopbackServer { _ in .silent }
        defer { listener.stop() }
        var configuration = try LoginRadiusConfiguration(
            apiKey: "k", apiSecret: "s", baseURL: "http://127.0.0.1:\(listener.port)/",
            requestTimeout: .milliseconds(400))
        configuration.retry = .disabled
        let client = try LoginRadiusClient(configuration: configuration)
        let start = ContinuousClock.now
        do {
            _ = try await client.authentication.checkEmailAvailability(email: "a@example.com")
            Issue.record("expected a timeout")
        } catch let caught as LoginRadiusError where caught.transport != nil {
            let failure = caught.transport!
            #expect(failure.kind == .timedOut)
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("a non-JSON 500 is an HTTP error with a snippet")
    func nonJSON500() async throws {
        let server = try LoopbackServer { _ in
            .respond(status: 500, contentType: "text/html", body: "<html><body>Internal Server Error</body></html>")
        }
        defer { server.stop() }
        let configuration = try LoginRadiusConfiguration(
            apiKey: "k", apiSecret: "s", baseURL: "http://127.0.0.1:\(server.port)/")
        let client = try LoginRadiusClient(configuration: configuration)
        do {
            _ = try await client.authentication.checkEmailAvailability(email: "a@example.com")
            Issue.record("expected an HTTP error")
        } catch let caught as LoginRadiusError where caught.http != nil {
            let failure = caught.http!
            #expect(failure.status == 500)
            #expect(failure.bodySnippet.contains("Internal Server Error"))
        }
    }

    @Test("sequential calls reuse one kept-alive connection")
    func connectionReuse() async throws {
        try await EmulatorHarness.run { harness in
            var newConnections: [Int] = []
            for _ in 0..<4 {
                let response: LoginRadiusResponse = try await harness.client.callEndpoint(
                    .get, "identity/v2/auth/email", query: [QueryItem(name: "email", value: "a@example.com")])
                newConnections.append(response.metrics?.newConnections ?? -1)
            }
            #expect(newConnections.dropFirst().allSatisfy { $0 == 0 }, "\(newConnections)")
        }
    }
}
