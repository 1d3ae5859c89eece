import CZlib
import Foundation

/// The package's one gzip path: zlib's `inflate`, streaming, with a cap on the decompressed size.
///
/// Input is fed in chunks (from memory or straight from a file), output grows chunk by chunk and
/// decompression stops with ``GzipError/tooLarge(limit:)`` as soon as it would pass `maxBytes`,
/// so a gzip bomb costs at most `maxBytes` of memory. Concatenated gzip members are supported
/// (RFC 1952 §2.2); zlib streams are accepted too.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic `1f 8b`.
    public static func isCompressed<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1F && it.next() == 0x8B
    }

    /// Decompresses an in-memory gzip stream, refusing more than `maxBytes` of output.
    public static func decompress(_ input: [UInt8], maxBytes: Int = Limits.current.maxDecompressedBytes) throws(GzipError) -> [UInt8] {
        let inflater = try Inflater(maxBytes: maxBytes)
        var offset = 0
        repeat {
            let end = min(input.count, offset + (1 << 16))
            try inflater.feed(input[offset..<end], isLast: end == input.count)
            offset = end
        } while offset < input.count && !inflater.finished
        return try inflater.result()
    }

    /// Decompresses a gzip file read in 64 KiB chunks, refusing more than `maxBytes` of output.
    public static func decompress(fileHandle: FileHandle, maxBytes: Int = Limits.current.maxDecompressedBytes) throws(GzipError) -> [UInt8] {
        let inflater = try Inflater(maxBytes: maxBytes)
        while !inflater.finished {
            let chunk: Data
            do { chunk = try fileHandle.read(upToCount: 1 << 16) ?? Data() } catch {
                throw .corrupt("read error: \(error.localizedDescription)")
            }
            try inflater.feed([UInt8](chunk)[...], isLast: chunk.isEmpty)
            if chunk.isEmpty { break }
        }
        return try inflater.result()
    }
}

/// Why a gzip stream was refused.
public enum GzipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a valid gzip/zlib stream, or truncated.
    case corrupt(String)
    /// The decompressed size would pass the limit.
    case tooLarge(limit: Int)

    public var reason: String { description }

    public var description: String {
        switch self {
        case .corrupt(let r): r
        case .tooLarge(let limit):
            "decompresses to more than \(limit) bytes, the limit (raise it with \(Limits.Quantity.decompressedBytes.flag))"
        }
    }
}

/// One zlib inflate stream with an output cap. The `z_stream` lives at a fixed heap address:
/// zlib keeps a pointer back to it and refuses (`Z_STREAM_ERROR`) a stream that has moved.
final class Inflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var output: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private let maxBytes: Int
    private(set) var finished = false
    private var memberEnded = false
    private var live = true

    init(maxBytes: Int) throws(GzipError) {
        self.maxBytes = maxBytes
        stream.initialize(to: z_stream())
        // 32 + MAX_WBITS: detect gzip or zlib headers automatically.
        guard inflateInit2_(stream, 32 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            live = false
            throw .corrupt("zlib initialisation failed")
        }
    }

    deinit {
        if live { inflateEnd(stream) }
        stream.deallocate()
    }

    /// Feeds the next input chunk; `isLast` marks the end of the input.
    func feed(_ input: ArraySlice<UInt8>, isLast: Bool) throws(GzipError) {
        var failure: GzipError?
        input.withUnsafeBufferPointer { inBuffer in
            var consumed = 0
            while failure == nil {
                if memberEnded {
                    // Another gzip member may follow the end of the previous one.
                    guard consumed < inBuffer.count else { return }
                    guard inflateReset(stream) == Z_OK else { failure = .corrupt("zlib reset failed"); return }
                    memberEnded = false
                }
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress.map { $0 + consumed })
                stream.pointee.avail_in = UInt32(inBuffer.count - consumed)
                var status: Int32 = Z_OK
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_out = outBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outBuffer.count)
                    status = inflate(stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                consumed = inBuffer.count - Int(stream.pointee.avail_in)
                guard output.count + produced <= maxBytes else { failure = .tooLarge(limit: maxBytes); return }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    memberEnded = true
                case Z_OK:
                    // Needs more input (all consumed) or more output space (loop again).
                    if stream.pointee.avail_in == 0 && produced < chunk.count { return }
                case Z_BUF_ERROR:
                    if stream.pointee.avail_in == 0 { return }  // no progress possible without more input
                    failure = .corrupt("zlib buffer error")
                default:
                    failure = .corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)")
                }
            }
        }
        if let failure { throw failure }
        if isLast {
            finished = true
            guard memberEnded else { throw .corrupt("truncated gzip stream") }
        }
    }

    /// The decompressed bytes; releases zlib's state.
    func result() throws(GzipError) -> [UInt8] {
        if live { inflateEnd(stream); live = false }
        guard memberEnded else { throw .corrupt("truncated gzip stream") }
        return output
    }
}
