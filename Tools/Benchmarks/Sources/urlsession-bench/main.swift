// What an app writes without the SDK: URLSession (FoundationNetworking on Linux) posting the
// login body and decoding the reply with JSONDecoder into a small Codable struct.
//
//   urlsession-bench --url http://127.0.0.1:PORT/ [--concurrency N] [--mode …] [--seconds S]
import BenchSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let arguments = Arguments()
let concurrency = max(1, arguments.int("concurrency", 1))
let base = arguments.string("url", "http://127.0.0.1:8080/")
let url = URL(string: base + "identity/v2/auth/login?apiKey=00000000-aaaa-bbbb-cccc-000000000001")!

let sessionConfiguration = URLSessionConfiguration.default
sessionConfiguration.httpMaximumConnectionsPerHost = max(concurrency, 1)
sessionConfiguration.urlCache = nil
sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
let session = URLSession(configuration: sessionConfiguration)

await runStandardModes(client: "urlsession", arguments: arguments) {
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    do {
        request.httpBody = try JSONEncoder().encode(LoginBody(email: "ada@example.com", password: "correct horse battery staple"))
        let (data, response) = try await session.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { return false }
        let reply = try JSONDecoder().decode(LoginReply.self, from: data)
        return !reply.access_token.isEmpty
    } catch {
        return false
    }
}
