import Foundation
import LRCore
import Testing

/// `JSONValue(parsing:)` against Foundation: the same trees as `JSONDecoder` for real replies,
/// random trees back from `JSONEncoder`, numbers as `Double(String)` reads them, and mutated
/// texts that either parse or throw.
@Suite("JSONParser: differential and fuzz")
struct JSONParserDifferentialTests {
    /// Tools/Benchmarks/nginx/login-reply.json, broken into lines at commas (JSON whitespace,
    /// so the value is the same).
    static let loginReply = #"""
        {"Profile":{"Uid":"5a8c9a6f4b2e4d1c9f0e7b3a2d1c0b9a","ID":"e1b2c3d4a5f6478990aabbccddeeff00","Provider":"Email",
        "RegistrationProvider":"Email","RegistrationSource":"https://app.example.com/signup","FirstName":"Ada",
        "MiddleName":null,"LastName":"Lovelace","FullName":"Ada Lovelace","NickName":null,"Gender":"F",
        "BirthDate":"12-10-1815","Email":[{"Type":"Primary","Value":"ada@example.com"}],"EmailVerified":true,
        "IsEmailSubscribed":false,"PhoneId":"+14155550123","PhoneIdVerified":false,
        "Country":{"Code":"GB","Name":"United Kingdom"},"City":"London","LocalLanguage":"en-GB",
        "TimeZone":"Europe/London","Company":"Analytical Engines Ltd","ImageUrl":null,
        "CustomFields":{"plan":"pro","newsletter":"weekly"},"Roles":["customer","beta"],
        "CreatedDate":"2024-03-01T09:30:12.512Z","ModifiedDate":"2024-05-01T10:52:36.164Z",
        "LastLoginDate":"2024-05-01T10:52:36.164Z","NoOfLogins":42,"IsActive":true,"IsDeleted":false,
        "IsLoginLocked":false,"Identities":null,"PasswordExpirationDate":null,
        "LastPasswordChangeDate":"2024-03-01T09:30:12.512Z","IsSecurePassword":true,"PrivacyPolicy":null},
        "access_token":"c3b8130e-9d43-4b5e-8c8e-6a1f2d9e0b7c","refresh_token":"5b8a0b7c-1f2e-4d3c-9a8b-7c6d5e4f3a2b",
        "expires_in":"2024-05-01T10:52:36.1644137Z"}
        """#

    static let replies = [
        loginReply,
        #"{"Description":"The provided LoginRadius API key is invalid, please use a valid API key of your LoginRadius account.","ErrorCode":905,"Message":"API key is invalid","IsProviderError":false,"ProviderErrorResponse":null}"#,
        #"{"Description":"The email and password combination you have entered is invalid.","ErrorCode":938,"Message":"Email and password combination is invalid","IsProviderError":false,"ProviderErrorResponse":null}"#,
        #"{"Description":"Le mot de passe \u00e9tait invalide \ud83d\ude00","ErrorCode":1134,"Message":"line\nbreak \"quoted\" https:\/\/example.com","IsProviderError":true,"ProviderErrorResponse":{"error":"invalid_grant","details":["é","日本語",-3.25e-2]}}"#,
        #"{"Data":[{"Uid":"a","NoOfLogins":3,"Score":12.5,"Big":12345678901234567890},{"Uid":"b","Tags":[]}],"Count":2,"Ratio":-0.001}"#,
        FuzzCorpus.errorBody, FuzzCorpus.identity, FuzzCorpus.accessToken,
    ]

    /// Integral doubles as `.int`: `JSONValue`'s Codable path decodes `1.0` and `1e2` as `.int`,
    /// where the parser keeps `.double` for any number written with a fraction or exponent.
    static func normalised(_ value: JSONValue) -> JSONValue {
        switch value {
        case .double(let number) where number.rounded() == number && abs(number) < 9e18: .int(Int64(number))
        case .array(let elements): .array(elements.map(normalised))
        case .object(let members): .object(members.mapValues(normalised))
        default: value
        }
    }

    @Test("real replies parse to what JSONDecoder decodes", arguments: replies)
    func sameAsJSONDecoder(text: String) throws {
        let data = Data(text.utf8)
        let parsed = try JSONValue(parsing: data)
        #expect(Self.normalised(parsed) == Self.normalised(try JSONDecoder().decode(JSONValue.self, from: data)))
        #expect(parsed != .null)
    }

    @Test("the login reply: every member, with the integer as .int")
    func loginReplyShape() throws {
        let reply = try JSONValue(parsing: Data(Self.loginReply.utf8))
        #expect(reply["Profile"]?["NoOfLogins"] == .int(42))
        #expect(reply["Profile"]?["Email"]?[0]?["Value"] == "ada@example.com")
        #expect(reply["Profile"]?.objectValue?.count == 37)
        #expect(reply["expires_in"] == "2024-05-01T10:52:36.1644137Z")
    }

    @Test("random trees come back unchanged from JSONEncoder's text", arguments: 0..<4)
    func encoderRoundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(seed: 0x4A53_4F4E + seed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [[], .prettyPrinted, .sortedKeys, .withoutEscapingSlashes][Int(seed)]
        for _ in 0..<150 {
            let tree = RandomJSON.value(&generator, depth: 4)
            let text = try encoder.encode(tree)
            #expect(try JSONValue(parsing: text) == tree, "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test("numbers: the same double as Double(String), the same integer as Int64(String)")
    func numbersAgreeWithStandardLibrary() throws {
        var generator = SeededGenerator(seed: 0x4E55_4D42)
        for _ in 0..<20_000 {
            let text = RandomJSON.numberText(&generator)
            let parsed = try JSONValue(parsing: Data(text.utf8))
            if let integer = Int64(text) {
                #expect(parsed == .int(integer), "\(text)")
            } else if case .int(let whole) = parsed {
                // A whole number written with a fraction or exponent: exact, so it rounds to the
                // same double as the text.
                #expect(Double(whole) == Double(text), "\(text)")
            } else {
                let expected = try #require(Double(text))
                #expect(parsed.doubleValue?.bitPattern == expected.bitPattern, "\(text)")
            }
        }
    }

    @Test("mutated replies never crash; what the parser accepts, JSONDecoder accepts the same")
    func mutations() {
        var generator = SeededGenerator(seed: 0x4D55_5441)
        let seeds = Self.replies.map { Array($0.utf8) }
        var parsedCount = 0
        for _ in 0..<4000 {
            let seedBody = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            let body = Data(FuzzCorpus.body(&generator, seedBody: seedBody))
            // Never more lenient than JSONDecoder (which lets trailing commas, a byte order mark
            // and a NUL after the value through, where the parser is stricter).
            guard let parsed = try? JSONValue(parsing: body) else { continue }
            parsedCount += 1
            let decoded = try? JSONDecoder().decode(JSONValue.self, from: body)
            #expect(decoded.map(Self.normalised) == Self.normalised(parsed), "\(String(decoding: body, as: UTF8.self))")
        }
        #expect(parsedCount > 100)
    }
}

/// Seeded random JSON values and number texts.
enum RandomJSON {
    static func value(_ generator: inout SeededGenerator, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 0 ? 9 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            let small = Bool.random(using: &generator)
            return .int(
                small ? .random(in: -1000...1000, using: &generator) : .random(in: .min ... .max, using: &generator))
        case 3: return .double(fractional(&generator))
        case 4, 5: return .string(string(&generator))
        case 6, 7:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in value(&generator, depth: depth - 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                members[string(&generator)] = value(&generator, depth: depth - 1)
            }
            return .object(members)
        }
    }

    /// A finite double with a fraction (an integral one would come back as `.int` from
    /// JSONEncoder's `1` for `1.0`): random bit patterns (subnormals, 17-digit values) and short
    /// decimals (the parser's fast path).
    static func fractional(_ generator: inout SeededGenerator) -> Double {
        while true {
            let candidate =
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: Double(bitPattern: generator.next())
                case 1: Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 1000
                default:
                    Double.random(in: -1...1, using: &generator)
                        * pow(10, Double.random(in: -30...30, using: &generator))
                }
            if candidate.isFinite && candidate.rounded() != candidate { return candidate }
        }
    }

    /// Mostly ASCII, with escapes JSONEncoder must write (quotes, backslashes, slashes, control
    /// characters) and every UTF-8 length.
    static func string(_ generator: inout SeededGenerator) -> String {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x20...0x7E, 0x20...0x7E, 0x00...0x1F, 0x22...0x22, 0x5C...0x5C, 0x2F...0x2F, 0x80...0x7FF,
            0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF,
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...20, using: &generator) {
            let range = ranges[Int.random(in: 0..<ranges.count, using: &generator)]
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// A number as RFC 8259 writes it, within Double's range: up to 25 integer and fraction
    /// digits and exponents from -350 (underflow to zero) to 280.
    static func numberText(_ generator: inout SeededGenerator) -> String {
        func digits(_ count: Int, _ generator: inout SeededGenerator) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        var text = Bool.random(using: &generator) ? "-" : ""
        let integerDigits =
            Int.random(in: 0...3, using: &generator) == 0
            ? Int.random(in: 1...25, using: &generator) : Int.random(in: 1...8, using: &generator)
        text +=
            integerDigits == 1
            ? digits(1, &generator)
            : String(Int.random(in: 1...9, using: &generator)) + digits(integerDigits - 1, &generator)
        if Bool.random(using: &generator) {
            text +=
                "."
                + digits(Int.random(in: 1...(Bool.random(using: &generator) ? 25 : 8), using: &generator), &generator)
        }
        if Bool.random(using: &generator) {
            text += ["e", "E", "e+", "e-", "E-"][Int.random(in: 0..<5, using: &generator)]
            text += String(Int.random(in: 0...(text.hasSuffix("-") ? 350 : 280), using: &generator))
        }
        return text
    }
}
