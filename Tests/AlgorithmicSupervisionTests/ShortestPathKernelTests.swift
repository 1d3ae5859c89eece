@testable import AlgorithmicSupervision
import Testing

/// The C shortest-path kernel (`SIMDShortestPath+Kernel.swift`), both builds: it runs where its
/// header says it does (no silent fallback), agrees with the reference interpreter within
/// `simdAgreementBound` there, declines the rest (the runner's answer is then the Swift SIMD
/// kernel's, bit for bit), and bad input still gets typed errors.
@Suite struct ShortestPathKernelTests {
    static let builds: [KernelBuild] = [.baseline, .avx2FMA]

    func kernel(_ cost: [Double], batch: Int, H: Int, W: Int, _ p: AlgorithmParameters) -> SIMDShortestPath {
        SIMDShortestPath(H: H, W: W, lanes: Lanes(batch: batch), beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations,
                         hard: p.hard, iterations: p.iterations ?? (H + W), tconorm: p.tconorm, q: p.hamacherQ,
                         traceback: p.traceback, infinity: p.infinity)
    }

    /// Random grids (1 × n, n × 1, up to 7 × 7), batches 1…9 (lane padding), β ≤ 10, every
    /// t-conorm, T from the smallest that reaches every cell in the last sweep to H + W + 2; with
    /// and without a cotangent.
    @Test(arguments: builds)
    func agreesWithTheReferenceWhereItRuns(_ build: KernelBuild) throws {
        var draw = Draw(seed: 91)
        for trial in 0..<24 {
            let (batch, H, W) = (draw.int(in: 1...9), draw.int(in: 1...7), draw.int(in: 1...7))
            guard H * W > 1 else { continue }
            let p = params(beta: [1, 3, 5, 10][trial % 4]) {
                $0.iterations = draw.int(in: max(max(H, W) - 1, 2)...(H + W + 2))
                $0.tconorm = TConorm.allCases[trial % 3]
                $0.tconormParameter = $0.tconorm == .hamacher ? [0.5, 1, 2, 5][trial % 4] : nil
            }
            let cost = draw.costs(batch * H * W), cot = draw.normals(batch * H * W)
            let lanes = Lanes(batch: batch)
            let sp = kernel(cost, batch: batch, H: H, W: W, p)
            let label = "\(build) trial \(trial) \(batch)×\(H)×\(W) T=\(p.iterations!) β=\(p.beta) \(p.tconorm)"
            let ref = try run(.reference, .shortestPath, ["cost": Batched(shape: [batch, H, W], values: cost)], cotangents: ["path": cot], p)
            guard let r = sp.runKernel(lanes.pack(cost, elements: H * W), gradPath: lanes.pack(cot, elements: H * W), build: build) else {
                Issue.record("\(label): the kernel declined a case in its domain"); continue
            }
            expectClose(lanes.unpack(r.path, elements: H * W), ref.outputs["path"]!.values,
                        abs: simdAgreementBound.abs, rel: simdAgreementBound.rel, "\(label) path")
            expectClose(lanes.unpack(r.grad!, elements: H * W), ref.gradients["cost"]!.values,
                        abs: simdAgreementBound.abs, rel: simdAgreementBound.rel, "\(label) grad_cost")
            let forward = sp.runKernel(lanes.pack(cost, elements: H * W), gradPath: nil, build: build)
            #expect(forward?.grad == nil && forward?.path == r.path, "\(label): forward alone")
        }
    }

    /// Outside its domain the kernel returns nil and the runner's result is the Swift kernel's.
    @Test(arguments: builds)
    func declinesOutsideItsDomain(_ build: KernelBuild) throws {
        var draw = Draw(seed: 92)
        let cases: [(H: Int, W: Int, String, (inout AlgorithmParameters) -> Void)] = [
            (4, 4, "hard", { $0.hard = true }),
            (4, 4, "While", { $0.traceback = .while }),
            (4, 4, "T = 0", { $0.iterations = 0 }),
            (6, 2, "last sweep does not reach every cell", { $0.iterations = 3 }),
            (1, 1, "one cell (the start has no reached neighbour)", { $0.iterations = 3 }),
            (5, 5, "β·d beyond the shared exponential's range", { $0.beta = 100; $0.iterations = 10 }),
        ]
        for (H, W, what, configure) in cases {
            let batch = 3
            let p = params(beta: 10, configure)
            let cost = draw.costs(batch * H * W).map { $0 * 4 }, cot = draw.normals(batch * H * W)
            let lanes = Lanes(batch: batch)
            let sp = kernel(cost, batch: batch, H: H, W: W, p)
            #expect(sp.runKernel(lanes.pack(cost, elements: H * W), gradPath: lanes.pack(cot, elements: H * W), build: build) == nil, "\(what)")
            let swift = sp.run(lanes.pack(cost, elements: H * W), gradPath: lanes.pack(cot, elements: H * W))
            let runner = SIMDAlgorithmRunner(avx2FMA: build == .avx2FMA)
            let r = try runner.run(.shortestPath, inputs: ["cost": Batched(shape: [batch, H, W], values: cost)], cotangents: ["path": cot], parameters: p)
            #expect(r.outputs["path"]!.values == lanes.unpack(swift.path, elements: H * W), "\(what): path")
            #expect(r.gradients["cost"]!.values == lanes.unpack(swift.grad!, elements: H * W), "\(what): gradient")
        }
    }

    @Test func badCostsAreTypedErrors() throws {
        for impl in AlgorithmImplementation.allCases {
            for (k, bad) in [(3, Double.nan), (0, .infinity), (5, -1)] {
                var cost = [Double](repeating: 1, count: 9)
                cost[k] = bad
                #expect(throws: AlgorithmError.self, "\(impl) cost \(bad)") {
                    try run(impl, .shortestPath, ["cost": Batched(shape: [1, 3, 3], values: cost)], cotangents: ["path": [Double](repeating: 1, count: 9)], params())
                }
            }
        }
    }
}
