import Foundation

/// Reading one input file within ``Limits``: plain files up to `maxDecompressedBytes` bytes,
/// gzip files (recognised by their magic bytes, whatever the name) streamed through ``Gzip``
/// with the same cap on the decompressed size. No subprocess, no unbounded read.
public enum InputFile {
    public static func read(_ path: String, limits: Limits = .current) throws(InputFileError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .unreadable(path: path, reason: exists ? "cannot open" : "no such file")
        }
        defer { try? handle.close() }
        let head: Data
        do { head = try handle.read(upToCount: 2) ?? Data() } catch { throw .unreadable(path: path, reason: error.localizedDescription) }
        if Gzip.isCompressed(head) {
            do {
                try handle.seek(toOffset: 0)
            } catch { throw .unreadable(path: path, reason: error.localizedDescription) }
            do { return try Gzip.decompress(fileHandle: handle, maxBytes: limits.maxDecompressedBytes) } catch {
                throw .gzip(path: path, error)
            }
        }
        var bytes = [UInt8](head)
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
            if chunk.isEmpty { return bytes }
            guard bytes.count + chunk.count <= limits.maxDecompressedBytes else {
                throw .gzip(path: path, .tooLarge(limit: limits.maxDecompressedBytes))
            }
            bytes += chunk
        }
    }

    /// Reads standard input to its end, within the same byte limit.
    public static func readStandardInput(limits: Limits = .current) throws(InputFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: Data
            do { chunk = try FileHandle.standardInput.read(upToCount: 1 << 20) ?? Data() } catch {
                throw .unreadable(path: "<stdin>", reason: error.localizedDescription)
            }
            if chunk.isEmpty { return bytes }
            guard bytes.count + chunk.count <= limits.maxDecompressedBytes else {
                throw .gzip(path: "<stdin>", .tooLarge(limit: limits.maxDecompressedBytes))
            }
            bytes += chunk
        }
    }
}

/// Why an input file could not be read.
public enum InputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// A corrupt gzip stream, or content larger than the byte limit.
    case gzip(path: String, GzipError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .gzip(let path, let e): "\(path): \(e)"
        }
    }

    /// The reason without the path.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason): reason
        case .gzip(_, let e): e.description
        }
    }
}
