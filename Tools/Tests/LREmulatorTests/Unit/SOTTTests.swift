import Foundation
import Testing

@testable import LREmulator

@Suite("SOTT")
struct SOTTTests {
    static let apiKey = "00000000-aaaa-bbbb-cccc-000000000001"
    static let apiSecret = "11111111-dddd-eeee-ffff-000000000002"
    /// Known answer from the SOTT specification (start 2026/01/01 10:00:00, end 10:10:00).
    static let knownSOTT =
        "69Bc3y3gOtjlQ9RHm/FzzeP1Wym2/Lwxeu6LdE+4lXs3prYctvUO7go5I6vqT9Y7kL6K2UO6n+51x78a8QQ8ixZyjAfgLk4nW/o1vjDDQVY=*fa7e71f246ce296fb133fc84188c89e1"

    let codec: SOTTCodec
    let start: Date
    let end: Date

    init() throws {
        codec = SOTTCodec(apiKey: Self.apiKey, apiSecret: Self.apiSecret)
        start = try #require(LoginRadiusDates.parseSOTTTime("2026/01/01 10:00:00"))
        end = try #require(LoginRadiusDates.parseSOTTTime("2026/01/01 10:10:00"))
    }

    @Test func decryptsTheKnownAnswer() throws {
        let content = try #require(codec.decode(Self.knownSOTT))
        #expect(content == SOTTCodec.Content(start: start, apiKey: Self.apiKey, end: end))
    }

    @Test func encryptsToTheKnownAnswer() throws {
        #expect(try codec.make(start: start, end: end) == Self.knownSOTT)
    }

    @Test func acceptsInsideTheWindowIncludingClockSkew() throws {
        try codec.validate(Self.knownSOTT, now: start.addingTimeInterval(60), skew: 300)
        try codec.validate(Self.knownSOTT, now: start.addingTimeInterval(-299), skew: 300)
        try codec.validate(Self.knownSOTT, now: end, skew: 300)
    }

    @Test func rejectsOutsideTheWindow() {
        #expect(throws: LoginRadiusAPIError(.sottInvalid)) {
            try codec.validate(Self.knownSOTT, now: end.addingTimeInterval(1), skew: 300)
        }
        #expect(throws: LoginRadiusAPIError(.sottInvalid)) {
            try codec.validate(Self.knownSOTT, now: start.addingTimeInterval(-301), skew: 300)
        }
    }

    @Test func rejectsTamperingAndOtherCredentials() throws {
        var tampered = Self.knownSOTT
        tampered.removeLast()
        tampered += "0"
        #expect(codec.decode(tampered) == nil)
        let otherSecret = SOTTCodec(apiKey: Self.apiKey, apiSecret: "another-secret")
        #expect(otherSecret.decode(Self.knownSOTT) == nil)
        let otherKey = SOTTCodec(apiKey: "another-key", apiSecret: Self.apiSecret)
        #expect(throws: LoginRadiusAPIError(.sottInvalid)) {
            try otherKey.validate(Self.knownSOTT, now: start, skew: 300)
        }
    }

    @Test func missingSOTTIs1048() {
        #expect(throws: LoginRadiusAPIError(.sottRequired)) { try codec.validate(nil, now: start, skew: 300) }
        #expect(throws: LoginRadiusAPIError(.sottRequired)) { try codec.validate("  ", now: start, skew: 300) }
    }

    @Test func toleratesTransportMangling() throws {
        let spaced = Self.knownSOTT.replacingOccurrences(of: "+", with: " ")
        #expect(codec.decode(spaced) != nil)
        let encoded = try #require(Self.knownSOTT.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        #expect(codec.decode(encoded) != nil)
    }
}
