import LoginRadius
import Synchronization

/// A transport that records requests instead of sending them, then stops the call.
public final class CaptureTransport: LoginRadiusTransport {
    /// Thrown after a request was captured, so nothing is decoded.
    public struct Captured: Error {}

    private let storage = Mutex<[LoginRadiusRequest]>([])

    /// Creates an empty capture transport.
    public init() {}

    /// The requests captured so far.
    public var requests: [LoginRadiusRequest] {
        storage.withLock { $0 }
    }

    /// Records `request` and throws ``Captured``.
    public func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        storage.withLock { $0.append(request) }
        throw Captured()
    }
}
