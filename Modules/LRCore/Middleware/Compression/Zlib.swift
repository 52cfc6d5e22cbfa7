import CZlib
package import Foundation

/// gzip, zlib and raw deflate with zlib (through the CZlib shims), with a cap on decoded output.
package enum Zlib {
    /// The framing around the deflate data.
    package enum Format: Sendable {
        /// RFC 1952 gzip (`Content-Encoding: gzip`).
        case gzip
        /// RFC 1950 zlib (what `Content-Encoding: deflate` means).
        case zlib
        /// Bare RFC 1951 deflate (what some servers send as `deflate`).
        case raw
        /// gzip or zlib, detected from the header (decoding only).
        case automatic

        var windowBits: Int32 {
            switch self {
            case .gzip: 15 + 16
            case .zlib: 15
            case .raw: -15
            case .automatic: 15 + 32
            }
        }
    }

    /// Why zlib failed.
    package enum Failure: Error, Sendable, Equatable {
        /// The decoded output would exceed the limit (the limit in bytes).
        case limitExceeded(Int)
        /// The stream is not valid (zlib's message).
        case corrupt(String)
        /// The stream ended before its end marker.
        case truncated
        /// zlib itself failed (out of memory, version mismatch): its return code.
        case zlibError(Int32)
    }

    private static let chunkSize = 64 * 1024

    /// Decodes `input`, refusing to produce more than `limit` bytes.
    ///
    /// Output is produced in 64 KiB steps and checked against `limit` after each, so a
    /// decompression bomb is stopped after at most `limit` + 64 KiB of memory. A gzip input of
    /// several members (RFC 1952 §2.2) is decoded whole.
    ///
    /// - Throws: ``Failure``.
    package static func decompress(_ input: Data, format: Format, limit: Int) throws(Failure) -> Data {
        guard input.count <= Int(UInt32.max) else { throw .limitExceeded(limit) }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let initStatus = lr_inflate_init2(stream, format.windowBits)
        guard initStatus == Z_OK else { throw .zlibError(initStatus) }
        defer { inflateEnd(stream) }

        var output = Data()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let result: Result<Void, Failure> = input.withUnsafeBytes { inputBytes in
            let base = inputBytes.bindMemory(to: Bytef.self).baseAddress
            stream.pointee.next_in = base.map { UnsafeMutablePointer(mutating: $0) }
            stream.pointee.avail_in = uInt(inputBytes.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = uInt(buffer.count)
                    let status = inflate(stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.pointee.avail_out))
                }
                if produced > 0 {
                    guard output.count + produced <= limit else { return .failure(.limitExceeded(limit)) }
                    output.append(contentsOf: chunk[..<produced])
                }
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another gzip member follows: decode it too.
                    if stream.pointee.avail_in > 0, format == .gzip || format == .automatic {
                        guard inflateReset(stream) == Z_OK else { return .failure(.corrupt("trailing data")) }
                        continue
                    }
                    return .success(())
                case Z_BUF_ERROR:
                    // No progress possible: the input ran out before the end of the stream.
                    return .failure(.truncated)
                case Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR:
                    return .failure(.corrupt(message(stream) ?? "invalid data"))
                default:
                    return .failure(.zlibError(status))
                }
            }
        }
        try result.get()
        return output
    }

    /// Compresses `input` at zlib's default level.
    ///
    /// - Throws: ``Failure/zlibError(_:)`` when zlib fails (out of memory).
    package static func compress(_ input: Data, format: Format = .gzip) throws(Failure) -> Data {
        guard input.count <= Int(UInt32.max) else { throw .limitExceeded(Int(UInt32.max)) }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let bits = format == .automatic ? Format.gzip.windowBits : format.windowBits
        let initStatus = lr_deflate_init2(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY)
        guard initStatus == Z_OK else { throw .zlibError(initStatus) }
        defer { deflateEnd(stream) }

        var output = Data()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let result: Result<Void, Failure> = input.withUnsafeBytes { inputBytes in
            let base = inputBytes.bindMemory(to: Bytef.self).baseAddress
            stream.pointee.next_in = base.map { UnsafeMutablePointer(mutating: $0) }
            stream.pointee.avail_in = uInt(inputBytes.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = uInt(buffer.count)
                    let status = deflate(stream, Z_FINISH)
                    return (status, buffer.count - Int(stream.pointee.avail_out))
                }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END: return .success(())
                case Z_OK: continue
                case Z_BUF_ERROR where produced > 0: continue
                default: return .failure(.zlibError(status))
                }
            }
        }
        try result.get()
        return output
    }

    private static func message(_ stream: UnsafeMutablePointer<z_stream>) -> String? {
        stream.pointee.msg.map { String(cString: $0) }
    }
}
