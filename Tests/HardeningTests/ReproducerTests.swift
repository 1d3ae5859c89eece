import Fixtures
import Foundation
import InputLimits
import LogicGateNetworks
import NumPyFiles
import SortingNetworks
import Testing
import TopK
import CZlib

/// Every reproducer of the hardening issue, in process: each gives a typed error (naming the
/// limit or the offending entry) or a correct result. `Tests/reproducers.sh` runs the same inputs
/// through `relax` under a 4 GB address-space limit.
@Suite struct ReproducerTests {
    // MARK: labels (`relax logic eval --labels`)

    static func labels(_ values: [Double]) throws -> [Int] {
        let payload = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        let data = Data(NPYFile.encode(shape: [values.count], dtype: .float64, payload: payload))
        return try NPYArray(data: data).labels(classes: 10)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, 2.5, -5, 1.0])
    func floatLabelsAreRefused(_ v: Double) {
        #expect(throws: LogicNetworkError.self) { try Self.labels([0, v]) }
    }

    @Test func integerLabelsAreCheckedForRangeAndShape() throws {
        func int64(_ values: [Int64], shape: [Int]) throws -> [Int] {
            let payload = values.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
            return try NPYArray(data: Data(NPYFile.encode(shape: shape, dtype: .int64, payload: payload))).labels(classes: 10)
        }
        #expect(try int64([0, 9, 3], shape: [3]) == [0, 9, 3])
        #expect(throws: LogicNetworkError.self) { try int64([1 << 60], shape: [1]) }   // > 2^53
        #expect(throws: LogicNetworkError.self) { try int64([-5], shape: [1]) }
        #expect(throws: LogicNetworkError.self) { try int64([10], shape: [1]) }
        #expect(throws: LogicNetworkError.self) { try int64([Int64](repeating: 1, count: 8), shape: [8, 1]) }
    }

    // MARK: zero-row arrays with huge claimed shapes

    @Test func zeroRowNPYWithHugeShapeIsRefusedByTheLimit() {
        let bytes = NPYFile.encode(shape: [0, 100_000_000_000_000], dtype: .uint8, payload: [])
        #expect(Limits.claimedElements([0, 100_000_000_000_000]) == 100_000_000_000_000)
        do {
            _ = try NPYFile(bytes: bytes)
            Issue.record("accepted")
        } catch { #expect(error.reason.contains("--max-elements")) }
    }

    /// A fixture in a fresh directory with one `.npy` side file; returns the checker's errors.
    static func checkFixture(_ fixture: String, side: [UInt8]) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relaxations-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(side).write(to: dir.appendingPathComponent("side.npy"))
        let path = dir.appendingPathComponent("f.json").path
        try Data(fixture.utf8).write(to: URL(fileURLWithPath: path))
        let r = FixtureChecker().check(file: path)
        return ([r.error].compactMap { $0 } + r.results.compactMap(\.error)).map { "\($0)" }
    }

    @Test func sortFixtureWithZeroRowsOfTwoToThe30IsRefused() throws {
        let side = NPYFile.encode(shape: [0, 1 << 30], dtype: .float64, payload: [])
        let errors = try Self.checkFixture("""
            {"format": "relaxations-fixture/1", "method": "sort", "params": {"network": "bitonic"},
             "cases": [{"input": {"x": {"npy": "side.npy"}}, "expected": {"y": {"npy": "side.npy"}}}]}
            """, side: side)
        #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("--max-elements") || $0.contains("--max-n") }, "\(errors)")
    }

    @Test func logicLayerFixtureWithZeroRowsOfTwoToThe62IsRefused() throws {
        let side = NPYFile.encode(shape: [0, 1 << 62], dtype: .float64, payload: [])
        let errors = try Self.checkFixture("""
            {"format": "relaxations-fixture/1", "method": "logic-layer",
             "cases": [{"input": {"x": {"npy": "side.npy"}, "a": [0], "b": [1], "logits": [[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]]},
                        "expected": {"y": [[0.5]]}}]}
            """, side: side)
        #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("--max-elements") }, "\(errors)")
    }

    @Test func modelClaimingHugeInputWidthIsRefused() {
        let json = #"{"format": "logic-gate-network/1", "input_bits": 100000000000000, "layers": [{"a": [0], "b": [0], "gates": [3]}], "group_sum": {"classes": 1, "tau": 1}}"#
        #expect(throws: LogicNetworkError.self) { try HardLogicGateNetwork(jsonData: Data(json.utf8)) }
    }

    // MARK: gzip bomb

    /// 8 MiB of spaces compressed to about 8 KB.
    static let bomb: [UInt8] = {
        let plain = [UInt8](repeating: 0x20, count: 8 << 20)
        var out = [UInt8](repeating: 0, count: 1 << 20)
        var stream = z_stream()
        _ = deflateInit2_(&stream, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        var produced = 0
        plain.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = UnsafeMutablePointer(mutating: i.baseAddress)
                stream.avail_in = UInt32(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                _ = deflate(&stream, Z_FINISH)
                produced = o.count - Int(stream.avail_out)
            }
        }
        deflateEnd(&stream)
        return Array(out[0..<produced])
    }()

    @Test func gzipBombIsCappedAndStreamed() throws {
        #expect(Self.bomb.count < 64 << 10)
        #expect(throws: GzipError.tooLarge(limit: 1 << 20)) { try Gzip.decompress(Self.bomb, maxBytes: 1 << 20) }
        #expect(try Gzip.decompress(Self.bomb, maxBytes: 8 << 20).count == 8 << 20)
        // From a file, through every loader that reads models and fixtures.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relaxations-bomb-\(UUID().uuidString).json.gz")
        try Data(Self.bomb).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var small = Limits.defaults
        small.maxDecompressedBytes = 1 << 20
        Limits.with(small) {
            #expect(throws: LogicNetworkError.self) { try LogicFiles.loadModel(url.path) }
            let r = FixtureChecker().check(file: url.path)
            #expect("\(r.error.map { "\($0)" } ?? "")".contains("--max-decompressed-bytes"))
            #expect(throws: InputFileError.gzip(path: url.path, .tooLarge(limit: 1 << 20))) { try InputFile.read(url.path) }
        }
    }

    // MARK: large n

    @Test func largeNIsEstimatedAndRefusedBeforeBuilding() throws {
        let limit = Limits.defaults.maxMemoryBytes
        let oddEven = SortConfiguration(network: .oddEven)
        #expect(oddEven.estimatedWorkingBytes(n: 10_000, batch: 1, computeP: false, implementation: .optimized) > limit)
        let bitonic = SortConfiguration(network: .bitonic)
        #expect(bitonic.estimatedWorkingBytes(n: 100_000, batch: 1, computeP: true, implementation: .optimized) > limit)
        #expect(bitonic.estimatedWorkingBytes(n: 1024, batch: 8, computeP: true, implementation: .optimized) < limit)
        let topk = TopKConfiguration(method: .oddEven)
        #expect(topk.estimatedWorkingBytes(n: 10_000, batch: 1) > limit)
        // Through the fixture checker: refused with the flag named, nothing built.
        let x = "[" + (0..<10_000).map { "\($0 % 97)" }.joined(separator: ",") + "]"
        let sortErrors = try Self.checkFixture("""
            {"format": "relaxations-fixture/1", "method": "sort", "params": {"network": "odd_even"},
             "cases": [{"input": {"x": [\(x)]}, "expected": {"y": [\(x)]}}]}
            """, side: [])
        #expect(!sortErrors.isEmpty && sortErrors.allSatisfy { $0.contains("--max-memory") }, "\(sortErrors)")
        let topkErrors = try Self.checkFixture("""
            {"format": "relaxations-fixture/1", "method": "topk-loss", "params": {"method": "odd_even", "p_k": [0.5, 0.5]},
             "cases": [{"input": {"logits": [\(x)], "labels": [0]}, "expected": {"loss": 0}}]}
            """, side: [])
        #expect(!topkErrors.isEmpty && topkErrors.allSatisfy { $0.contains("--max-memory") }, "\(topkErrors)")
    }

    // MARK: quiet misreadings

    @Test func vectorInputIsStrict() throws {
        func parse(_ s: String) throws -> [[Double]] { try VectorInput.parse(Array(s.utf8)) }
        #expect(throws: VectorInput.Error.self) { try parse("[true, 1, 2]") }
        #expect(throws: VectorInput.Error.self) { try parse("[false]") }
        #expect(throws: VectorInput.Error.self) { try parse("[\"1\"]") }
        #expect(throws: VectorInput.Error.self) { try parse("0x10,1") }
        #expect(throws: VectorInput.Error.self) { try parse("inf,1") }
        #expect(throws: VectorInput.Error.self) { try parse("nan,1") }
        #expect(throws: VectorInput.Error.self) { try parse("3,,1") }
        #expect(try parse("\u{FEFF}[3, 1, 2]") == [[3, 1, 2]])   // BOM: ignored, still JSON
        #expect(try parse("\u{FEFF}3,1\n2,0") == [[3, 1], [2, 0]])
        #expect(try parse("1e3, -2.5E-2, +4.") == [[1000, -0.025, 4]])
        #expect(try VectorInput.decimalList("0.5,0,0.5") == [0.5, 0, 0.5])
        #expect(throws: VectorInput.Error.self) { try VectorInput.decimalList("0.5,,0.5") }
    }

    @Test func topKInputLabelsMustBeIntegers() throws {
        func parse(_ s: String) throws -> TopKInput { try TopKInput.parse(Array(s.utf8)) }
        #expect(try parse(#"{"logits": [[1, 2, 3]], "labels": [1]}"#).labels == [1])
        #expect(throws: VectorInput.Error.self) { try parse(#"{"logits": [[1, 2, 3]], "labels": [1.0]}"#) }
        #expect(throws: VectorInput.Error.self) { try parse(#"{"logits": [[1, 2, 3]], "labels": [true]}"#) }
        #expect(throws: VectorInput.Error.self) { try parse(#"{"logits": [[true, 2, 3]], "labels": [1]}"#) }
    }

    @Test func modelGateIdsMustBeIntegers() {
        func model(_ gates: String) -> Data {
            Data(#"{"format": "logic-gate-network/1", "input_bits": 2, "layers": [{"a": [0], "b": [1], "gates": \#(gates)}], "group_sum": {"classes": 1, "tau": 1}}"#.utf8)
        }
        #expect((try? HardLogicGateNetwork(jsonData: model("[2]"))) != nil)
        for bad in ["[2.0]", "[2e0]", "[true]", "[\"2\"]", "[16]", "[-1]"] {
            #expect(throws: LogicNetworkError.self, "\(bad)") { try HardLogicGateNetwork(jsonData: model(bad)) }
        }
    }
}
