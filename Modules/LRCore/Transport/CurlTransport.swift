// Placeholder: replaced by the libcurl transport.
public final class CurlTransport: LoginRadiusTransport {
    public init(configuration: LoginRadiusConfiguration) throws {}
    public func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        throw LoginRadiusError.transport(.init(kind: .other, code: 0, message: "not implemented", mayHaveReachedServer: false))
    }
}
