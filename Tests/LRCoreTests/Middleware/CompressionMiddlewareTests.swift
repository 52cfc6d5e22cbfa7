import Foundation
import LRCore
import Testing

@Suite("Compression middleware")
struct CompressionMiddlewareTests {
    typealias Support = MiddlewareTestSupport

    static let json = Data(#"{"Uid":"sample_uid","FirstName":"Ada","Numbers":[1,2,3]}"#.utf8)

    static func gzipped(_ data: Data) throws -> Data {
        try Zlib.compress(data, format: .gzip)
    }

    @Test("zlib round trips for gzip, zlib and raw deflate; gzip members are decoded in sequence")
    func roundTrip() throws {
        let text = Data((0..<5000).map { "line \($0) of the body\n" }.joined().utf8)
        for format in [Zlib.Format.gzip, .zlib, .raw] {
            let compressed = try Zlib.compress(text, format: format)
            #expect(compressed.count < text.count / 4)
            #expect(try Zlib.decompress(compressed, format: format, limit: text.count) == text)
        }
        #expect(try Zlib.decompress(try Zlib.compress(text, format: .zlib), format: .automatic, limit: .max) == text)
        let twoMembers = try Zlib.compress(Data("one,".utf8)) + Zlib.compress(Data("two".utf8))
        #expect(try Zlib.decompress(twoMembers, format: .gzip, limit: 100) == Data("one,two".utf8))
        #expect(try Zlib.compress(Data()).count > 0)
        #expect(throws: Zlib.Failure.limitExceeded(text.count - 1)) {
            try Zlib.decompress(try Zlib.compress(text), format: .gzip, limit: text.count - 1)
        }
    }

    @Test("every request advertises Accept-Encoding: gzip, deflate")
    func acceptEncoding() async throws {
        let transport = ScriptedTransport()
        let client = try Support.client(try Support.configuration(), transport: transport)
        _ = try await client.send(try Support.call(Support.getProfile))
        #expect(transport.requests.first?.headers["Accept-Encoding"] == "gzip, deflate")
    }

    @Test("a gzip body is decoded before the client reads it, and the encoding headers are dropped")
    func gzipDecoded() async throws {
        let body = try Self.gzipped(Self.json)
        let transport = ScriptedTransport([
            .success(
                LoginRadiusResponse(
                    status: 200,
                    headers: [
                        "Content-Type": "application/json", "Content-Encoding": "gzip",
                        "Content-Length": "\(body.count)",
                    ],
                    body: body))
        ])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let response = try await client.send(try Support.call(Support.getProfile))
        #expect(response.body == Self.json)
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Content-Length"] == nil)
        #expect(response.headers["Content-Type"] == "application/json")
        let decoded = try await client.perform(try Support.call(Support.getProfile), as: [String: JSONValue].self)
        #expect(decoded["FirstName"] == "Ada")
    }

    @Test("deflate is decoded whether zlib-wrapped or bare; x-gzip and stacked codings too")
    func deflateAndStacked() throws {
        let middleware = CompressionMiddleware()
        for (coding, body) in [
            ("deflate", try Zlib.compress(Self.json, format: .zlib)),
            ("deflate", try Zlib.compress(Self.json, format: .raw)),
            ("x-gzip", try Self.gzipped(Self.json)),
            ("gzip, deflate", try Zlib.compress(Self.gzipped(Self.json), format: .zlib)),
            ("identity, GZIP", try Self.gzipped(Self.json)),
        ] {
            let response = LoginRadiusResponse(status: 200, headers: ["Content-Encoding": coding], body: body)
            #expect(try middleware.decode(response).body == Self.json, "\(coding)")
        }
    }

    @Test("a decompression bomb fails with responseTooLarge instead of exhausting memory")
    func bomb() async throws {
        let bomb = try Self.gzipped(Data(count: 64 * 1024 * 1024)) // 64 MiB of zeros, about 64 KiB compressed
        #expect(bomb.count < 100_000)
        let transport = ScriptedTransport([
            .success(LoginRadiusResponse(status: 200, headers: ["Content-Encoding": "gzip"], body: bomb))
        ])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let error = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        guard let failure = (try #require(error) as? LoginRadiusError)?.transport else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(failure.kind == .responseTooLarge)
        #expect(failure.message.contains("\(CompressionPolicy.defaultMaxDecompressedSize) bytes"))
        #expect(transport.requests.count == 1) // not retried
    }

    @Test("the cap is configurable and inclusive")
    func configurableCap() throws {
        let body = try Self.gzipped(Data(count: 2048))
        let response = LoginRadiusResponse(status: 200, headers: ["Content-Encoding": "gzip"], body: body)
        #expect(try CompressionMiddleware(policy: .init(maxDecompressedSize: 2048)).decode(response).body.count == 2048)
        #expect(throws: LoginRadiusError.self) {
            try CompressionMiddleware(policy: .init(maxDecompressedSize: 2047)).decode(response)
        }
    }

    @Test("a corrupt or truncated stream is a typed transport error")
    func corrupt() throws {
        let middleware = CompressionMiddleware()
        let gzip = try Self.gzipped(Self.json)
        for (body, fragment) in [
            (Data("not compressed at all".utf8), "corrupt"), (gzip.prefix(gzip.count - 12), "truncated"),
        ] {
            let response = LoginRadiusResponse(status: 200, headers: ["Content-Encoding": "gzip"], body: Data(body))
            do {
                _ = try middleware.decode(response)
                Issue.record("expected an error")
            } catch let caught as LoginRadiusError where caught.transport != nil {
                let failure = caught.transport!
                #expect(failure.kind == .other)
                #expect(failure.curlCode == nil)
                #expect(failure.mayHaveReachedServer)
                #expect(failure.message.contains(fragment), "\(failure.message)")
            }
        }
    }

    @Test("an encoding that was not advertised, or an empty body, is left as it is")
    func passThrough() throws {
        let middleware = CompressionMiddleware()
        let brotli = LoginRadiusResponse(status: 200, headers: ["Content-Encoding": "br"], body: Data([1, 2, 3]))
        #expect(try middleware.decode(brotli) == brotli)
        let empty = LoginRadiusResponse(status: 204, headers: ["Content-Encoding": "gzip"])
        #expect(try middleware.decode(empty) == empty)
        let plain = LoginRadiusResponse(status: 200, body: Self.json)
        #expect(try middleware.decode(plain) == plain)
    }

    @Test("request bodies are gzipped above the threshold when enabled")
    func requestCompression() async throws {
        let transport = ScriptedTransport()
        let policy = CompressionPolicy(compressRequests: true, requestCompressionThreshold: 200)
        let client = try Support.client(try Support.configuration(compression: policy), transport: transport)
        let large: [String: JSONValue] = ["About": .string(String(repeating: "swift ", count: 100))]
        _ = try await client.send(try Support.call(Support.login, body: large))
        _ = try await client.send(try Support.call(Support.login, body: ["email": "a@b.c"]))
        let requests = transport.requests
        #expect(requests[0].headers["Content-Encoding"] == "gzip")
        #expect(requests[0].headers["Content-Type"] == "application/json")
        let original = try JSONCoding.encode(JSONValue.object(large))
        #expect(try Zlib.decompress(try #require(requests[0].body), format: .gzip, limit: .max) == original)
        #expect(requests[1].headers["Content-Encoding"] == nil)
        #expect(requests[1].body == Data(#"{"email":"a@b.c"}"#.utf8))
    }

    @Test("request compression is off by default")
    func requestCompressionOffByDefault() async throws {
        #expect(CompressionPolicy.default.compressRequests == false)
        #expect(CompressionPolicy.default.decompressResponses)
        #expect(CompressionPolicy.default.maxDecompressedSize == 8 * 1024 * 1024)
        let transport = ScriptedTransport()
        let client = try Support.client(try Support.configuration(), transport: transport)
        let large: [String: JSONValue] = ["About": .string(String(repeating: "swift ", count: 1000))]
        _ = try await client.send(try Support.call(Support.login, body: large))
        #expect(transport.requests[0].headers["Content-Encoding"] == nil)
    }

    @Test("a request that will be signed is never compressed; other requests still are")
    func signedRequestsNotCompressed() async throws {
        let transport = ScriptedTransport()
        let policy = CompressionPolicy(compressRequests: true, requestCompressionThreshold: 10)
        let client = try Support.client(
            try Support.configuration(compression: policy, requestSigning: true), transport: transport)
        let large: [String: JSONValue] = ["About": .string(String(repeating: "swift ", count: 100))]
        _ = try await client.send(try Support.call(Support.managePost, body: large))
        _ = try await client.send(try Support.call(Support.login, body: large))
        let requests = transport.requests
        #expect(requests[0].headers["Content-Encoding"] == nil)
        #expect(requests[0].headers[LoginRadiusHeaderName.digest]?.hasPrefix("SHA-256=") == true)
        #expect(requests[0].body == (try JSONCoding.encode(JSONValue.object(large))))
        #expect(requests[1].headers["Content-Encoding"] == "gzip")
    }

    @Test("CompressionPolicy.disabled advertises nothing and decodes nothing")
    func disabled() async throws {
        let body = try Self.gzipped(Self.json)
        let transport = ScriptedTransport([
            .success(LoginRadiusResponse(status: 200, headers: ["Content-Encoding": "gzip"], body: body))
        ])
        let client = try Support.client(try Support.configuration(compression: .disabled), transport: transport)
        let response = try await client.send(try Support.call(Support.getProfile))
        #expect(transport.requests[0].headers["Accept-Encoding"] == nil)
        #expect(response.body == body)
        #expect(!client.middlewareNames.contains("CompressionMiddleware"))
    }
}
