import Crypto
public import Foundation
import _CryptoExtras

/// Generates a LoginRadius Secured One-Time Token (SOTT) locally, without a network call.
///
/// A SOTT proves to LoginRadius that a registration request comes from a server that knows the
/// app's API secret. Operations that need one (for example "Auth User Registration by Email")
/// send it in the `X-LoginRadius-Sott` header. LoginRadius accepts a SOTT only while the current
/// UTC time is inside the window it encodes.
///
/// ```swift
/// let sott = try SOTT.generate(apiKey: apiKey, apiSecret: apiSecret)            // now … now + 10 min
/// let fixed = try SOTT.generate(apiKey: apiKey, apiSecret: apiSecret,
///                               startTime: "2026/01/01 10:00:00", endTime: "2026/01/01 10:10:00")
/// ```
///
/// The token is built exactly as LoginRadius's own SDKs build it:
/// 1. plaintext = `startTime + "#" + apiKey + "#" + endTime`, UTF-8, PKCS#7-padded to a multiple
///    of 16 bytes;
/// 2. key = PBKDF2-HMAC-SHA1(API secret as UTF-8, salt = 8 zero bytes, 10,000 rounds, 32 bytes),
///    derived once per secret and kept for later tokens;
/// 3. ciphertext = AES-256-CBC(key, IV = ASCII `tu89geji340t89u2`) of the padded plaintext;
/// 4. token = `base64(ciphertext) + "*" + md5_hex(base64(ciphertext))` (lowercase hex).
///
/// Use the app's primary API secret: LoginRadius does not accept SOTTs made with an additional
/// secret. Unlike LoginRadius's Python SDK, the current time is formatted with a 24-hour clock and
/// the padding is counted in bytes, so afternoon windows and non-ASCII API keys work.
///
/// See [SOTT usage](https://www.loginradius.com/legacy/docs/api/v2/customer-identity-api/sott-usage/).
public enum SOTT {
    /// The default validity window of a generated SOTT: 10 minutes, as in LoginRadius's SDKs.
    public static let defaultValidity: Duration = .seconds(600)

    /// The AES-CBC initialization vector LoginRadius uses for SOTTs (ASCII `tu89geji340t89u2`).
    static let initializationVector = Array("tu89geji340t89u2".utf8)
    /// The PBKDF2 salt LoginRadius uses for SOTTs: 8 zero bytes.
    static let salt = [UInt8](repeating: 0, count: 8)
    /// The PBKDF2 round count LoginRadius uses for SOTTs.
    static let rounds = 10_000

    /// Generates a SOTT valid between two given UTC times.
    ///
    /// - Parameters:
    ///   - apiKey: The app's API key. Must not be blank.
    ///   - apiSecret: The app's API secret. Must not be blank. It is only used to derive the
    ///     encryption key and never appears in the token.
    ///   - startTime: The start of the validity window, UTC, formatted `yyyy/MM/dd HH:mm:ss` with a
    ///     24-hour clock (see ``timeString(_:)``), e.g. `2026/01/01 14:05:09`. Must not be blank.
    ///   - endTime: The end of the validity window, same format. Must not be blank.
    /// - Returns: The token, `base64(ciphertext)*md5hex`, ready for the `X-LoginRadius-Sott` header.
    /// - Throws: ``LoginRadiusError/invalidArgument(_:)`` when an argument is blank (its
    ///   `parameter` names it), or, should the cryptographic library fail, with parameter `apiSecret`.
    ///
    /// The times are used verbatim: this function does not check their format or order.
    /// See [SOTT usage](https://www.loginradius.com/legacy/docs/api/v2/customer-identity-api/sott-usage/).
    public static func generate(apiKey: String, apiSecret: String, startTime: String, endTime: String) throws -> String
    {
        try require(apiKey, parameter: "apiKey")
        try require(apiSecret, parameter: "apiSecret")
        try require(startTime, parameter: "startTime")
        try require(endTime, parameter: "endTime")
        let plaintext = paddedPlaintext(apiKey: apiKey, startTime: startTime, endTime: endTime)
        let ciphertext: Data
        do {
            let key = SymmetricKey(
                data: try SOTTKeyCache.key(for: apiSecret) { secret in
                    try encryptionKey(apiSecret: secret).withUnsafeBytes { Array($0) }
                })
            let iv = try AES._CBC.IV(ivBytes: initializationVector)
            ciphertext = try AES._CBC.encrypt(plaintext, using: key, iv: iv, noPadding: true)
        } catch {
            throw LoginRadiusError.invalidArgument(
                .init(parameter: "apiSecret", reason: "SOTT encryption failed: \(error)")
            )
        }
        let encoded = ciphertext.base64EncodedString()
        return encoded + "*" + md5Hex(encoded)
    }

    /// Generates a SOTT whose window starts now and lasts `validFor`.
    ///
    /// - Parameters:
    ///   - apiKey: The app's API key. Must not be blank.
    ///   - apiSecret: The app's API secret. Must not be blank.
    ///   - validFor: How long the token stays valid; must be positive. Default 10 minutes
    ///     (``defaultValidity``). Fractions of a second are dropped from the end time.
    ///   - now: The start of the window; default the current time. Formatted in UTC with a 24-hour
    ///     clock by ``timeString(_:)``.
    /// - Returns: The token, `base64(ciphertext)*md5hex`, ready for the `X-LoginRadius-Sott` header.
    /// - Throws: ``LoginRadiusError/invalidArgument(_:)`` when the key or secret is blank or
    ///   `validFor` is not positive.
    ///
    /// The server compares the window with its own clock, so keep this machine's clock in sync.
    /// See [SOTT usage](https://www.loginradius.com/legacy/docs/api/v2/customer-identity-api/sott-usage/).
    public static func generate(
        apiKey: String,
        apiSecret: String,
        validFor: Duration = SOTT.defaultValidity,
        now: Date = Date()
    ) throws -> String {
        guard validFor > .zero else {
            throw LoginRadiusError.invalidArgument(.init(parameter: "validFor", reason: "must be positive"))
        }
        let components = validFor.components
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return try generate(
            apiKey: apiKey,
            apiSecret: apiSecret,
            startTime: timeString(now),
            endTime: timeString(now.addingTimeInterval(seconds))
        )
    }

    /// Formats `date` as a SOTT time: UTC, `yyyy/MM/dd HH:mm:ss`, 24-hour clock, Gregorian
    /// calendar, fractions of a second dropped (e.g. `2026/01/01 14:05:09`).
    ///
    /// - Parameter date: The instant to format.
    /// - Returns: The formatted UTC time, independent of the process's locale and time zone.
    public static func timeString(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return pad(parts.year, 4) + "/" + pad(parts.month, 2) + "/" + pad(parts.day, 2) + " "
            + pad(parts.hour, 2) + ":" + pad(parts.minute, 2) + ":" + pad(parts.second, 2)
    }

    // MARK: - Steps, visible to the package's tests

    /// Step 1: `startTime#apiKey#endTime` as UTF-8, PKCS#7-padded by bytes to a multiple of 16
    /// (a whole block of `0x10` when it is already a multiple).
    package static func paddedPlaintext(apiKey: String, startTime: String, endTime: String) -> [UInt8] {
        var bytes = Array((startTime + "#" + apiKey + "#" + endTime).utf8)
        let padding = 16 - bytes.count % 16
        bytes.append(contentsOf: repeatElement(UInt8(padding), count: padding))
        return bytes
    }

    /// Step 2: the AES-256 key, PBKDF2-HMAC-SHA1 of the secret's UTF-8 bytes.
    static func encryptionKey(apiSecret: String) throws -> SymmetricKey {
        try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(apiSecret.utf8),
            salt: salt,
            using: .insecureSHA1,
            outputByteCount: 32,
            unsafeUncheckedRounds: rounds
        )
    }

    /// Step 2, as lowercase hex, for known-answer tests.
    package static func encryptionKeyHex(apiSecret: String) throws -> String {
        try encryptionKey(apiSecret: apiSecret).withUnsafeBytes { hex($0) }
    }

    /// Step 4: the lowercase hex MD5 of the Base64 text's UTF-8 bytes.
    package static func md5Hex(_ text: String) -> String {
        hex(Insecure.MD5.hash(data: Array(text.utf8)))
    }

    /// Lowercase hex of `bytes`.
    package static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var result = [UInt8]()
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func require(_ value: String, parameter: String) throws {
        if value.isBlank {
            throw LoginRadiusError.invalidArgument(.init(parameter: parameter, reason: "is blank"))
        }
    }
}

extension LoginRadiusConfiguration {
    /// Generates a SOTT for this app's ``apiKey`` and ``apiSecret``, valid from now for `validFor`.
    ///
    /// - Parameters:
    ///   - validFor: How long the token stays valid; must be positive. Default 10 minutes.
    ///   - now: The start of the window; default the current time (formatted in UTC, 24-hour clock).
    /// - Returns: The token for the `X-LoginRadius-Sott` header.
    /// - Throws: ``LoginRadiusError/invalidArgument(_:)`` when `validFor` is not positive or the
    ///   key or secret is blank.
    ///
    /// See ``SOTT`` and [SOTT usage](https://www.loginradius.com/legacy/docs/api/v2/customer-identity-api/sott-usage/).
    public func generateSOTT(validFor: Duration = SOTT.defaultValidity, now: Date = Date()) throws -> String {
        try SOTT.generate(apiKey: apiKey, apiSecret: apiSecret, validFor: validFor, now: now)
    }
}
