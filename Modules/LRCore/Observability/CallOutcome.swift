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
    /// LoginRadius's error body is a failure too, as ``LoginRadiusClient/send(_:)`` treats it,
    /// and so is a 2xx the caller's type cannot be decoded from, when the call's ``CallRecord``
    /// says how it is decoded).
    init(response: LoginRadiusResponse) {
        do {
            // Only the kind of failure is reported, not a Retry-After delay, so any instant will do.
            try ResponseValidation.check(response, now: Date(timeIntervalSince1970: 0))
            if let reply = CallRecord.current?.reply {
                _ = try reply.value(from: response.body).get()
            }
            self.init(httpStatus: response.status, errorCode: nil, failureKind: nil, failureReason: nil)
        } catch {
            self.init(error: error)
            httpStatus = response.status
        }
    }

    /// The outcome of a thrown error.
    ///
    /// Kept unoptimized as well: Swift 6.3's optimizer crashed on earlier forms of this initializer
    /// in release builds (its ownership verifier fails in CopyPropagation), which broke
    /// `swift build -c release`. It runs only for failed calls with a metrics or tracing backend,
    /// so the unoptimized code costs nothing that matters.
    @_optimize(none)
    init(error: any Error) {
        // Built through `init(failure:)` with each field assigned once: the earlier form (a
        // shadowing `guard let` and fields assigned piecemeal) crashed the Swift 6.3 optimizer
        // (CopyPropagation, "Found ownership error") in release builds.
        if let failure = error as? LoginRadiusError {
            self.init(failure: failure)
        } else if error is CancellationError {
            self.init(httpStatus: nil, errorCode: nil, failureKind: "cancelled", failureReason: "cancelled")
        } else {
            self.init(
                httpStatus: nil, errorCode: nil, failureKind: "other",
                failureReason: String(describing: type(of: error)))
        }
    }

    private init(failure error: LoginRadiusError) {
        let reason: String
        switch error.detail {
        case .api(let api): reason = String(api.errorCode)
        case .tooManyRequests(let info): reason = info.apiError.map { String($0.errorCode) } ?? "429"
        case .http(let failure): reason = String(failure.status)
        case .transport(let failure): reason = failure.kind.description
        // The SDK's parameter name (e.g. `email`; for a body member, its top-level name), never
        // the value: a small, fixed set.
        case .invalidArgument(let argument): reason = String(argument.parameter.prefix { $0 != "." })
        default: reason = error.code.description
        }
        self.init(
            httpStatus: error.httpStatus, errorCode: error.errorCode, failureKind: error.code.description,
            failureReason: reason)
    }

    private init(httpStatus: Int?, errorCode: Int?, failureKind: String?, failureReason: String?) {
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.failureKind = failureKind
        self.failureReason = failureReason
    }

    /// Whether the call succeeded.
    var isSuccess: Bool { failureKind == nil }
}
