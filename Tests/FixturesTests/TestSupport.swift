import Foundation
@testable import Fixtures

/// A fresh temporary directory per call (removed by the caller via `defer`).
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("relaxations-fixtures-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` to `name` inside `directory` and returns the path.
@discardableResult
func write(_ text: String, to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// Writes raw bytes to `name` inside `directory` and returns the path.
@discardableResult
func write(bytes: [UInt8], to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url.path
}

/// The repository root, found from this file's path (Tests/FixturesTests/TestSupport.swift).
func repositoryRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A `.npy` file built by hand (independently of the reader): `version` 1, 2 or 3.
func npyBytes(descr: String, fortran: Bool = false, shape: [Int], data: [UInt8], version: UInt8 = 1) -> [UInt8] {
    let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    var header = Array("{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shapeText), }".utf8)
    let prefix = version == 1 ? 10 : 12
    while (prefix + header.count + 1) % 64 != 0 { header.append(0x20) }
    header.append(0x0A)
    var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version, 0]
    if version == 1 {
        bytes += [UInt8(header.count & 0xFF), UInt8(header.count >> 8)]
    } else {
        bytes += (0..<4).map { UInt8((header.count >> (8 * $0)) & 0xFF) }
    }
    return bytes + header + data
}

/// Little-endian bytes of doubles.
func littleEndianBytes(_ values: [Double]) -> [UInt8] {
    values.flatMap { v in (0..<8).map { UInt8((v.bitPattern >> (8 * UInt64($0))) & 0xFF) } }
}

/// A gzip stream made of *stored* (uncompressed) deflate blocks, built by hand with its own
/// CRC-32, so the zlib-based reader is tested against an independent writer.
func storedGzip(_ payload: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
    var offset = 0
    repeat {
        let length = min(65535, payload.count - offset)
        let final: UInt8 = offset + length == payload.count ? 1 : 0
        out += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
        out += payload[offset..<offset + length]
        offset += length
    } while offset < payload.count
    var crc: UInt32 = 0xFFFF_FFFF
    for b in payload {
        crc ^= UInt32(b)
        for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    crc = ~crc
    out += (0..<4).map { UInt8((crc >> (8 * UInt32($0))) & 0xFF) }
    out += (0..<4).map { UInt8((UInt32(truncatingIfNeeded: payload.count) >> (8 * UInt32($0))) & 0xFF) }
    return out
}
