public import Logging

/// What a middleware knows about the call a request belongs to.
public struct LoginRadiusRequestContext: Sendable {
    /// The operation being called, e.g. `loginByEmail`.
    public var operation: OperationDescriptor
    /// The 1-based attempt number; a retry middleware increments it for each new attempt.
    public var attempt: Int
    /// The client's logger, with the operation name in its metadata.
    public var logger: Logger

    /// Creates a context.
    public init(operation: OperationDescriptor, attempt: Int = 1, logger: Logger) {
        self.operation = operation
        self.attempt = attempt
        self.logger = logger
    }
}
