// Identifiers and tokens in LoginRadius's shapes: access and refresh tokens are lower-case
// UUIDs, profile IDs (`Uid`, `ID`) and one-time tokens are 32 lower-case hex digits.
import Foundation

enum TokenGenerator {
    /// `f78d7139-…-42afc553fd18`
    static func uuid() -> String {
        UUID().uuidString.lowercased()
    }

    /// 32 lower-case hex digits.
    static func hex32() -> String {
        UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// A numeric one-time password.
    static func otp(digits: Int = 6) -> String {
        String((0..<digits).map { _ in Character(String(Int.random(in: 0...9))) })
    }
}
