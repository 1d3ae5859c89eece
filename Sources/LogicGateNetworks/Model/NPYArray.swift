import Foundation

/// A minimal reader for NumPy `.npy` files (format 1.0–3.0, C order, little-endian `<f8`, `<f4`,
/// `<i4`, `<i8`, `|u1`, `|b1`) — enough for datasets and fixture side files.
public struct NPYArray: Sendable {
    public enum DType: String, Sendable { case f8 = "<f8", f4 = "<f4", i4 = "<i4", i8 = "<i8", u1 = "|u1", b1 = "|b1" }
    public let shape: [Int]
    public let dtype: DType
    /// The raw little-endian payload.
    public let payload: Data

    public var count: Int { shape.reduce(1, *) }

    public init(contentsOf url: URL) throws(LogicNetworkError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable("\(url.path): \(error.localizedDescription)") }
        try self.init(data: data, name: url.lastPathComponent)
    }

    public init(data: Data, name: String = "npy") throws(LogicNetworkError) {
        let bytes = [UInt8](data.prefix(12))
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1...5]) == Array("NUMPY".utf8) else {
            throw .malformedArray("\(name): not a .npy file")
        }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        if major == 1 {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        } else {
            guard bytes.count >= 12 else { throw .malformedArray("\(name): truncated header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        }
        guard data.count >= headerStart + headerLength else { throw .malformedArray("\(name): truncated header") }
        let base = data.startIndex
        let header = String(decoding: data[(base + headerStart)..<(base + headerStart + headerLength)], as: UTF8.self)
        func field(_ key: String) -> String? {
            guard let r = header.range(of: "'\(key)':") else { return nil }
            return String(header[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        guard let descr = field("descr"), let q1 = descr.firstIndex(of: "'"),
              let q2 = descr[descr.index(after: q1)...].firstIndex(of: "'") else {
            throw .malformedArray("\(name): header has no descr")
        }
        let d = String(descr[descr.index(after: q1)..<q2])
        guard let dtype = DType(rawValue: d == "<u1" ? "|u1" : d) else {
            throw .malformedArray("\(name): unsupported dtype \(d) (supported: <f8 <f4 <i4 <i8 |u1 |b1)")
        }
        if let fo = field("fortran_order"), fo.hasPrefix("True") { throw .malformedArray("\(name): Fortran order is not supported") }
        guard let sh = field("shape"), let open = sh.firstIndex(of: "("), let close = sh.firstIndex(of: ")") else {
            throw .malformedArray("\(name): header has no shape")
        }
        var shape: [Int] = []
        for part in sh[sh.index(after: open)..<close].split(separator: ",") {
            let t = part.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard let n = Int(t), n >= 0 else { throw .malformedArray("\(name): bad shape \(sh)") }
            shape.append(n)
        }
        self.shape = shape
        self.dtype = dtype
        let size: Int = switch dtype { case .f8, .i8: 8; case .f4, .i4: 4; case .u1, .b1: 1 }
        let start = base + headerStart + headerLength
        let need = shape.reduce(1, *) * size
        guard data.count - (headerStart + headerLength) >= need else { throw .malformedArray("\(name): payload shorter than its shape") }
        payload = data[start..<(start + need)]
    }

    /// All values as Double (integers converted exactly up to 2^53).
    public func doubles() -> [Double] {
        payload.withUnsafeBytes { raw -> [Double] in
            switch dtype {
            case .f8: (0..<count).map { raw.loadUnaligned(fromByteOffset: 8 * $0, as: Double.self) }
            case .f4: (0..<count).map { Double(raw.loadUnaligned(fromByteOffset: 4 * $0, as: Float.self)) }
            case .i4: (0..<count).map { Double(raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
            case .i8: (0..<count).map { Double(raw.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
            case .u1, .b1: raw.map { Double($0) }
            }
        }
    }

    /// Values as bytes when every value is an integer in 0…255 (else nil).
    public func bytes() -> [UInt8]? {
        if dtype == .u1 || dtype == .b1 { return [UInt8](payload) }
        let d = doubles()
        guard d.allSatisfy({ $0 >= 0 && $0 <= 255 && $0 == $0.rounded() }) else { return nil }
        return d.map { UInt8($0) }
    }

    /// Writes a C-order `.npy` (format 1.0) of bytes or Int64 values.
    public static func encode(shape: [Int], dtype: DType, payload: Data) -> Data {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(dtype.rawValue)', 'fortran_order': False, 'shape': \(shapeText), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var out = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)])
        out.append(contentsOf: Array(header.utf8))
        out.append(payload)
        return out
    }
}
