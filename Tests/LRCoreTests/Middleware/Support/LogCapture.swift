import Logging
import Synchronization

/// Collects every log event of the loggers it makes, in memory.
final class LogCapture: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        /// The handler's and the event's metadata, rendered.
        var metadata: [String: String]

        /// The message and every metadata key and value, as one string.
        var rendered: String {
            ([message] + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    private let storage = Mutex<[Entry]>([])

    var entries: [Entry] { storage.withLock { $0 } }
    /// Everything logged, one entry per line.
    var text: String { entries.map(\.rendered).joined(separator: "\n") }

    func append(_ entry: Entry) {
        storage.withLock { $0.append(entry) }
    }

    /// A logger at `level` that writes here.
    func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "lr-tests") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = level
        return logger
    }
}

/// A `LogHandler` that appends to a ``LogCapture``.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        for (key, value) in event.metadata ?? [:] { merged[key] = value }
        capture.append(
            .init(level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" }))
    }
}
