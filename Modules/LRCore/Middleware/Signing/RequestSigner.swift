import Crypto
public import Foundation

/// LoginRadius's API request signing: an HMAC-SHA256 digest that replaces the API secret header.
///
/// The signed string is `lowercase(expiry + ":" + encode(lowercase(decode(url))))`, followed by
/// `":" + body` when the request has a body, where `encode` percent-encodes every byte but
/// `A–Z a–z 0–9 - . _ ~`. The digest is `Base64(HMAC-SHA256(key: UTF-8 secret, message: UTF-8 string))`
/// and travels as `digest: SHA-256=<digest>` with `X-Request-Expires: <expiry>`.
///
/// Two choices differ from LoginRadius's Python SDK, and follow the documented algorithm and the
/// .NET SDK instead:
/// - The URL is percent-decoded before it is encoded, so the server, which sees the decoded URL,
///   computes the same string (Python encodes an already encoded URL a second time).
/// - A request without a body signs no body part. Python appends `:{}` for a GET because it
///   passes an empty dict; nothing is sent, so nothing is signed.
/// - The key is the secret's UTF-8 bytes (Python uses Latin-1, which fails for other characters).
///
/// Source: https://www.loginradius.com/docs/api/v2/getting-started/api-request-signing/
public struct RequestSigner: Sendable {
    /// The API secret, the HMAC key.
    let secret: String

    /// Creates a signer for `secret`.
    public init(secret: String) {
        self.secret = secret
    }

    /// The expiry string for `date`: UTC, `yyyy-MM-dd HH:mm:ss`, 24-hour clock.
    public static func expiryString(_ date: Date) -> String {
        let components = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(components.year, 4))-\(pad(components.month))-\(pad(components.day)) "
            + "\(pad(components.hour)):\(pad(components.minute)):\(pad(components.second))"
    }

    /// The string that is signed.
    public func signingString(expiry: String, url: String, body: Data?) -> String {
        let decoded = PercentEncoding.decode(url) ?? url
        let encoded = PercentEncoding.encode(decoded.lowercased())
        var result = (expiry + ":" + encoded).lowercased()
        if let body {
            result += ":" + String(decoding: body, as: UTF8.self)
        }
        return result
    }

    /// The Base64 HMAC-SHA256 digest (without the `SHA-256=` prefix).
    public func digest(expiry: String, url: String, body: Data?) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let message = Data(signingString(expiry: expiry, url: url, body: body).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return Data(mac).base64EncodedString()
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}
