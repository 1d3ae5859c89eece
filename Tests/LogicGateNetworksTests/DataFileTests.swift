import Foundation
import Testing
@testable import LogicGateNetworks

/// The shipped datasets, `.npy` reading and `.json.gz` model files.
@Suite struct DataFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")

    @Test func npyRoundTripAndErrors() throws {
        let payload = Data([0, 1, 1, 0, 1, 0])
        let npy = try NPYArray(data: NPYArray.encode(shape: [2, 3], dtype: .uint8, payload: payload))
        #expect(npy.shape == [2, 3] && npy.bytes() == [0, 1, 1, 0, 1, 0])
        var ints = Data()
        for v: Int64 in [7, -2, 300] { withUnsafeBytes(of: v.littleEndian) { ints.append(contentsOf: $0) } }
        let i8 = try NPYArray(data: NPYArray.encode(shape: [3], dtype: .int64, payload: ints))
        #expect(i8.doubles() == [7, -2, 300] && i8.bytes() == nil)
        #expect(throws: LogicNetworkError.self) { try NPYArray(data: Data("not numpy".utf8)) }
        let truncated = NPYArray.encode(shape: [4, 4], dtype: .uint8, payload: Data([1, 0]))
        #expect(throws: LogicNetworkError.self) { try NPYArray(data: truncated) }
    }

    @Test(arguments: [("digits", 192), ("mnist5k", 784)])
    func shippedDatasetsLoad(name: String, bits: Int) throws {
        // The bundled datasets are resources of the `Datasets` target (relax finds them through Bundle.module).
        let dir = Self.fixtures.deletingLastPathComponent().appendingPathComponent("Sources/Datasets/data").path
        let train = try LogicFiles.loadDataset(name, part: "train", directory: dir, classes: 10)
        let test = try LogicFiles.loadDataset(name, part: "test", directory: dir, classes: 10)
        #expect(train.bits == bits && test.bits == bits)
        #expect(train.count + test.count == (name == "digits" ? 1797 : 5000))
        #expect(Set(train.labels) == Set(0..<10))
    }

    @Test func gzipModelFileLoads() throws {
        let path = Self.fixtures.appendingPathComponent("logic-network/large-model.json.gz").path
        let net = try LogicFiles.loadModel(path)
        #expect(net.inputBits == 192 && net.layers.count == 3 && net.classes == 10)
        // Without the file helper the gzip bytes are a clear error, not garbage.
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: LogicNetworkError.self) { try HardLogicGateNetwork(jsonData: raw) }
    }

    @Test func datasetValidation() {
        #expect(throws: LogicNetworkError.nonBinaryInput(sample: 1, feature: 0, value: 3)) {
            try LogicDataset(bits: 2, x: [0, 1, 3, 0], labels: [0, 1], classes: 2)
        }
        #expect(throws: LogicNetworkError.labelOutOfRange(sample: 1, label: 5, classes: 2)) {
            try LogicDataset(bits: 2, x: [0, 1, 1, 0], labels: [0, 5], classes: 2)
        }
    }
}
