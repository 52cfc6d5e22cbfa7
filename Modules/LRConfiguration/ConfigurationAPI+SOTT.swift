import LRCore

extension ConfigurationAPI {
    /// Generates a SOTT locally for a time window that LoginRadius's clock chose, so a server whose
    /// clock is off still produces a SOTT LoginRadius accepts.
    ///
    /// Calls ``getServerInfo(timeDifference:)`` (`GET identity/v2/serverinfo`) and encrypts the
    /// window it returns (`Sott.StartTime`/`Sott.EndTime`, UTC, normalised to `yyyy/MM/dd HH:mm:ss`) with the
    /// client's API key and secret, as `SOTT.generate(apiKey:apiSecret:startTime:endTime:)` does.
    ///
    /// - Parameter minutes: The window's length in whole minutes (LoginRadius's `timeDifference`);
    ///   default 10.
    /// - Returns: The SOTT, for `X-LoginRadius-Sott` on registration.
    /// - Throws: Everything ``getServerInfo(timeDifference:)`` throws, and
    ///   `LoginRadiusError.decoding` when the reply has no SOTT window.
    /// - SeeAlso: https://www.loginradius.com/legacy/docs/api/v2/customer-identity-api/configuration/get-server-time/
    public func generateSOTTWithServerTime(validFor minutes: Int = 10) async throws -> String {
        let info = try await getServerInfo(timeDifference: minutes)
        guard let start = info.sott?.startTime?.rawValue, let end = info.sott?.endTime?.rawValue else {
            throw LoginRadiusError.decoding(
                DecodingFailure(type: "ServerInfo", reason: "the reply has no Sott.StartTime/EndTime", bodySnippet: "")
            ).attributed(to: Operations.getServerInfo.operationName, attempts: 1)
        }
        return try SOTT.generate(
            apiKey: client.configuration.apiKey, apiSecret: client.configuration.apiSecret,
            startTime: Self.sottTime(start), endTime: Self.sottTime(end))
    }

    /// The time in SOTT form, `yyyy/MM/dd HH:mm:ss`: LoginRadius's samples show server times both
    /// that way and as `yyyy-MM-dd HH:mm:ss`; the SOTT always uses slashes.
    static func sottTime(_ serverTime: String) -> String {
        guard let date = LoginRadiusDate(rawValue: serverTime).date else { return serverTime }
        return SOTT.timeString(date)
    }
}
