import InputLimits

/// One NumPy `.npy` file (format versions 1.0, 2.0 and 3.0, C order, little-endian): header
/// parsing, conversion and writing, shared by the fixture checker and the dataset loaders.
public struct NPYFile: Sendable {
    /// The element types this package reads.
    public enum DType: String, Sendable, CaseIterable {
        case float64 = "<f8", float32 = "<f4", int32 = "<i4", int64 = "<i8", uint8 = "|u1", bool = "|b1"

        public var itemSize: Int {
            switch self {
            case .float64, .int64: 8
            case .float32, .int32: 4
            case .uint8, .bool: 1
            }
        }

        public var isInteger: Bool { self != .float64 && self != .float32 }
    }

    /// A reason the bytes are not an acceptable `.npy` file.
    public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
        public init(reason: String) { self.reason = reason }
    }

    public let shape: [Int]
    public let dtype: DType
    /// The raw little-endian payload, exactly `count · dtype.itemSize` bytes.
    public let payload: ArraySlice<UInt8>

    public var count: Int { shape.reduce(1, *) }

    /// Parses a whole `.npy` file, accepting only the element types in `allowed`. A shape whose
    /// claimed elements (zero dimensions left out, so `(0, 10¹⁴)` claims 10¹⁴) pass
    /// `limits.maxArrayElements` is refused before anything is sized by it.
    public init(bytes: [UInt8], allowed: [DType] = DType.allCases, limits: Limits = .current) throws(FormatError) {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw FormatError(reason: "not a .npy file (bad magic string)")
        }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw FormatError(reason: "truncated header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw FormatError(reason: "unsupported .npy format version \(major).\(bytes[7]) (supported: 1.0, 2.0, 3.0)")
        }
        guard headerStart + headerLength <= bytes.count else { throw FormatError(reason: "truncated header") }
        let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)
        let (dtype, shape) = try Self.parseHeader(header, allowed: allowed)
        do { try limits.checkShape(shape, "array") } catch { throw FormatError(reason: error.description) }
        var count = 1
        for d in shape {
            let (c, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, c <= bytes.count else { throw FormatError(reason: "shape \(shape) is larger than the file") }
            count = c
        }
        let dataStart = headerStart + headerLength
        let expectedBytes = count * dtype.itemSize
        guard bytes.count - dataStart == expectedBytes else {
            throw FormatError(reason: "data has \(bytes.count - dataStart) bytes, shape \(shape) of \(dtype.rawValue) needs \(expectedBytes)")
        }
        self.shape = shape
        self.dtype = dtype
        payload = bytes[dataStart...]
    }

    /// Every value as a Double, row-major; int64 values must be exactly representable (|v| ≤ 2⁵³).
    public func doubles() throws(FormatError) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        let base = payload.startIndex, size = dtype.itemSize
        for k in 0..<count {
            var raw: UInt64 = 0
            for i in 0..<size { raw |= UInt64(payload[base + k * size + i]) << (8 * UInt64(i)) }
            switch dtype {
            case .float64: values[k] = Double(bitPattern: raw)
            case .float32: values[k] = Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
            case .int32: values[k] = Double(Int32(bitPattern: UInt32(truncatingIfNeeded: raw)))
            case .int64:
                let v = Int64(bitPattern: raw)
                guard v.magnitude <= 1 << 53 else {
                    throw FormatError(reason: "int64 value \(v) at flat index \(k) is not exactly representable (|v| > 2^53)")
                }
                values[k] = Double(v)
            case .uint8, .bool: values[k] = Double(raw)
            }
        }
        return values
    }

    /// A C-order `.npy` file (format 1.0) holding `payload` with the given shape and type.
    public static func encode(shape: [Int], dtype: DType, payload: [UInt8]) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(dtype.rawValue)', 'fortran_order': False, 'shape': \(shapeText), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let length = header.utf8.count
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + payload
    }
}
