import Foundation
import LRCore
import Testing

@Suite("TransportBenchTemp") struct TransportBenchTemp {
    @Test func bench() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(.init(body: Array(repeating: 0x61, count: 512))) }
        defer { server.stop() }
        let transport = try TransportTestSupport.transport()
        let request = LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["identity", "v2"], headers: ["Accept": "application/json", "X-A": "b"])
        for _ in 0..<200 { _ = try await transport.send(request) }
        let clock = ContinuousClock()
        var start = clock.now
        let n = 5000
        for _ in 0..<n { _ = try await transport.send(request) }
        var elapsed = clock.now - start
        print("BENCH sequential: \(Double(n) / elapsed.seconds) req/s, \(elapsed.seconds / Double(n) * 1e6) us/req")
        start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { for _ in 0..<(n / 8) { _ = try await transport.send(request) } } }
            try await group.waitForAll()
        }
        elapsed = clock.now - start
        print("BENCH 8-concurrent: \(Double(n) / elapsed.seconds) req/s")
    }
}

import CLibCurl
extension TransportBenchTemp {
    @Test func rawCurl() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(.init(body: Array(repeating: 0x61, count: 512))) }
        defer { server.stop() }
        let url = server.baseURL + "/identity/v2"
        let n = 5000
        let t = Thread {
            let easy = curl_easy_init()!
            var list: UnsafeMutablePointer<curl_slist>? = nil
            list = curl_slist_append(list, "Accept: application/json")
            list = curl_slist_append(list, "X-A: b")
            let write: lr_curl_data_callback = { _, s, c, _ in s * c }
            func one() {
                curl_easy_reset(easy)
                _ = lr_curl_easy_setopt_string(easy, CURLOPT_URL, url)
                _ = lr_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list)
                _ = lr_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
                _ = lr_curl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, write)
                _ = curl_easy_perform(easy)
            }
            for _ in 0..<200 { one() }
            let clock = ContinuousClock()
            let start = clock.now
            for _ in 0..<n { one() }
            let elapsed = clock.now - start
            print("BENCH raw easy sequential: \(Double(n) / elapsed.seconds) req/s, \(elapsed.seconds / Double(n) * 1e6) us/req")
        }
        t.start()
        while !t.isFinished { try await Task.sleep(for: .milliseconds(50)) }
    }
}
