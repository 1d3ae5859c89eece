import Foundation
import InputLimits
import NumPyFiles

/// A NumPy `.npy` array for datasets and model inputs (`NPYFile` parses it; errors become
/// ``LogicNetworkError/malformedArray(_:)`` naming the file).
public struct NPYArray: Sendable {
    public typealias DType = NPYFile.DType
    let file: NPYFile

    public var shape: [Int] { file.shape }
    public var dtype: DType { file.dtype }
    public var count: Int { file.count }

    public init(contentsOf url: URL) throws(LogicNetworkError) {
        let data: [UInt8]
        do { data = try InputFile.read(url.path) } catch {
            if case .unreadable = error { throw .unreadable(error.description) }
            throw .malformedArray(error.description)
        }
        do { file = try NPYFile(bytes: data) } catch { throw .malformedArray("\(url.lastPathComponent): \(error.reason)") }
    }

    public init(data: Data, name: String = "npy") throws(LogicNetworkError) {
        do { file = try NPYFile(bytes: [UInt8](data)) } catch { throw .malformedArray("\(name): \(error.reason)") }
    }

    /// All values as Double (integers converted exactly up to 2^53; larger int64 values become NaN).
    public func doubles() -> [Double] {
        (try? file.doubles()) ?? [Double](repeating: .nan, count: count)
    }

    /// Class labels: a 1-D integer array (`int32`, `int64` or `uint8`) of values in
    /// `0..<classes`. Float arrays (even `1.0`), other shapes (`(B, 1)` too) and labels out of
    /// range are typed errors naming the first offending entry; nothing is converted unchecked.
    public func labels(classes: Int, name: String = "labels") throws(LogicNetworkError) -> [Int] {
        guard shape.count == 1 else { throw .malformedArray("\(name) must be a 1-D array [B], got shape \(shape)") }
        guard dtype == .int32 || dtype == .int64 || dtype == .uint8 else {
            throw .malformedArray("\(name) must be integers (int32, int64 or uint8), got dtype \(dtype.rawValue)")
        }
        let values: [Double]
        do { values = try file.doubles() } catch { throw .malformedArray("\(name): \(error.reason)") }
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for (i, v) in values.enumerated() {
            // Integer dtypes convert exactly (int64 beyond 2^53 was refused above).
            guard v >= 0, v < Double(classes) else {
                throw .malformedArray("\(name)[\(i)] = \(Int64(v)) is outside 0..<\(classes)")
            }
            out.append(Int(v))
        }
        return out
    }

    /// Values as bytes when every value is an integer in 0…255 (else nil).
    public func bytes() -> [UInt8]? {
        if dtype == .uint8 || dtype == .bool { return Array(file.payload) }
        let d = doubles()
        guard d.allSatisfy({ $0 >= 0 && $0 <= 255 && $0 == $0.rounded() }) else { return nil }
        return d.map { UInt8($0) }
    }

    /// Writes a C-order `.npy` (format 1.0) with the given raw little-endian payload.
    public static func encode(shape: [Int], dtype: DType, payload: Data) -> Data {
        Data(NPYFile.encode(shape: shape, dtype: dtype, payload: [UInt8](payload)))
    }
}
