// lr-demo-web: the demo web app on http://127.0.0.1:<port>/ — against the in-process LoginRadius
// emulator, or the LoginRadius app named by LOGINRADIUS_API_KEY / LOGINRADIUS_API_SECRET
// (and optionally LOGINRADIUS_BASE_URL). `--port N` (default 8080; 0 = any free port);
// `--public-url URL`: the address users reach the app at, for emailed links (default
// http://127.0.0.1:<port>).
import Foundation
import Hummingbird
import LRDemoWeb

let arguments = CommandLine.arguments
var port = 8080
if let index = arguments.firstIndex(of: "--port"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
    port = value
}

var publicURL: String?
if let index = arguments.firstIndex(of: "--public-url"), index + 1 < arguments.count {
    publicURL = arguments[index + 1]
}

let (backend, emulator) = try await DemoWebApp.backend(environment: ProcessInfo.processInfo.environment)
if let emulator {
    FileHandle.standardOutput.write(
        Data("LoginRadius emulator: \(emulator.baseURL) (inbox: \(emulator.baseURL)emulator/inbox)\n".utf8))
} else if case .loginRadius(_, _, let baseURL) = backend {
    print("LoginRadius: \(baseURL)")
}
let app = try await DemoWebApp(backend: backend, publicURL: publicURL)
let application = app.makeApplication(port: port) { port in
    // Unbuffered, so that scripts reading the output see the address at once.
    FileHandle.standardOutput.write(Data("lr-demo-web: http://127.0.0.1:\(port)/\n".utf8))
}
// Runs until SIGINT or SIGTERM, then shuts down in order: the server (no more requests), the
// LoginRadius client (its connections closed), the emulator.
do {
    try await application.runService()
} catch {
    try? await app.shutdown()
    await emulator?.stop()
    throw error
}
try await app.shutdown()
await emulator?.stop()
