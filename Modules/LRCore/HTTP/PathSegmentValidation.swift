/// Refuses path segment values that would not stay one segment at the server.
///
/// Percent-encoding keeps every character of a value inside its segment (a `/` becomes `%2F`), but
/// it cannot help a value that is a whole dot segment: `.` and `..` are unreserved characters, so
/// they are sent as they are, and RFC 3986 §5.2.4 removes such segments, in libcurl before sending
/// and in servers and proxies after. `deleteRoleContextByUid(contextName: "..", uid:)` would then
/// delete `…/manage/account/{uid}` itself. An empty segment (`//`) is merged away by many servers in
/// the same way. These values are refused before anything is sent.
enum PathSegmentValidation {
    static func validate(_ value: String, parameter: String) throws {
        if value.isEmpty || value == "." || value == ".." {
            throw LoginRadiusError.invalidArgument(
                .init(
                    parameter: parameter,
                    reason: value.isEmpty
                        ? "is empty, which cannot be sent as a path segment"
                        : "is '\(value)', a dot segment that servers remove from a path (RFC 3986 §5.2.4)"
                )
            )
        }
    }

    /// Checks every segment of a request about to be sent (whatever middleware built it).
    static func validate(_ segments: [String]) throws {
        for (index, segment) in segments.enumerated() {
            try validate(segment, parameter: "path segment \(index + 1)")
        }
    }
}
