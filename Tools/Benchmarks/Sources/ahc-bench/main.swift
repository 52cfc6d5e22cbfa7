// What a Swift server developer writes without the SDK: async-http-client (one shared
// `HTTPClient`) posting the login body, collecting the reply with `collect(upTo:)` and decoding
// it with JSONDecoder into a plain Decodable struct (the same one urlsession-bench uses).
//
//   ahc-bench --url http://127.0.0.1:PORT/ [--concurrency N] [--mode …] [--seconds S]
import AsyncHTTPClient
import BenchSupport
import Foundation
import NIOCore

let arguments = Arguments()
let concurrency = max(1, arguments.int("concurrency", 1))
let base = arguments.string("url", "http://127.0.0.1:8080/")
let url = base + "identity/v2/auth/login?apiKey=00000000-aaaa-bbbb-cccc-000000000001"

// One client for the process, with a pool as wide as the load (HTTPClient.shared keeps 8
// connections per host, which would queue the 32- and 128-in-flight rows behind the pool).
var configuration = HTTPClient.Configuration()
configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(concurrency, 8)
let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)

await runStandardModes(client: "ahc", arguments: arguments) {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.headers.add(name: "Accept", value: "application/json")
    do {
        let body = try JSONEncoder().encode(
            LoginBody(email: "ada@example.com", password: "correct horse battery staple"))
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        guard response.status == .ok else { return false }
        let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
        // One copy into Data, as NIOFoundationCompat's `JSONDecoder.decode(_:from: ByteBuffer)` makes.
        let reply = try JSONDecoder().decode(LoginReply.self, from: Data(bytes.readableBytesView))
        return !reply.access_token.isEmpty
    } catch {
        return false
    }
}
try await client.shutdown().get()
