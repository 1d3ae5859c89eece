import Foundation
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
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable("\(url.path): \(error.localizedDescription)") }
        try self.init(data: data, name: url.lastPathComponent)
    }

    public init(data: Data, name: String = "npy") throws(LogicNetworkError) {
        do { file = try NPYFile(bytes: [UInt8](data)) } catch { throw .malformedArray("\(name): \(error.reason)") }
    }

    /// All values as Double (integers converted exactly up to 2^53; larger int64 values become NaN).
    public func doubles() -> [Double] {
        (try? file.doubles()) ?? [Double](repeating: .nan, count: count)
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
