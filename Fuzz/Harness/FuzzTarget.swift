import AlgorithmicSupervision
import Fixtures
import Foundation
import InputLimits
import LogicGateNetworks
import NumPyFiles
import Renderer
import SortingNetworks
import TopK

/// What one input did to a parser or loader.
public enum FuzzOutcome: Equatable, Sendable, CustomStringConvertible {
    /// Parsed (and evaluated) with a valid, finite result.
    case accepted
    /// Refused with a typed error; the message.
    case rejected(String)
    /// A bug: a non-finite result from finite input, implementations that disagree where they
    /// must agree, or an error without a message. The fuzz entry points trap on it.
    case invalid(String)

    public var description: String {
        switch self {
        case .accepted: "accepted"
        case .rejected(let m): "rejected: \(m)"
        case .invalid(let m): "INVALID: \(m)"
        }
    }
}

/// Every parser and loader that reads outside input, as a fuzz target: `Fuzz/run.sh` builds
/// each with libFuzzer (`Fuzz/Entry/<name>.swift`), and `swift test` replays the committed
/// corpus and regression seeds through these very functions.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `.npy` arrays (``NPYFile``, the fixture decoder and the logic loaders' views of it).
    case npy
    /// A `relaxations-fixture/1` file (plain or gzip) with one side file: the input is the
    /// fixture, a 0 byte, then the side file's bytes, written as `side.npy` and `side.json.gz`.
    case fixture
    /// A `logic-gate-network/1` model, JSON or gzip; evaluated by every engine, which must agree.
    case logicModel = "logic-model"
    /// The vector input of `relax sort` (JSON or CSV), sorted by both implementations.
    case sortInput = "sort-input"
    /// The input of `relax topk loss`, evaluated by both implementations.
    case topkInput = "topk-input"
    /// The one gzip path (``Gzip``), with its size cap.
    case gzip
    /// A Wavefront OBJ mesh (the renderer's `TriangleMesh.parseOBJ`): every face index of an
    /// accepted mesh must name one of its vertices; meshes of ≤ 64 faces are then rendered by both
    /// rasterizers (finite, in [0, 1], within the agreement bound).
    case obj
    /// The CSV input of `relax algo run --csv` (``AlgorithmCSV``) for the program chosen by the
    /// input's length, optionally followed by a 0 byte and a cotangent CSV for the program's
    /// first output (`--cotangent`); inputs of ≤ 64 numbers are run by every implementation,
    /// whose outputs and gradients must be finite.
    case algoCSV = "algo-csv"

    /// Small limits, so that every input is cheap to run (the limits themselves are tested).
    public static let limits = Limits(
        maxN: 64, maxBatch: 64, maxArrayElements: 1 << 16, maxDecompressedBytes: 1 << 20,
        maxMemoryBytes: 64 << 20, maxThreads: 4)

    /// Runs one input under ``limits``; never traps on bad input (that is what is being tested).
    public func run(_ bytes: [UInt8]) -> FuzzOutcome {
        Limits.with(Self.limits) {
            do {
                switch self {
                case .npy: return try Self.npy(bytes)
                case .fixture: return try Self.fixture(bytes)
                case .logicModel: return try Self.logicModel(bytes)
                case .sortInput: return try Self.sortInput(bytes)
                case .topkInput: return try Self.topkInput(bytes)
                case .gzip:
                    _ = try Gzip.decompress(bytes)
                    return .accepted
                case .algoCSV: return try Self.algoCSV(bytes)
                case .obj:
                    let mesh = try TriangleMesh.parseOBJ(String(decoding: bytes, as: UTF8.self))
                    guard mesh.faces.allSatisfy({ (0..<mesh.vertexCount).contains($0) }) else { return .invalid("face index outside the vertices") }
                    return try Self.renderOBJ(mesh)
                }
            } catch {
                let message = "\(error)"
                return message.isEmpty ? .invalid("an error without a message: \(type(of: error))") : .rejected(message)
            }
        }
    }

    /// A parsed mesh of at most 64 faces, rendered 8×8 (logistic, and Cauchy in plain mode — the
    /// kernels' d²-based path — probabilistic, Float) by the reference and the optimized rasterizer:
    /// image and gradient finite, images within the kernels' agreement bound.
    static func renderOBJ(_ mesh: TriangleMesh) throws -> FuzzOutcome {
        guard mesh.faceCount <= 64 else { return .accepted }
        let camera = try Camera(distance: 2.732, elevation: 30, azimuth: 0, viewAngle: 15)
        let triangles = MeshSilhouette.triangles(mesh, camera).map(Float.init)
        let cotangent = [Float](repeating: 1, count: 64)
        for (family, scale) in [("logistic", 0.05), ("cauchy", 1e-3)] {
            let s = try SilhouetteSettings(size: 8, distribution: .named(family), scale: scale, tconorm: .probabilistic)
            let r = try ReferenceSoftRasterizer().gradient(triangles, s, cotangent: cotangent)
            let o = try SIMDSoftRasterizer().gradient(triangles, s, cotangent: cotangent)
            for (name, g) in [("reference", r), ("optimized", o)] {
                guard g.image.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }) else { return .invalid("\(family): \(name) image outside [0, 1]") }
                guard g.triangles.allSatisfy(\.isFinite) else { return .invalid("\(family): \(name) gradient not finite") }
            }
            let bound = SIMDSoftRasterizer.kernelForwardBound(s, faces: mesh.faceCount)
            guard zip(r.image, o.image).allSatisfy({ Double(abs($0 - $1)) <= bound }) else { return .invalid("\(family): images differ beyond the bound") }
        }
        return .accepted
    }

    static func npy(_ bytes: [UInt8]) throws -> FuzzOutcome {
        let file = try NPYFile(bytes: bytes)
        guard file.payload.count == file.count * file.dtype.itemSize else { return .invalid("payload size does not match the shape") }
        let array = try NPYArray(data: Data(bytes))
        _ = array.bytes()
        _ = try? array.labels(classes: 10)
        let tensor = try NPY.decode(bytes)
        guard tensor.values.count == file.count else { return .invalid("decoded \(tensor.values.count) values for \(file.count) elements") }
        return .accepted
    }

    static func fixture(_ bytes: [UInt8]) throws -> FuzzOutcome {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relaxations-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let side = split < bytes.count ? Data(bytes[(split + 1)...]) : Data()
        try side.write(to: directory.appendingPathComponent("side.npy"))
        try side.write(to: directory.appendingPathComponent("side.json.gz"))
        let path = directory.appendingPathComponent("fixture.json").path
        try Data(bytes[..<split]).write(to: URL(fileURLWithPath: path))
        let result = FixtureChecker().check(file: path)
        if let error = result.error { return "\(error)".isEmpty ? .invalid("empty file error") : .rejected("\(error)") }
        for r in result.results {
            if let e = r.error, "\(e)".isEmpty { return .invalid("empty case error") }
        }
        return .accepted
    }

    static func logicModel(_ bytes: [UInt8]) throws -> FuzzOutcome {
        let json = Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes) : bytes
        let net = try HardLogicGateNetwork(jsonData: Data(json))
        guard net.inputBits <= 4096, net.gateCount <= 1 << 16 else { return .accepted }
        // Two samples, all zeros and all ones: every engine must give the same counts.
        let x = [UInt8](repeating: 0, count: net.inputBits) + [UInt8](repeating: 1, count: net.inputBits)
        var results: [[Int]] = []
        for implementation in LogicGateNetworks.LogicImplementation.allCases {
            results.append(try implementation.implementation.counts(net, inputs: x))
        }
        for prune in [false, true] {
            results.append(try BitSlicedLogicNetwork(net, eliminateDeadGates: prune).counts(inputs: x))
        }
        guard results.allSatisfy({ $0 == results[0] }) else { return .invalid("engines disagree: \(results)") }
        return .accepted
    }

    static func sortInput(_ bytes: [UInt8]) throws -> FuzzOutcome {
        let rows = try VectorInput.parse(bytes)
        let n = rows[0].count
        try Limits.current.check(.n, n, "n")
        try Limits.current.check(.batch, rows.count, "batch")
        // The configuration varies with the input so that every family and network is reached.
        let family = SigmoidFamily.allCases[bytes.count % SigmoidFamily.allCases.count]
        let steepness = [10, 1e-300, 1.7e308][bytes.count / 7 % 3]
        let kind = SortingNetwork.Kind.allCases[bytes.count / 3 % 2]
        let config = SortConfiguration(network: kind, family: family, steepness: steepness)
        var values: [[Double]] = []
        for implementation in SortingNetworks.SortingImplementation.allCases {
            let out = try implementation.makeSorter(n: n, configuration: config).sort(rows.flatMap { $0 }, computeP: true)
            if let k = out.y.firstIndex(where: { !$0.isFinite }) { return .invalid("\(implementation) \(family): y[\(k)] = \(out.y[k])") }
            if let k = out.p?.firstIndex(where: { !$0.isFinite }) { return .invalid("\(implementation) \(family): P[\(k)] = \(out.p![k])") }
            values.append(out.y)
        }
        guard values.allSatisfy({ $0 == values[0] }) else { return .invalid("values path differs between implementations (\(family))") }
        return .accepted
    }

    static func topkInput(_ bytes: [UInt8]) throws -> FuzzOutcome {
        let input = try TopKInput.parse(bytes)
        let n = input.logits[0].count
        try Limits.current.check(.n, n, "n")
        try Limits.current.check(.batch, input.logits.count, "batch")
        let method = TopKMethod.allCases[bytes.count % TopKMethod.allCases.count]
        let config = TopKConfiguration(method: method, distribution: try TopKDistribution([0.5, 0.5]))
        for implementation in TopK.TopKImplementation.allCases {
            let loss = try implementation.makeLoss(n: n, configuration: config)
            let r: TopKLossResult<Double> = try loss.evaluate(logits: input.logits.flatMap { $0 }, labels: input.labels, computeProbabilities: true)
            guard r.loss.isFinite else { return .invalid("\(implementation) \(method): loss \(r.loss)") }
            if let k = r.gradLogits.firstIndex(where: { !$0.isFinite }) { return .invalid("\(implementation) \(method): grad[\(k)] = \(r.gradLogits[k])") }
        }
        return .accepted
    }

    static func algoCSV(_ bytes: [UInt8]) throws -> FuzzOutcome {
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        let program = AlgorithmProgram.allCases[bytes.count % AlgorithmProgram.allCases.count]
        let inputs = try AlgorithmCSV.parse(String(decoding: parts[0], as: UTF8.self), program: program).inputs
        var cotangents: [String: [Double]] = [:]
        if parts.count > 1 {
            let output = program.outputs[0]
            cotangents[output] = try AlgorithmCSV.cotangent(String(decoding: parts[1], as: UTF8.self), output: output, of: program)
        }
        guard inputs.values.reduce(0, { $0 + $1.values.count }) <= 64 else { return .accepted }
        var parameters = AlgorithmParameters()
        parameters.beta = 5
        for implementation in AlgorithmImplementation.allCases {
            let r = try implementation.runner.run(program, inputs: inputs, cotangents: cotangents, parameters: parameters)
            for (name, x) in r.outputs.map({ ($0.key, $0.value) }) + r.gradients.map({ ("grad_" + $0.key, $0.value) }) {
                if let k = x.values.firstIndex(where: { !$0.isFinite }) { return .invalid("\(implementation) \(program): \(name)[\(k)] = \(x.values[k])") }
            }
        }
        return .accepted
    }
}

