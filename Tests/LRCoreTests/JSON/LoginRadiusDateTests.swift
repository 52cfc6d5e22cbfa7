import Foundation
import LRCore
import Testing

@Suite("LoginRadius timestamps and JSON values")
struct LoginRadiusDateTests {
    @Test(
        "ISO 8601 with 0 to 7 fractional digits, with or without Z",
        arguments: [
            ("2021-06-26T09:17:46.6040624Z", 1_624_699_066.604_062_4),
            ("2021-06-26T09:17:46.604Z", 1_624_699_066.604),
            ("2021-06-26T09:17:46Z", 1_624_699_066.0),
            ("2021-06-26T09:17:46", 1_624_699_066.0),
            ("2021-06-26T11:17:46+02:00", 1_624_699_066.0),
        ])
    func parses(raw: String, seconds: Double) throws {
        let date = try #require(LoginRadiusDate(rawValue: raw).date)
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.001)
    }

    @Test("strings that are not timestamps keep their raw value and have no date")
    func notADate() throws {
        let date = try JSONDecoder().decode([LoginRadiusDate].self, from: Data(#"["never"]"#.utf8))[0]
        #expect(date.rawValue == "never")
        #expect(date.date == nil)
        #expect(String(decoding: try JSONEncoder().encode([date]), as: UTF8.self) == #"["never"]"#)
    }

    @Test("JSONValue round-trips every JSON type")
    func jsonRoundTrip() throws {
        let text = #"{"a":[1,2.5,null,true,"x"],"b":{"c":-3}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["a"]?[1]?.doubleValue == 2.5)
        #expect(value["a"]?[0] == .int(1))
        #expect(value["b"]?["c"]?.intValue == -3)
        let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value))
        #expect(again == value)
    }
}
