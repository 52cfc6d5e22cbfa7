import Foundation

/// How a call ended, in the terms spans and metrics report: the HTTP status, LoginRadius's
/// `ErrorCode`, and a failure kind and reason drawn from small fixed sets. Never a user value
/// (no email, token, uid, message text), so every field is safe as a metric dimension.
struct CallOutcome: Sendable {
    /// The HTTP status of the final reply, when one arrived.
    var httpStatus: Int?
    /// LoginRadius's `ErrorCode`, when its error body arrived.
    var errorCode: Int?
    /// `nil` for success; otherwise the failure's kind (``LoginRadiusError/Code``'s name, or
    /// `cancelled` / `other` for errors that are not ``LoginRadiusError``).
    var failureKind: String?
    /// The failure's reason within its kind: the `ErrorCode` for `api`, the status for `http`,
    /// the transport-neutral kind for `transport`, the error type for `other`.
    var failureReason: String?

    /// The outcome of a reply: the error the client will make of it, if any (a 2xx with
    /// LoginRadius's error body is a failure too, as ``LoginRadiusClient/send(_:)`` treats it).
    init(response: LoginRadiusResponse) {
        do {
            // Only the kind of failure is reported, not a Retry-After delay, so any instant will do.
            try ResponseValidation.check(response, now: Date(timeIntervalSince1970: 0))
            self.init(httpStatus: response.status)
        } catch {
            self.init(error: error)
            httpStatus = response.status
        }
    }

    private init(httpStatus: Int) {
        self.httpStatus = httpStatus
    }

    /// The outcome of a thrown error.
    ///
    /// Not optimized: Swift 6.3's optimizer crashes on this initializer in release builds (its
    /// ownership verifier fails in CopyPropagation, "Found outside of lifetime use"), which broke
    /// `swift build -c release`. It runs only for failed calls with a metrics or tracing backend,
    /// so the unoptimized code costs nothing that matters.
    @_optimize(none)
    init(error: any Error) {
        guard let error = error as? LoginRadiusError else {
            failureKind = error is CancellationError ? "cancelled" : "other"
            failureReason = error is CancellationError ? "cancelled" : String(describing: type(of: error))
            return
        }
        httpStatus = error.httpStatus
        errorCode = error.errorCode
        failureKind = error.code.description
        switch error.code {
        case .api, .tooManyRequests:
            failureReason = error.errorCode.map(String.init) ?? error.httpStatus.map(String.init)
        case .http:
            failureReason = error.httpStatus.map(String.init)
        case .transport:
            failureReason = error.transport?.kind.description
        default:
            break
        }
        failureReason = failureReason ?? error.code.description
    }

    /// Whether the call succeeded.
    var isSuccess: Bool { failureKind == nil }
}
