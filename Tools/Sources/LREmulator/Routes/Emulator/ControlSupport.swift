// Helpers for the control API under `/emulator/v1/`: JSON in and out through Codable, and the
// control API's own error body (`{"Error": "…"}` with 400 or 404), distinct from LoginRadius's.
import Foundation

struct ControlError: Error {
    let status: Int
    let message: String

    static func badRequest(_ message: String) -> ControlError { ControlError(status: 400, message: message) }
    static func notFound(_ message: String) -> ControlError { ControlError(status: 404, message: message) }

    var response: EmulatorResponse {
        EmulatorResponse(status: status, body: .object(JSONObject([("Error", .string(message))])))
    }
}

enum ControlJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601WithMilliseconds
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601WithMilliseconds
        return decoder
    }()

    /// A 200 answer with `value` encoded as the body.
    static func response(_ value: some Encodable, status: Int = 200) throws -> EmulatorResponse {
        var response = EmulatorResponse(status: status, body: .null)
        response.text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return response
    }

    /// The request body decoded as `type`; 400 when it is not.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: EmulatorRequest) throws -> Value {
        do {
            return try decoder.decode(type, from: request.body.isEmpty ? Data("{}".utf8) : request.body)
        } catch {
            throw ControlError.badRequest("the body is not a valid \(type): \(error)")
        }
    }
}
