// The HTTP calls of `lr emulator state|faults|clock|accounts|deliveries`, through URLSession
// (control calls go to the emulator only, never to LoginRadius, so the SDK's transport is not
// needed here).
import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

enum EmulatorControlHTTP {
    /// The emulator answered with an error status; the message carries its body.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func send(method: String, url: URL, body: Data?) async throws -> Data {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw Failure(
                description: "cannot reach the emulator at \(url.absoluteString): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status < 400 else {
            throw Failure(description: "the emulator answered \(status): \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }
}
