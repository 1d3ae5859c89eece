import CZlib
import Foundation

/// File access for fixtures and the side files they reference (`.npy`, `.json`, `.json.gz`).
public enum FixtureFiles {
    /// Reads a whole file; `location` is used in the error message.
    public static func read(_ url: URL, location: FixtureLocation) throws(FixtureError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw .unreadable(location, reason: exists ? "cannot read \(url.path)" : "no such file: \(url.path)")
        }
        return [UInt8](data)
    }

    /// Reads a file that may be gzip-compressed: the content is decompressed iff it starts with
    /// the gzip magic bytes (1f 8b), whatever the file name.
    public static func readPossiblyGzipped(_ url: URL, location: FixtureLocation) throws(FixtureError) -> [UInt8] {
        let bytes = try read(url, location: location)
        guard bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B else { return bytes }
        do {
            return try gunzip(bytes)
        } catch {
            throw .gzip(location, path: url.path, reason: error.reason)
        }
    }

    /// Reads and parses a JSON file that may be gzip-compressed (e.g. a `logic-gate-network/1`
    /// model referenced by `{"file": "model.json.gz"}`).
    public static func readJSON(_ url: URL, location: FixtureLocation) throws(FixtureError) -> JSONValue {
        let bytes = try readPossiblyGzipped(url, location: location)
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw .malformedJSON(location, error)
        }
    }

    /// A reason a gzip stream could not be decompressed.
    public struct GzipError: Error, Equatable, Sendable { public let reason: String }

    /// Decompresses a gzip (or zlib) stream with zlib; concatenated gzip members are supported.
    public static func gunzip(_ input: [UInt8]) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        // 32 + MAX_WBITS: detect gzip or zlib headers automatically.
        guard inflateInit2_(&stream, 32 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GzipError(reason: "zlib initialisation failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var consumed = 0
        var status: Int32 = Z_OK
        var failure: String?
        input.withUnsafeBufferPointer { inBuffer in
            while true {
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress.map { $0 + consumed })
                stream.avail_in = UInt32(inBuffer.count - consumed)
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                consumed = inBuffer.count - Int(stream.avail_in)
                if status == Z_STREAM_END {
                    // Another gzip member may follow.
                    if consumed < inBuffer.count, inflateReset(&stream) == Z_OK { continue }
                    return
                }
                if status == Z_BUF_ERROR {
                    failure = "truncated gzip stream"
                    return
                }
                if status != Z_OK {
                    failure = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    return
                }
                if stream.avail_in == 0 && produced == 0 {
                    failure = "truncated gzip stream"
                    return
                }
            }
        }
        if let failure { throw GzipError(reason: failure) }
        return output
    }
}
