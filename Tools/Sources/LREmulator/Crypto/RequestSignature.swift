// LoginRadius's request signing for management APIs, the alternative to sending the secret:
//   X-Request-Expires: yyyy-MM-dd HH:mm:ss (UTC)
//   digest: SHA-256=base64(HMAC-SHA256(secret,
//             lowercase(expiry + ":" + percentEncodeAll(lowercase(fullURL))) [+ ":" + body]))
// The emulator cannot know exactly which URL and body a client signed (its base URL, whether
// it signed `{}` for a GET), so it accepts any of the few plausible candidates.
import Crypto
import Foundation

struct RequestSignatureVerifier: Sendable {
    let apiSecret: String

    /// Whether the request carries signing headers at all.
    static func isSigned(_ request: EmulatorRequest) -> Bool {
        request.header("digest") != nil || request.header("X-Request-Expires") != nil
    }

    /// Throws LoginRadius's 1207, 1208, 1210, 1211 or 1212.
    func verify(_ request: EmulatorRequest, now: Date) throws(LoginRadiusAPIError) {
        guard let expiry = request.header("X-Request-Expires")?.trimmingCharacters(in: .whitespaces) else {
            throw LoginRadiusAPIError(.requestExpiryMissing)
        }
        guard let digestHeader = request.header("digest")?.trimmingCharacters(in: .whitespaces) else {
            throw LoginRadiusAPIError(.signatureMissing)
        }
        guard let expiresAt = LoginRadiusDates.parseRequestExpiry(expiry) else {
            throw LoginRadiusAPIError(.requestExpiryFormatInvalid)
        }
        guard expiresAt > now else { throw LoginRadiusAPIError(.requestExpiryInvalid) }
        let prefix = "sha-256="
        guard digestHeader.lowercased().hasPrefix(prefix) else { throw LoginRadiusAPIError(.signatureInvalid) }
        let presented = String(digestHeader.dropFirst(prefix.count))
        let accepted = candidates(for: request, expiry: expiry).contains { signingString in
            sign(signingString) == presented
        }
        guard accepted else { throw LoginRadiusAPIError(.signatureInvalid) }
    }

    /// The digest for a signing string: base64 HMAC-SHA256 with the API secret.
    func sign(_ signingString: String) -> String {
        let key = SymmetricKey(data: Array(apiSecret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingString.utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// `lowercase(expiry + ":" + percentEncodeAll(lowercase(url)))`, plus `":" + body` if given.
    static func signingString(expiry: String, url: String, body: String?) -> String {
        let base = (expiry + ":" + percentEncodeAll(url.lowercased())).lowercased()
        guard let body else { return base }
        return base + ":" + body
    }

    /// LoginRadius's signing guide: decode the whole URL, then encode it, then hash — so a
    /// correctly signed `email=a%40example.com` matches. Clients that encode the URL as sent
    /// (without decoding first) are accepted too: the candidates cover both.
    private func candidates(for request: EmulatorRequest, expiry: String) -> [String] {
        let host = request.host ?? "127.0.0.1"
        let sent = ["http://" + host + request.target, "https://" + host + request.target]
        let decoded = sent.compactMap { $0.removingPercentEncoding }.filter { !sent.contains($0) }
        let urls = decoded + sent
        let bodyText = String(data: request.body, encoding: .utf8) ?? ""
        var bodies: [String?] = [nil, "{}"]
        if !bodyText.isEmpty { bodies.insert(bodyText, at: 0) }
        return urls.flatMap { url in
            bodies.map { RequestSignatureVerifier.signingString(expiry: expiry, url: url, body: $0) }
        }
    }

    /// Percent-encodes every byte except the RFC 3986 unreserved characters (Python's
    /// `urllib.parse.quote(s, safe='')`).
    static func percentEncodeAll(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (byte < 16 ? "0" + hex : hex)
            }
        }
        return output
    }
}
