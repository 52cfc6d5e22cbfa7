import CLibCurl
import Foundation

/// The raw outcome of one transfer, read on the loop thread right after libcurl finished it
/// (before the easy handle goes back to the pool) and handed to the waiting task.
struct CurlCompletion: Sendable {
    /// The transfer's `CURLcode`, raw.
    var code: UInt32
    /// `CURLINFO_RESPONSE_CODE`: the final HTTP status, `0` when none arrived.
    var status: Int
    /// `CURLINFO_NUM_CONNECTS`: connections opened for this transfer (`0` = reused).
    var newConnections: Int
    /// `CURLINFO_TOTAL_TIME_T`, in microseconds.
    var totalTimeMicroseconds: Int64
    /// `CURLINFO_PRETRANSFER_TIME_T`, in microseconds: `0` while the request was never sent.
    var pretransferMicroseconds: Int64
    /// The error buffer's message, read only on failure.
    var errorMessage: String?
}

/// What a waiting task is resumed with. The ``CurlEasyRequest/State`` machine, under the loop's
/// lock, already guarantees that each is resumed exactly once (whoever moves a transfer to
/// ``CurlEasyRequest/State/finished`` takes its continuation), so `UnsafeContinuation` would do and
/// save an allocation per call; but ThreadSanitizer reports a false data race between
/// `withUnsafeThrowingContinuation` and an inlined `UnsafeContinuation.resume`
/// (swiftlang/swift#57803), which would fail `make check`. The checked variant resumes inside the
/// standard library, where the sanitizer does not look.
typealias CurlContinuation = CheckedContinuation<CurlCompletion, any Error>

/// One transfer: the easy handle set up for a ``LoginRadiusRequest``, the response buffers the
/// libcurl callbacks fill, and its place in the loop's state machine.
///
/// Thread confinement (why `@unchecked Sendable` is sound):
/// - ``handle``: written by the calling task while the transfer is set up
///   (``State/created``). Once submitted they belong to whoever moves the state on under
///   ``CurlMultiLoop``'s lock: the loop thread when it takes the transfer from the inbox
///   (``State/attached``), or a canceller that finds it still ``State/queued``. That owner
///   returns the handle to the pool and sets ``handle`` to `nil`.
/// - ``body``, ``headerBytes``, ``exceededSizeCap``: written only by libcurl's callbacks while
///   attached, on the loop thread (on Linux: on whichever thread drives the multi handle, always
///   under ``CurlMultiLoop``'s lock); read by the calling task only after its continuation was
///   resumed and it took that lock (``CurlMultiLoop/synchronizeWithLoop()``), which orders those
///   reads after the last write.
/// - ``state``, ``cancelRequested``, ``continuation``: only under ``CurlMultiLoop``'s lock (on
///   Linux its `queueLock`).
///
/// On Linux a task submitting while the loop thread sleeps with nothing in flight attaches its transfer itself
/// (``State/created`` → ``State/attached`` under the lock); otherwise it is queued as with the
/// `curl_multi_poll` loop.
final class CurlEasyRequest: @unchecked Sendable {
    /// Where the transfer is in its life; guarded by the loop's lock.
    enum State {
        /// Being set up by the calling task.
        case created
        /// In the loop's inbox, not yet added to the multi handle.
        case queued
        /// Added to the multi handle (or about to be, on the loop thread).
        case attached
        /// Completed, failed or cancelled; the continuation was taken.
        case finished
    }

    /// Longest response head accepted (status line and header fields, and any trailers), in bytes.
    static let maxHeaderBytes = 256 * 1024

    var handle: CurlEasyHandle?
    /// The `CURL *`, the loop's key for this transfer; valid while ``handle`` is set.
    let easy: UnsafeMutableRawPointer
    /// Longest body accepted, in bytes.
    let maxResponseSize: Int

    var body = Data()
    var headerBytes: [UInt8] = []
    var exceededSizeCap = false

    var state = State.created
    var cancelRequested = false
    var continuation: CurlContinuation?

    /// Sets up `handle` for `request` (see `CurlEasyRequest+Setup.swift`).
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` (`.other`) when libcurl refuses an option.
    init(request: LoginRadiusRequest, handle: CurlEasyHandle, settings: CurlTransferSettings) throws {
        self.handle = handle
        self.easy = handle.easy
        self.maxResponseSize = settings.maxResponseSize
        headerBytes.reserveCapacity(512)
        try configure(handle, for: request, settings: settings)
    }

    /// Takes the continuation to resume, moving to ``State/finished``. Call under the loop's lock.
    func finish() -> CurlContinuation? {
        state = .finished
        defer { continuation = nil }
        return continuation
    }

    // MARK: Callbacks (the thread driving the multi handle)

    /// `CURLOPT_WRITEFUNCTION`: appends body bytes, refusing more than ``maxResponseSize``.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        if bytes.count > maxResponseSize - body.count {
            exceededSizeCap = true
            return 0 // != count: libcurl aborts with CURLE_WRITE_ERROR
        }
        if body.isEmpty, let handle {
            // One allocation for the whole body when the server announced its length.
            let announced = handle.info(offset: CURLINFO_CONTENT_LENGTH_DOWNLOAD_T)
            if announced > 0 { body.reserveCapacity(Int(min(announced, Int64(maxResponseSize)))) }
        }
        body.append(base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        return bytes.count
    }

    /// `CURLOPT_HEADERFUNCTION`: libcurl passes one complete header line per call. A status line
    /// starts a new response (after `100 Continue`, a proxy's `CONNECT` reply, …), so the fields
    /// collected so far are dropped and only the final response's remain.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        if bytes.count >= 5, bytes[0] == 0x48, bytes[1] == 0x54, bytes[2] == 0x54, bytes[3] == 0x50, bytes[4] == 0x2F {
            headerBytes.removeAll(keepingCapacity: true) // "HTTP/"
        }
        if headerBytes.count + bytes.count > Self.maxHeaderBytes {
            exceededSizeCap = true
            return 0
        }
        headerBytes.append(contentsOf: bytes)
        return bytes.count
    }
}

/// The C entry points for libcurl's data callbacks; `userdata` is an unretained
/// `CurlEasyRequest`, kept alive by the loop's table of attached transfers.
enum CurlCallbacks {
    static let write: lr_curl_data_callback = { data, size, count, userdata in
        guard let data, let userdata else { return 0 }
        let transfer = Unmanaged<CurlEasyRequest>.fromOpaque(userdata).takeUnretainedValue()
        return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
    }

    static let header: lr_curl_data_callback = { data, size, count, userdata in
        guard let data, let userdata else { return 0 }
        let transfer = Unmanaged<CurlEasyRequest>.fromOpaque(userdata).takeUnretainedValue()
        return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    }
}
