import Foundation
import InputLimits

/// File access for fixtures and the side files they reference (`.npy`, `.json`, `.json.gz`).
/// Every read goes through ``InputFile`` (bounded by ``Limits/maxDecompressedBytes``); gzip goes
/// through the package's one streaming zlib path, ``Gzip``.
public enum FixtureFiles {
    /// Reads a whole file within the byte limit (gzip content is decompressed); `location` is
    /// used in the error message.
    public static func read(_ url: URL, location: FixtureLocation) throws(FixtureError) -> [UInt8] {
        try readPossiblyGzipped(url, location: location)
    }

    /// Reads a file that may be gzip-compressed: the content is decompressed iff it starts with
    /// the gzip magic bytes (1f 8b), whatever the file name. The decompressed size is capped by
    /// ``Limits/maxDecompressedBytes`` (flag `--max-decompressed-bytes`).
    public static func readPossiblyGzipped(_ url: URL, location: FixtureLocation) throws(FixtureError) -> [UInt8] {
        do {
            return try InputFile.read(url.path)
        } catch {
            switch error {
            case .unreadable(let path, let reason):
                throw .unreadable(location, reason: reason == "no such file" ? "no such file: \(path)" : "cannot read \(path): \(reason)")
            case .gzip(let path, let e):
                throw .gzip(location, path: path, reason: e.description)
            }
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
    public typealias GzipError = InputLimits.GzipError

    /// Decompresses a gzip (or zlib) stream with zlib; concatenated gzip members are supported;
    /// more than `maxBytes` of output is refused.
    public static func gunzip(_ input: [UInt8], maxBytes: Int = Limits.current.maxDecompressedBytes) throws(GzipError) -> [UInt8] {
        try Gzip.decompress(input, maxBytes: maxBytes)
    }
}
