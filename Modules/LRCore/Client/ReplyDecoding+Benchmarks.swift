public import Foundation

/// The SDK's reply decoding on its own, for the benchmark package's decode rows (which measure
/// what a call's decoding costs without a client or a network). Not API.
@_spi(Benchmarks)
public enum BenchmarkReplyDecoding {
    /// Decodes a successful reply's body exactly as a call does.
    public static func decode<Response: Decodable>(_ type: Response.Type, from body: Data) throws -> Response {
        try ResponseValidation.decode(type, from: body)
    }
}
