import CZlib

/// Minimal PNG writer (8-bit RGB or grayscale, zlib-compressed IDAT), enough for heatmaps and
/// renders. Uses the system zlib for deflate and CRC-32.
public enum PNG {
    public enum Error: Swift.Error, CustomStringConvertible {
        case invalidSize(width: Int, height: Int, bytes: Int)
        case compressionFailed(Int32)

        public var description: String {
            switch self {
            case .invalidSize(let w, let h, let b): "PNG: \(b) pixel bytes do not match \(w)×\(h)"
            case .compressionFailed(let code): "PNG: zlib compress2 failed with code \(code)"
            }
        }
    }

    /// Encodes `rgb` (row-major, 3 bytes per pixel, row 0 at the top) as a PNG file.
    public static func encodeRGB(width: Int, height: Int, rgb: [UInt8]) throws(Error) -> [UInt8] {
        guard width > 0, height > 0, rgb.count == width * height * 3 else {
            throw .invalidSize(width: width, height: height, bytes: rgb.count)
        }
        // Each scanline is prefixed by filter type 0 (none).
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (1 + 3 * width))
        for row in 0..<height {
            raw.append(0)
            raw.append(contentsOf: rgb[(row * width * 3)..<((row + 1) * width * 3)])
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // bit depth 8, colour type 2 (RGB), deflate, no filter, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try deflate(raw), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    static func deflate(_ data: [UInt8]) throws(Error) -> [UInt8] {
        var capacity = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(capacity))
        let status = data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &capacity, src.baseAddress, uLong(data.count), 9)
            }
        }
        guard status == Z_OK else { throw .compressionFailed(status) }
        return Array(out[0..<Int(capacity)])
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        let body = typeBytes + data
        png += body
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(crc))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
