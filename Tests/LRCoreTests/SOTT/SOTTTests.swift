import Foundation
import LRCore
import Testing

/// The known-answer file `../shared/conformance/sott.json`, relative to the repository root.
struct SOTTVectors: Decodable {
    struct Case: Decodable {
        struct Inputs: Decodable {
            var apiKey: String?
            var apiSecret: String?
            var startTime: String?
            var endTime: String?
            /// Minutes, sent by the Python SDK as a string or a number.
            var timeDifference: JSONValue?

            var minutes: Int? {
                switch timeDifference {
                case .string(let text): Int(text)
                case .int(let value): Int(value)
                default: nil
                }
            }
        }
        struct Intermediate: Decodable {
            var plaintext: String
            var paddedPlaintextHex: String
            var paddedLenBytes: Int
            var padValue: Int
            var aesKeyHex: String
            var ivASCII: String
            var ciphertextB64: String?
            var md5HexOfB64: String?

            enum CodingKeys: String, CodingKey {
                case plaintext
                case paddedPlaintextHex = "padded_plaintext_hex"
                case paddedLenBytes = "padded_len_bytes"
                case padValue = "pad_value"
                case aesKeyHex = "aes_key_hex"
                case ivASCII = "iv_ascii"
                case ciphertextB64 = "ciphertext_b64"
                case md5HexOfB64 = "md5_hex_of_b64"
            }
        }
        var id: String
        var inputs: Inputs
        var classAPIKey: String
        var classAPISecret: String
        var frozenUTCNow: String?
        var output: String?
        var intermediate: Intermediate
        var binding: Bool

        enum CodingKeys: String, CodingKey {
            case id, inputs, output, intermediate, binding
            case classAPIKey = "class_api_key"
            case classAPISecret = "class_api_secret"
            case frozenUTCNow = "frozen_utc_now"
        }

        var apiKey: String { inputs.apiKey ?? classAPIKey }
        var apiSecret: String { inputs.apiSecret ?? classAPISecret }

        /// Our SOTT for this case's inputs: the given window, or the frozen clock (formatted with
        /// a 24-hour clock) plus `timeDifference` minutes (default 10).
        func generate() throws -> String {
            if let start = inputs.startTime, let end = inputs.endTime {
                return try SOTT.generate(apiKey: apiKey, apiSecret: apiSecret, startTime: start, endTime: end)
            }
            let now = try utc(try #require(frozenUTCNow))
            let minutes = inputs.minutes ?? 10
            return try SOTT.generate(apiKey: apiKey, apiSecret: apiSecret, validFor: .seconds(minutes * 60), now: now)
        }
    }
    var cases: [Case]

    /// The repository root, found from this file's path (`Tests/LRCoreTests/SOTT/…`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> SOTTVectors {
        let url = repositoryRoot.appendingPathComponent("../shared/conformance/sott.json").standardizedFileURL
        return try JSONDecoder().decode(SOTTVectors.self, from: Data(contentsOf: url))
    }

    static let all: [Case] = (try? load().cases) ?? []
    static var binding: [Case] { all.filter(\.binding) }
}

private let defaultKey = "00000000-aaaa-bbbb-cccc-000000000001"
private let defaultSecret = "11111111-dddd-eeee-ffff-000000000002"

/// `2026-01-01 HH:mm:ss` UTC as a `Date`.
private func utc(_ text: String) throws -> Date {
    let date = LoginRadiusDate(rawValue: text.replacingOccurrences(of: " ", with: "T") + "Z").date
    return try #require(date)
}

private func hex(_ bytes: [UInt8]) -> String { SOTT.hex(bytes) }

@Suite("SOTT known answers (shared/conformance/sott.json)")
struct SOTTKnownAnswerTests {
    @Test("the vector file is present and has binding cases")
    func vectorsLoad() throws {
        let vectors = try SOTTVectors.load()
        #expect(vectors.cases.count >= 9)
        #expect(vectors.cases.filter(\.binding).count >= 5)
    }

    @Test("binding cases match byte for byte", arguments: SOTTVectors.binding)
    func bindingOutput(_ vector: SOTTVectors.Case) throws {
        let output = try #require(vector.output)
        let sott = try vector.generate()
        #expect(sott == output, "\(vector.id)")
        let parts = sott.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        #expect(parts.count == 2)
        #expect(parts.first == vector.intermediate.ciphertextB64)
        #expect(parts.last == vector.intermediate.md5HexOfB64)
    }

    @Test("binding cases: every intermediate step", arguments: SOTTVectors.binding)
    func bindingIntermediates(_ vector: SOTTVectors.Case) throws {
        let step = vector.intermediate
        // The plaintext is `start#apiKey#end`; the key sits between the two 19-character times.
        let parts = step.plaintext.components(separatedBy: "#")
        let start = try #require(parts.first)
        let end = try #require(parts.last)
        #expect(parts.count == 3)
        #expect(parts.dropFirst().first == vector.apiKey)
        if let given = vector.inputs.startTime { #expect(start == given) }
        if let given = vector.inputs.endTime { #expect(end == given) }
        let padded = SOTT.paddedPlaintext(apiKey: vector.apiKey, startTime: start, endTime: end)
        #expect(hex(padded) == step.paddedPlaintextHex)
        #expect(padded.count == step.paddedLenBytes)
        #expect(padded.last.map(Int.init) == step.padValue)
        #expect(try SOTT.encryptionKeyHex(apiSecret: vector.apiSecret) == step.aesKeyHex)
        #expect(step.ivASCII == "tu89geji340t89u2")
        let b64 = try #require(step.ciphertextB64)
        #expect(SOTT.md5Hex(b64) == step.md5HexOfB64)
    }

    @Test("every case's AES key (PBKDF2-HMAC-SHA1, 10,000 rounds) matches", arguments: SOTTVectors.all)
    func keys(_ vector: SOTTVectors.Case) throws {
        #expect(try SOTT.encryptionKeyHex(apiSecret: vector.apiSecret) == vector.intermediate.aesKeyHex)
    }

    @Test(
        "clock cases: the frozen time formatted with a 24-hour clock",
        arguments: SOTTVectors.all.filter { $0.frozenUTCNow != nil })
    func clockCases(_ vector: SOTTVectors.Case) throws {
        let frozen = try #require(vector.frozenUTCNow) // "2026-01-01 14:05:09"
        let now = try utc(frozen)
        let start = SOTT.timeString(now)
        #expect(start == frozen.replacingOccurrences(of: "-", with: "/"))
        let end = SOTT.timeString(now.addingTimeInterval(Double((vector.inputs.minutes ?? 10) * 60)))
        let ours = try vector.generate()
        #expect(
            ours
                == (try SOTT.generate(
                    apiKey: vector.apiKey, apiSecret: vector.apiSecret, startTime: start, endTime: end)))
        // Python's 12-hour `%I` agrees with ours only from 01 to 12 o'clock; then the tokens match.
        let pythonStart = vector.intermediate.plaintext.components(separatedBy: "#").first
        if pythonStart == start {
            #expect(ours == vector.output)
        } else {
            #expect(ours != vector.output)
        }
    }

    @Test("non-ASCII key: padded by bytes, not characters (Python defect not copied)")
    func nonASCIIKeyPadsByBytes() throws {
        let vector = try #require(SOTTVectors.all.first { $0.id == "fixed_window_nonascii_key" })
        #expect(vector.binding == false)
        #expect(vector.output == nil) // Python fails here
        let padded = SOTT.paddedPlaintext(
            apiKey: "kéy", startTime: "2026/01/01 10:00:00", endTime: "2026/01/01 10:10:00")
        #expect(padded.count == 48)
        #expect(padded.count != vector.intermediate.paddedLenBytes) // Python's 49 bytes
        #expect(
            hex(padded)
                == "323032362f30312f30312031303a30303a3030236bc3a97923323032362f30312f30312031303a31303a303004040404"
        )
        // Expected value computed independently (Python hashlib PBKDF2 + `openssl enc -aes-256-cbc -nopad`).
        let sott = try SOTT.generate(
            apiKey: "kéy", apiSecret: "secret", startTime: "2026/01/01 10:00:00", endTime: "2026/01/01 10:10:00")
        #expect(
            sott == "daCfVvmHlZmy4642tOI8iY95NrwsHD6VYxFL13Ujeapy+dzQi+4zHdFgDhjdEVRn*d5c9d3975d627005fe7d8836acfbd2b4")
    }

    @Test("afternoon clock: 24-hour time, not Python's 12-hour %I")
    func afternoonUses24HourClock() throws {
        let vector = try #require(SOTTVectors.all.first { $0.id == "clock_default_10min_pm" })
        #expect(vector.binding == false)
        let now = try utc(try #require(vector.frozenUTCNow)) // 2026-01-01 14:05:09 UTC
        #expect(SOTT.timeString(now) == "2026/01/01 14:05:09")
        let sott = try SOTT.generate(apiKey: vector.apiKey, apiSecret: vector.apiSecret, now: now)
        #expect(sott != vector.output) // Python's token encodes 02:05:09
        #expect(
            sott
                == (try SOTT.generate(
                    apiKey: vector.apiKey, apiSecret: vector.apiSecret,
                    startTime: "2026/01/01 14:05:09", endTime: "2026/01/01 14:15:09"))
        )
        // Computed independently (Python hashlib PBKDF2 + openssl AES-256-CBC) for 14:05:09–14:15:09.
        #expect(
            sott
                == "DNIEhGpPtaKZVitz0xPYL5tpOY2Itj3VLt8ORXYZJnmZGXCCEirqOhGGc3VOaIqHQDEW6RIIdSpvBV3ePvOGVsvUUaWVWh0J/5Ky1FVH/Dw=*e7ea4d002b7fcd00d828f68822fd89e6"
        )
    }

    @Test("afternoon clock with a 20-minute window")
    func afternoonTwentyMinutes() throws {
        let vector = try #require(SOTTVectors.all.first { $0.id == "clock_timedifference_str_20" })
        let now = try utc(try #require(vector.frozenUTCNow))
        let sott = try SOTT.generate(
            apiKey: vector.apiKey, apiSecret: vector.apiSecret, validFor: .seconds(20 * 60), now: now)
        #expect(sott != vector.output)
        #expect(
            sott
                == (try SOTT.generate(
                    apiKey: vector.apiKey, apiSecret: vector.apiSecret,
                    startTime: "2026/01/01 14:05:09", endTime: "2026/01/01 14:25:09"))
        )
    }

    @Test("morning clock: 12- and 24-hour formats agree, so Python's token is reproduced")
    func morningMatchesPython() throws {
        let vector = try #require(SOTTVectors.all.first { $0.id == "clock_timedifference_int_5" })
        let now = try utc(try #require(vector.frozenUTCNow)) // 09:30:00
        let sott = try SOTT.generate(
            apiKey: vector.apiKey, apiSecret: vector.apiSecret, validFor: .seconds(5 * 60), now: now)
        #expect(sott == vector.output)
        #expect(
            hex(
                SOTT.paddedPlaintext(
                    apiKey: vector.apiKey, startTime: "2026/01/01 09:30:00", endTime: "2026/01/01 09:35:00"))
                == vector.intermediate.paddedPlaintextHex
        )
    }
}

@Suite("SOTT generation")
struct SOTTGenerationTests {
    @Test("a plaintext that is a whole number of blocks gets a full block of 0x10")
    func fullPaddingBlock() throws {
        let padded = SOTT.paddedPlaintext(
            apiKey: "abcdefgh", startTime: "2026/01/01 10:00:00", endTime: "2026/01/01 10:10:00")
        #expect(padded.count == 64)
        #expect(Array(padded.suffix(16)) == [UInt8](repeating: 0x10, count: 16))
        // Computed independently (Python hashlib PBKDF2 + openssl AES-256-CBC).
        let sott = try SOTT.generate(
            apiKey: "abcdefgh", apiSecret: "secret", startTime: "2026/01/01 10:00:00", endTime: "2026/01/01 10:10:00")
        #expect(
            sott
                == "daCfVvmHlZmy4642tOI8ie+e5c5T3rc+E8tmEo5Gg2OKvh53YYTf8ns+09F6GDnGV/wBppQ9VzTiu7rvxSPgFg==*ba18b9cc0ea6c0553d20f614a3b19f21"
        )
    }

    @Test("a window crossing midnight and the new year")
    func acrossMidnight() throws {
        let now = try utc("2026-12-31 23:55:00")
        #expect(SOTT.timeString(now.addingTimeInterval(600)) == "2027/01/01 00:05:00")
        let sott = try SOTT.generate(apiKey: defaultKey, apiSecret: defaultSecret, now: now)
        #expect(
            sott
                == "b1oqO48Rr+iemOUuPUrXnKEH6OfuOFCwDzStV0XfoCiaBgUm9G2GTr8c3ATKzUtdmTVz8ShjzXce0ebf6F8n0lpQjxbtss/0Tj8ogHJlIxI=*0f08d13d716411cc2c2770ba81f9a60e"
        )
    }

    @Test("timeString: UTC, zero-padded, 24-hour, fractions dropped")
    func timeString() throws {
        #expect(SOTT.timeString(Date(timeIntervalSince1970: 0)) == "1970/01/01 00:00:00")
        #expect(SOTT.timeString(try utc("2026-03-04 05:06:07.999")) == "2026/03/04 05:06:07")
        #expect(SOTT.timeString(try utc("2026-01-01 23:59:59")) == "2026/01/01 23:59:59")
        #expect(SOTT.timeString(try utc("2026-01-01 12:00:00")) == "2026/01/01 12:00:00")
        #expect(SOTT.timeString(try utc("2026-01-01 00:00:00")) == "2026/01/01 00:00:00")
    }

    @Test("the default window is 10 minutes")
    func defaultWindow() throws {
        let now = try utc("2026-01-01 10:00:00")
        #expect(SOTT.defaultValidity == .seconds(600))
        let sott = try SOTT.generate(apiKey: defaultKey, apiSecret: defaultSecret, now: now)
        #expect(
            sott
                == "69Bc3y3gOtjlQ9RHm/FzzeP1Wym2/Lwxeu6LdE+4lXs3prYctvUO7go5I6vqT9Y7kL6K2UO6n+51x78a8QQ8ixZyjAfgLk4nW/o1vjDDQVY=*fa7e71f246ce296fb133fc84188c89e1"
        )
    }

    @Test("LoginRadiusConfiguration.generateSOTT uses the configured key and secret")
    func configurationExtension() throws {
        let configuration = try LoginRadiusConfiguration(apiKey: defaultKey, apiSecret: defaultSecret)
        let now = try utc("2026-01-01 10:00:00")
        #expect(
            try configuration.generateSOTT(now: now)
                == "69Bc3y3gOtjlQ9RHm/FzzeP1Wym2/Lwxeu6LdE+4lXs3prYctvUO7go5I6vqT9Y7kL6K2UO6n+51x78a8QQ8ixZyjAfgLk4nW/o1vjDDQVY=*fa7e71f246ce296fb133fc84188c89e1"
        )
        #expect(
            try configuration.generateSOTT(validFor: .seconds(300), now: try utc("2026-01-01 09:30:00"))
                == "uE5pwaO4sRsJo90/3bZWxNTsbzxImkImTE5T8mD9+EUouu5jzTjfr3ID8kwyG8PlsnPdwSDzQ6pQUctxp8DmlHylo8t+ZQx5OGCMyhJn0FE=*c3d2f1eaa03acbaa147f77e0e3016917"
        )
    }

    @Test("the output has the shape base64*md5hex")
    func outputShape() throws {
        let sott = try SOTT.generate(apiKey: defaultKey, apiSecret: defaultSecret)
        let parts = sott.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        #expect(parts.count == 2)
        let ciphertext = try #require(Data(base64Encoded: parts[0]))
        #expect(ciphertext.count % 16 == 0)
        #expect(ciphertext.count == 80)
        #expect(parts[1].count == 32)
        #expect(parts[1].allSatisfy { "0123456789abcdef".contains($0) })
        #expect(SOTT.md5Hex(parts[0]) == parts[1])
    }

    struct BlankCase: Sendable, CustomTestStringConvertible {
        var apiKey = defaultKey
        var apiSecret = defaultSecret
        var startTime = "2026/01/01 10:00:00"
        var endTime = "2026/01/01 10:10:00"
        var parameter: String
        var testDescription: String { parameter }
    }

    @Test(
        "blank arguments throw invalidArgument naming the parameter",
        arguments: [
            BlankCase(apiKey: "", parameter: "apiKey"),
            BlankCase(apiKey: "  ", parameter: "apiKey"),
            BlankCase(apiSecret: "", parameter: "apiSecret"),
            BlankCase(apiSecret: "\t", parameter: "apiSecret"),
            BlankCase(startTime: "", parameter: "startTime"),
            BlankCase(endTime: " ", parameter: "endTime"),
        ])
    func blank(_ input: BlankCase) {
        #expect(throws: LoginRadiusError.invalidArgument(.init(parameter: input.parameter, reason: "is blank"))) {
            try SOTT.generate(
                apiKey: input.apiKey, apiSecret: input.apiSecret, startTime: input.startTime, endTime: input.endTime)
        }
    }

    @Test("blank key or secret in the now-based overload")
    func blankNowBased() {
        #expect(throws: LoginRadiusError.invalidArgument(.init(parameter: "apiKey", reason: "is blank"))) {
            try SOTT.generate(apiKey: "", apiSecret: defaultSecret)
        }
        #expect(throws: LoginRadiusError.invalidArgument(.init(parameter: "apiSecret", reason: "is blank"))) {
            try SOTT.generate(apiKey: defaultKey, apiSecret: " ")
        }
    }

    @Test("a non-positive validity throws invalidArgument(validFor)")
    func nonPositiveValidity() {
        for duration in [Duration.zero, .seconds(-1)] {
            #expect(throws: LoginRadiusError.invalidArgument(.init(parameter: "validFor", reason: "must be positive")))
            {
                try SOTT.generate(apiKey: defaultKey, apiSecret: defaultSecret, validFor: duration)
            }
        }
    }
}

extension SOTTVectors.Case: CustomTestStringConvertible {
    var testDescription: String { id }
}
