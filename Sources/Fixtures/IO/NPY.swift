/// Reader for NumPy `.npy` files (format versions 1.0, 2.0 and 3.0), restricted to what the
/// fixture contract allows: little-endian `<f8`, `<f4`, `<i4`, `<i8` and `|u1`, C order.
public enum NPY {
    /// The element types the contract allows.
    public enum DType: String, Sendable, CaseIterable {
        case float64 = "<f8", float32 = "<f4", int32 = "<i4", int64 = "<i8", uint8 = "|u1"

        var itemSize: Int {
            switch self {
            case .float64, .int64: 8
            case .float32, .int32: 4
            case .uint8: 1
            }
        }

        var isInteger: Bool { self == .int32 || self == .int64 || self == .uint8 }
    }

    /// A reason the bytes are not an acceptable `.npy` file.
    public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Decodes a whole `.npy` file into a tensor (shape from the header, values row-major).
    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> FixtureTensor {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw FormatError(reason: "not a .npy file (bad magic string)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
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
        let (dtype, shape) = try parseHeader(header)
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
        var values = [Double](repeating: 0, count: count)
        for k in 0..<count {
            let o = dataStart + k * dtype.itemSize
            var raw: UInt64 = 0
            for i in 0..<dtype.itemSize { raw |= UInt64(bytes[o + i]) << (8 * UInt64(i)) }
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
            case .uint8: values[k] = Double(raw)
            }
        }
        return FixtureTensor(shape: shape, values: values, isInteger: dtype.isInteger)
    }

    /// Parses the Python-literal header dict: `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`.
    static func parseHeader(_ header: String) throws(FormatError) -> (DType, [Int]) {
        func value(of key: String) throws(FormatError) -> Substring {
            guard let r = header.range(of: "'\(key)'") else { throw FormatError(reason: "header has no '\(key)' entry: \(header)") }
            var rest = header[r.upperBound...].drop { $0 == " " }
            guard rest.first == ":" else { throw FormatError(reason: "malformed header entry '\(key)'") }
            rest = rest.dropFirst().drop { $0 == " " }
            return rest
        }
        let descrRest = try value(of: "descr")
        guard let quote = descrRest.first, quote == "'" || quote == "\"",
              let end = descrRest.dropFirst().firstIndex(of: quote) else {
            throw FormatError(reason: "malformed 'descr' in header (structured dtypes are not supported)")
        }
        let descr = String(descrRest[descrRest.index(after: descrRest.startIndex)..<end])
        guard let dtype = DType(rawValue: descr) else {
            let allowed = DType.allCases.map(\.rawValue).joined(separator: ", ")
            throw FormatError(reason: "unsupported dtype '\(descr)' (allowed: \(allowed))")
        }
        let fortran = try value(of: "fortran_order")
        if fortran.hasPrefix("True") {
            throw FormatError(reason: "Fortran-order arrays are not supported (write the array in C order)")
        }
        guard fortran.hasPrefix("False") else { throw FormatError(reason: "malformed 'fortran_order' in header") }
        let shapeRest = try value(of: "shape")
        guard shapeRest.first == "(", let close = shapeRest.firstIndex(of: ")") else {
            throw FormatError(reason: "malformed 'shape' in header")
        }
        var shape: [Int] = []
        for part in shapeRest[shapeRest.index(after: shapeRest.startIndex)..<close].split(separator: ",") {
            let t = part.trimmingCharacters(in: " ")
            if t.isEmpty { continue }
            guard let d = Int(t), d >= 0 else { throw FormatError(reason: "malformed dimension '\(t)' in shape") }
            shape.append(d)
        }
        return (dtype, shape)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
