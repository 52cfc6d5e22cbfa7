// What the scenarios assert with besides `#expect`: a LoginRadius error by code, and a clock the
// emulator reads (for `EmulatorConfiguration.now`).
import Foundation
import LoginRadius
import Testing

/// Expects `body` to fail with LoginRadius's error `code`; returns the error for more checks.
@discardableResult
func expectAPIError<Value>(
    _ code: Int, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Value
) async -> APIError? {
    do {
        _ = try await body()
        Issue.record("expected LoginRadius error \(code), the call succeeded", sourceLocation: sourceLocation)
    } catch let caught as LoginRadiusError where caught.api != nil {
        let error = caught.api!
        #expect(
            error.errorCode == code, "LoginRadius error \(error.errorCode): \(error.errorDescription)",
            sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected LoginRadius error \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A clock tests can move forward (for `EmulatorConfiguration.now`).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    func now() -> Date {
        lock.withLock { Date().addingTimeInterval(offset) }
    }

    func advance(by interval: TimeInterval) {
        lock.withLock { offset += interval }
    }
}
