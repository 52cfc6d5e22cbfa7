// The emulator's fake social provider: `POST /emulator/v1/social/token` mints a provider token
// standing for a social identity, as LoginRadius's hosted login page would hand one back.
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

struct FakeSocialProvider: Sendable {
    let emulatorBaseURL: String

    struct Identity: Encodable, Sendable {
        var provider: String
        var id: String
        var email: String?
        var firstName: String?
        var lastName: String?
    }

    private struct Minted: Decodable {
        let token: String
    }

    /// A one-time provider token for `identity`.
    func mintToken(for identity: Identity) async throws -> String {
        guard let url = URL(string: "\(emulatorBaseURL)emulator/v1/social/token") else {
            throw DemoWebError("bad emulator address \(emulatorBaseURL)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(identity)
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw DemoWebError("the emulator's social provider refused: \(String(decoding: data, as: UTF8.self))")
        }
        return try JSONDecoder().decode(Minted.self, from: data).token
    }
}
