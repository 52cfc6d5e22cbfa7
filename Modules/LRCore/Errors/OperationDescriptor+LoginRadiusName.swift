extension OperationDescriptor {
    /// LoginRadius's name for the operation. Until the catalogue records the Python SDK's method
    /// name on every descriptor, the Swift name stands in for it.
    var loginRadiusName: String { name }
}
