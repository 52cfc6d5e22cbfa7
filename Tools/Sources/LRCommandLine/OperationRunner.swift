import ArgumentParser
import Foundation
import LoginRadius
import Synchronization

/// Runs one operation command: makes the client, calls the typed SDK, prints the reply.
enum OperationRunner {
    /// Calls `call` with a client made from `connection` and prints the reply: the typed reply
    /// encoded as pretty JSON with sorted keys, or with `--raw` the bytes LoginRadius sent.
    ///
    /// A ``LoginRadiusError`` is printed to standard error (for `.api`, LoginRadius's error code and
    /// description) and the command exits with status 1; with `--raw`, LoginRadius's error body is
    /// printed to standard output first.
    ///
    /// - Throws: ``CommandFailure`` for a missing credential, `ExitCode.failure` after a printed error.
    static func run<Response: Encodable & Sendable>(
        _ operation: OperationDescriptor,
        _ connection: ConnectionOptions,
        _ call: (LoginRadiusClient) async throws -> Response
    ) async throws {
        let context = CLIContext.current
        let recorder = ResponseRecorder()
        let client: LoginRadiusClient
        do {
            client = try connection.makeClient(for: operation, recorder: recorder)
        } catch let error as LoginRadiusError {
            context.printError("lr: \(error.description)\n")
            throw ExitCode.failure
        }
        // However the call ends, the client is shut down (its connections closed) before the
        // command returns.
        do {
            try report(try await call(client), connection: connection, recorder: recorder, context: context)
            try? await client.shutdown()
        } catch {
            try? await client.shutdown()
            if let error = error as? LoginRadiusError {
                try fail(with: error, connection: connection, recorder: recorder, context: context)
                return
            }
            throw error
        }
    }

    /// Prints the reply: the typed reply as JSON, or with `--raw` the bytes LoginRadius sent.
    private static func report<Response: Encodable & Sendable>(
        _ reply: Response, connection: ConnectionOptions, recorder: ResponseRecorder, context: CLIContext
    ) throws {
        if connection.raw {
            context.writeStandardOutput(Self.terminated(recorder.body ?? Data()))
        } else {
            context.writeStandardOutput(try Self.json(reply))
        }
    }

    /// Prints `error` (with `--raw`, LoginRadius's error body first) and throws `ExitCode.failure`;
    /// returns when, with `--raw`, a 2xx reply the typed model cannot read was printed.
    private static func fail(
        with error: LoginRadiusError, connection: ConnectionOptions, recorder: ResponseRecorder, context: CLIContext
    ) throws {
        if connection.raw, let body = recorder.body, !body.isEmpty {
            context.writeStandardOutput(Self.terminated(body))
            // The server answered 2xx: with --raw, a reply the typed model cannot read is not an error.
            if case .decoding = error { return }
        }
        context.printError("lr: \(Self.message(for: error))\n")
        throw ExitCode.failure
    }

    /// The typed reply as pretty JSON with sorted keys, ending with a newline.
    static func json<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return terminated(try encoder.encode(value))
    }

    /// What the command prints for `error`: LoginRadius's error code and description for `.api`,
    /// the SDK's description (which never contains credentials) otherwise.
    static func message(for error: LoginRadiusError) -> String {
        switch error.api {
        case let apiError?:
            var text =
                "LoginRadius error \(apiError.errorCode) (HTTP \(apiError.httpStatus)): \(apiError.errorDescription)"
            if let message = apiError.message, !message.isEmpty, message != apiError.errorDescription {
                text += " — \(message)"
            }
            return text
        default:
            return error.description
        }
    }

    private static func terminated(_ data: Data) -> Data {
        data.last == UInt8(ascii: "\n") || data.isEmpty ? data : data + Data("\n".utf8)
    }
}

/// Middleware that keeps the last response of the call, for `--raw`.
final class ResponseRecorder: LoginRadiusMiddleware {
    private let last = Mutex<LoginRadiusResponse?>(nil)

    /// The body of the last response, when there was one.
    var body: Data? {
        last.withLock { $0?.body }
    }

    func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        let response = try await next(request, context)
        last.withLock { $0 = response }
        return response
    }
}

/// A mistake in a command's arguments found while running it (a missing credential, an unreadable
/// body): printed as `Error: …` with a pointer to the command's help, exit status 64.
struct CommandFailure: Error, CustomStringConvertible {
    /// What is wrong, without any credential.
    var description: String

    /// Creates the failure.
    init(_ description: String) {
        self.description = description
    }
}
