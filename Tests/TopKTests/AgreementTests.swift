import SortingNetworks
import Testing
@testable import TopK

/// The optimized implementation against the reference within `SIMDTopKLoss.agreementBound`
/// (ulps per layer, scaled by max(1, |reference|)), on seeded random inputs: every method,
/// construction, family and mode, pruned and unpruned, with and without top-m, Double and Float.
@Suite struct AgreementTests {
    static func bound<T: SortScalar>(_: T.Type, depth: Int) -> Double {
        SIMDTopKLoss.agreementBound * Double(depth + 1) * Double(T.ulpOfOne)
    }

    static func compare<T: SortScalar>(_: T.Type, cfg: TopKConfiguration, n: Int, batch: Int, rng: inout SeededRandom) throws {
        let logits = rng.logits(n * batch).map { T($0) }
        let labels = (0..<batch).map { _ in Int.random(in: 0..<n, using: &rng) }
        let reference = try ReferenceTopKLoss(n: n, configuration: cfg)
        let r = try reference.evaluate(logits: logits, labels: labels, computeProbabilities: true)
        // Both instances of the batched kernel (Float, Cauchy); other cases take the row path either way.
        for isa in SIMDRelaxedSorter.InstructionSet.allCases {
            let optimized = try SIMDTopKLoss(n: n, configuration: cfg, instructionSet: isa)
            let o = try optimized.evaluate(logits: logits, labels: labels, computeProbabilities: true)
            let tol = bound(T.self, depth: reference.network?.layers.count ?? 1)
            let what = "\(cfg.method)(\(cfg.construction)) \(cfg.family) \(cfg.top1Mode) n=\(n) m=\(String(describing: cfg.m)) pruned=\(cfg.pruned) \(T.self) \(isa)"
            #expect(abs(Double(o.loss - r.loss)) <= tol * max(1, abs(Double(r.loss))), "loss \(what)")
            let gradScale = max(1, r.gradLogits.map { abs(Double($0)) }.max() ?? 0)
            for (a, b) in zip(o.gradLogits, r.gradLogits) {
                #expect(abs(Double(a - b)) <= tol * gradScale, "grad \(what): \(a) vs \(b)")
            }
            for (a, b) in zip(o.probabilities!, r.probabilities!) {
                #expect(abs(Double(a - b)) <= tol, "A \(what): \(a) vs \(b)")
            }
        }
    }

    @Test(arguments: SigmoidFamily.allCases)
    func networks(_ family: SigmoidFamily) throws {
        var rng = SeededRandom(seed: 0x70_4B_30 &+ UInt64(family.rawValue.count))
        for (method, construction) in networkVariants {
            for mode in Top1Mode.allCases {
                for (n, m, pK) in [(3, nil, [1.0]), (10, nil, [0.5, 0, 0, 0, 0.5]), (23, 9, [0.2, 0.2, 0.2, 0.2, 0.2]),
                                   (40, nil, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2])] as [(Int, Int?, [Double])] {
                    for pruned in [true, false] {
                        let cfg = try config(method, family: family, steepness: Double.random(in: 0.3...12, using: &rng), pK: pK,
                                             mode: mode, m: m, construction: construction, artLambda: 0.4, pruned: pruned)
                        try Self.compare(Double.self, cfg: cfg, n: n, batch: 3, rng: &rng)
                        try Self.compare(Float.self, cfg: cfg, n: n, batch: 3, rng: &rng)
                    }
                }
            }
        }
    }

    @Test(arguments: [TopKMethod.neuralSort, .softSort])
    func rankRelaxations(_ method: TopKMethod) throws {
        var rng = SeededRandom(seed: 0x70_4B_31)
        for mode in Top1Mode.allCases {
            for (n, m) in [(4, nil), (17, nil), (30, 8)] as [(Int, Int?)] {
                let cfg = try config(method, steepness: Double.random(in: 0.3...4, using: &rng), pK: [0.5, 0, 0.5], mode: mode, m: m)
                try Self.compare(Double.self, cfg: cfg, n: n, batch: 3, rng: &rng)
                try Self.compare(Float.self, cfg: cfg, n: n, batch: 3, rng: &rng)
            }
        }
        // Ties: NeuralSort's |u_i − u_j| and SoftSort's sort both see equal logits.
        let cfg = try config(method, steepness: 1, pK: [0.5, 0.5], mode: .sort)
        let s: [Double] = [1, 0.5, 1, -2, 0.5, 1]
        let r = try ReferenceTopKLoss(n: 6, configuration: cfg).evaluate(logits: s, labels: [2])
        let o = try SIMDTopKLoss(n: 6, configuration: cfg).evaluate(logits: s, labels: [2])
        expectClose(o.gradLogits, r.gradLogits, tol: 1e-13, "ties \(method)")
    }

    /// Pruning is exact: the pruned and the full network give bit-identical A and gradients.
    @Test func pruningIsBitExact() throws {
        var rng = SeededRandom(seed: 0x70_4B_32)
        for (method, construction) in networkVariants {
            for family in SigmoidFamily.allCases {
                let n = 37
                var cfg = try config(method, family: family, steepness: 3, pK: [0.5, 0, 0.5], mode: .sort, construction: construction)
                let s = rng.logits(n)
                let pruned = try SIMDTopKLoss(n: n, configuration: cfg).evaluate(logits: s, labels: [3], computeProbabilities: true)
                cfg.pruned = false
                let full = try SIMDTopKLoss(n: n, configuration: cfg).evaluate(logits: s, labels: [3], computeProbabilities: true)
                #expect(pruned.probabilities! == full.probabilities!, "\(method) \(family)")
                #expect(pruned.gradLogits == full.gradLogits, "\(method) \(family)")
            }
        }
    }
}
