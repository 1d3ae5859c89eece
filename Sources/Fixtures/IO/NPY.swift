import NumPyFiles

/// NumPy `.npy` side files of the fixture contract: little-endian `<f8`, `<f4`, `<i4`, `<i8`
/// and `|u1`, C order (format versions 1.0–3.0). Parsing is `NPYFile`'s.
public enum NPY {
    public typealias DType = NPYFile.DType
    public typealias FormatError = NPYFile.FormatError

    /// The element types the contract allows.
    public static let contractTypes: [DType] = [.float64, .float32, .int32, .int64, .uint8]

    /// Decodes a whole `.npy` file into a tensor (shape from the header, values row-major).
    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> FixtureTensor {
        let file = try NPYFile(bytes: bytes, allowed: contractTypes)
        return FixtureTensor(shape: file.shape, values: try file.doubles(), isInteger: file.dtype.isInteger)
    }
}
