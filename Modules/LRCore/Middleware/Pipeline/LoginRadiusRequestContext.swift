public import Logging

/// What a middleware knows about the call a request belongs to.
public struct LoginRadiusRequestContext: Sendable {
    /// The operation being called, e.g. `loginByEmail`.
    public var operation: OperationDescriptor
    /// The 1-based attempt number; a retry middleware increments it for each new attempt.
    public var attempt: Int
    /// The call's logger, with the operation name and the call's metadata.
    public var logger: Logger
    /// The call's options (``LoginRadiusClient/with(originIP:timeout:logger:headers:metadata:)``),
    /// with ``LoginRadiusCallOptions/originIP`` resolved against the configuration.
    public var callOptions: LoginRadiusCallOptions

    /// Creates a context.
    public init(
        operation: OperationDescriptor, attempt: Int = 1, logger: Logger,
        callOptions: LoginRadiusCallOptions = LoginRadiusCallOptions()
    ) {
        self.operation = operation
        self.attempt = attempt
        self.logger = logger
        self.callOptions = callOptions
    }
}
