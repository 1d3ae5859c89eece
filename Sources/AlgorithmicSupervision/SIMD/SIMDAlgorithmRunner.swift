/// The agreement bound between the optimized implementations (``AlgorithmImplementation/optimized``,
/// ``AlgorithmImplementation/optimizedAVX2``: the Swift SIMD kernels and the shortest path's C
/// kernel in both builds) and the reference interpreter, per entry:
/// `|simd − reference| ≤ abs + rel·|reference|`. The SIMD programs skip blends
/// whose branch was skipped (the reference computes `p·v + (1 − p)·v`), sum in other orders and
/// use closed-form derivatives; each such step differs by a few roundings.
///
/// Shortest path: the bound holds when every cell is reached by the sweeps
/// (`iterations ≥ max(H, W) − 1`). A cell not yet reached holds a distance near `infinity`
/// (1e12, resolution ulp(1e12) ≈ 1.2e-4), and derivatives through such values are only
/// determined to about `β·ulp(infinity)` relative in either implementation (measured: 3e-5).
/// The SIMD soft minima share one exponential `e^(−β d)` per cell where the reference shifts
/// by each cell's maximum; both round the softmax derivative at about `β·d·ε` relative, so
/// gradient entries that nearly cancel differ by about that times the terms' size: within the
/// bound for the tested β·d (β ≤ 100 with distances ≲ 5, β ≤ 10 with ≲ 20); at β = 60 with
/// distances near 20 an entry whose value is ~1e-12 was measured 1.2e-12 apart.
public let simdAgreementBound = (abs: 1e-12, rel: 1e-9)

/// The optimized implementation: each shipped program compiled by hand (SIMD/ files).
public struct SIMDAlgorithmRunner: RelaxedAlgorithmRunner {
    /// The build of the C shortest-path kernel (`SIMDShortestPath+Kernel.swift`).
    let build: KernelBuild

    /// The baseline build (runs on any x86-64).
    public init() { build = .baseline }

    /// With `avx2FMA`, the AVX2 + FMA build of the C kernels where the CPU has them (checked
    /// at run time; otherwise the baseline build).
    public init(avx2FMA: Bool) { build = avx2FMA ? .avx2FMA : .baseline }

    public func run(_ program: AlgorithmProgram, inputs: [String: Batched<Double>], cotangents: [String: [Double]],
                    parameters p: AlgorithmParameters) throws -> AlgorithmResult {
        let batch = try program.validate(inputs, cotangents: cotangents, parameters: p)
        let lanes = Lanes(batch: batch)
        let wantsGradient = !cotangents.isEmpty
        func pack(_ name: String) -> [Lane] {
            let x = inputs[name]!
            return lanes.pack(x.values, elements: x.values.count / batch)
        }
        func cot(_ name: String, _ elements: Int) -> [Lane]? {
            cotangents[name].map { lanes.pack($0, elements: elements) } ?? (wantsGradient ? [Lane](repeating: .zero, count: elements * lanes.groups) : nil)
        }
        func out(_ lanesValues: [Lane], _ shape: [Int]) -> Batched<Double> {
            Batched(shape: shape, values: lanes.unpack(lanesValues, elements: shape.dropFirst().reduce(1, *)))
        }
        switch program {
        case .bubbleSort:
            let shape = inputs["array"]!.shape
            let n = shape[1]
            let sorter = SIMDBubbleSort(n: n, lanes: lanes, beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations, hard: p.hard)
            let r = sorter.run(pack("array"), gradArray: cot("array", n), gradLoss: cot("loss_sum", 1))
            return AlgorithmResult(outputs: ["array": out(r.array, shape), "loss_sum": out(r.loss, [batch])],
                                   gradients: r.gradArray.map { ["array": out($0, shape)] } ?? [:], whileReports: r.reports)
        case .counter:
            let c = SIMDCounter(lanes: lanes, beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations, limit: p.limit)
            let r = c.run(pack("start"), gradX: cot("x", 1))
            return AlgorithmResult(outputs: ["x": out(r.x, [batch])], gradients: r.grad.map { ["start": out($0, [batch])] } ?? [:],
                                   whileReports: r.reports)
        case .editDistance:
            let (sa, sb) = (inputs["a"]!.shape, inputs["b"]!.shape)
            let e = SIMDEditDistance(n: sa[1], m: sb[1], K: sa[2], lanes: lanes, beta: p.beta, hard: p.hard)
            let r = e.run(pack("a"), pack("b"), gradDistance: cot("distance", 1))
            var grads: [String: Batched<Double>] = [:]
            if let ga = r.gradA, let gb = r.gradB { grads = ["a": out(ga, sa), "b": out(gb, sb)] }
            return AlgorithmResult(outputs: ["distance": out(r.distance, [batch])], gradients: grads, whileReports: [])
        case .shortestPath:
            let shape = inputs["cost"]!.shape
            let sp = SIMDShortestPath(H: shape[1], W: shape[2], lanes: lanes, beta: p.beta, epsilon: p.epsilon,
                                      maxIterations: p.maxIterations, hard: p.hard, iterations: p.iterations ?? (shape[1] + shape[2]),
                                      tconorm: p.tconorm, q: p.hamacherQ, traceback: p.traceback, infinity: p.infinity)
            let (cost, gPath) = (pack("cost"), cot("path", shape[1] * shape[2]))
            if let r = sp.runKernel(cost, gradPath: gPath, build: build) {
                return AlgorithmResult(outputs: ["path": out(r.path, shape)], gradients: r.grad.map { ["cost": out($0, shape)] } ?? [:],
                                       whileReports: [])
            }
            let r = sp.run(cost, gradPath: gPath)
            return AlgorithmResult(outputs: ["path": out(r.path, shape)], gradients: r.grad.map { ["cost": out($0, shape)] } ?? [:],
                                   whileReports: r.reports)
        }
    }
}
