// The `--data` state file. After each request the state is captured and written in the
// background (writes are coalesced and skipped when nothing changed); `flush` waits for them and
// writes once more, which `stop()` and the end of `run()` do. Files are written atomically.
import Foundation

/// The state file could not be read.
struct StateFileError: Error, CustomStringConvertible {
    let description: String
}

actor StatePersistence {
    let url: URL
    private var dirty = false
    private var writer: Task<Void, Never>?
    private var lastWritten: Data?

    init(url: URL) {
        self.url = url
    }

    /// The saved state; nil when the file does not exist yet.
    func load() throws -> EmulatorSnapshot? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let data = try Data(contentsOf: url)
            let snapshot = try Self.decoder.decode(EmulatorSnapshot.self, from: data)
            guard snapshot.format == EmulatorSnapshot.currentFormat else {
                throw StateFileError(description: "unsupported format \(snapshot.format)")
            }
            lastWritten = data
            return snapshot
        } catch {
            throw StateFileError(description: "cannot read the emulator state file \(url.path): \(error)")
        }
    }

    /// Schedules a save of the engine's current state.
    func markDirty(_ engine: EmulatorEngine) {
        dirty = true
        guard writer == nil else { return }
        writer = Task { await self.drain(engine) }
    }

    /// Waits for a pending save, then saves the current state.
    func flush(_ engine: EmulatorEngine) async {
        if let writer { await writer.value }
        dirty = false
        write(await engine.captureSnapshot())
    }

    private func drain(_ engine: EmulatorEngine) async {
        while dirty {
            dirty = false
            write(await engine.captureSnapshot())
        }
        writer = nil
    }

    private func write(_ snapshot: EmulatorSnapshot) {
        do {
            let data = try Self.encoder.encode(snapshot)
            guard data != lastWritten else { return }
            try data.write(to: url, options: .atomic)
            lastWritten = data
        } catch {
            FileHandle.standardError.write(Data("lr-emulator: cannot write \(url.path): \(error)\n".utf8))
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601WithMilliseconds
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601WithMilliseconds
        return decoder
    }()
}

extension JSONEncoder.DateEncodingStrategy {
    /// LoginRadius's date format, `2026-01-01T10:00:00.123Z`.
    static var iso8601WithMilliseconds: JSONEncoder.DateEncodingStrategy {
        .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(LoginRadiusDates.iso8601(date))
        }
    }
}

extension JSONDecoder.DateDecodingStrategy {
    /// Reads what `iso8601WithMilliseconds` writes.
    static var iso8601WithMilliseconds: JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = LoginRadiusDates.parseISO8601(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
            }
            return date
        }
    }
}
