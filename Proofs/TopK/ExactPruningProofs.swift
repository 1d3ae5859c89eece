import Dispatch
import RealModule
import SortingNetworks
import TopK

extension TopKProofs {
    /// Runs the *reference* relaxed top-k network (the same source the library uses) on the full
    /// and on the pruned network over an exact field `F`, and compares the attribution `A` and the
    /// gradient `∂⟨Ā, A⟩/∂x` for a random cotangent exactly (`==`). Returns the first mismatch.
    public static func exactPruningMismatch<F: AlgebraicField & Comparable & Sendable>(
        network: TopKNetwork, family: RationalSigmoidFamily, steepness: F, x: [F], cotangent: [[F]], exact: Bool = true
    ) -> String? {
        let swap = family.conditionalSwap(steepness: steepness, guardEpsilon: 0 as F)
        let pruned = network.pruned()
        let full = ReferenceTopKAttribution.forward(x: x, network: network, swap: swap)
        let cone = ReferenceTopKAttribution.forward(x: x, network: pruned, swap: swap)
        guard full.A == cone.A else { return "A differs for \(network.name) \(family)" }
        let gFull = ReferenceTopKAttribution.vectorJacobianProduct(trace: full, network: network, swap: swap, cotangentA: cotangent)
        let gCone = ReferenceTopKAttribution.vectorJacobianProduct(trace: cone, network: pruned, swap: swap, cotangentA: cotangent)
        guard gFull == gCone else { return "gradient differs for \(network.name) \(family)" }
        // Column sums of A are exactly 1 (each slot receives one unit of mass) — over an exact field.
        guard exact else { return nil }
        for j in 0..<network.k {
            var total: F = 0
            for i in 0..<network.n { total += full.A[i][j] }
            guard total == 1 else { return "column \(j) of A sums to \(total), not 1, for \(network.name)" }
        }
        return nil
    }

    /// Sampled cross-check (generic over the field): for the rational families (reciprocal, optimal
    /// with the mathematical sigmoid, ε = 0) pruning leaves `A` and its gradient exactly unchanged
    /// on random rational inputs, and every column of `A` sums exactly to 1. (Every input:
    /// `pruningCone(scale:)`.)
    public static func pruningExact<F: AlgebraicField & Comparable & Sendable>(
        _: F.Type, fieldName: String, exact: Bool, scale: ProofScale, makeRational: @escaping (Int, Int) -> F
    ) -> Certificate {
        let (verdict, evidence, figure, seconds) = timed {
            var rng = SplitMix64(seed: 0x70_4B_50)
            var cases = 0
            let started = DispatchTime.now().uptimeNanoseconds
            for n in scale.rationalSizes {
                for k in Set([1, min(3, n), min(5, n)]).sorted() {
                    for network in topKNetworks(n: n, k: k) {
                        for family in RationalSigmoidFamily.allCases {
                            for _ in 0..<scale.rationalSamples {
                                // Budget: the exact rationals grow with the depth; stop with `failed`
                                // instead of running without bound (checked between cases).
                                if Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 > scale.maxSeconds {
                                    return (.failed, ["time budget of \(scale.maxSeconds) s exhausted before n=\(n) K=\(k) (\(cases) cases done)"], "budget exhausted")
                                }
                                let x = (0..<n).map { _ in makeRational(Int(rng.next() % 201) - 100, Int(rng.next() % 17) + 1) }
                                let cot = (0..<n).map { _ in (0..<k).map { _ in makeRational(Int(rng.next() % 21) - 10, Int(rng.next() % 5) + 1) } }
                                let steep = makeRational(Int(rng.next() % 9) + 1, Int(rng.next() % 3) + 1)
                                if let bad = exactPruningMismatch(network: network, family: family, steepness: steep, x: x, cotangent: cot, exact: exact) {
                                    return (.refuted, ["n=\(n) K=\(k): \(bad)"], "counterexample")
                                }
                                cases += 1
                            }
                        }
                    }
                }
            }
            return (.tested, [
                "field: \(fieldName); families: reciprocal, optimal (ε = 0); networks: bitonic(authors/valid), odd_even, splitter",
                "n ∈ \(scale.rationalSizes), K ∈ {1, 3, 5}: \(cases) random rational inputs with random rational cotangents",
                exact ? "A(pruned) == A(full), ∇(pruned) == ∇(full), Σ_i A[i][j] == 1 exactly in every case"
                      : "A(pruned) == A(full) and ∇(pruned) == ∇(full) bit for bit in every case (column sums not exact in floating point)",
            ], "\(cases) exact cases")
        }
        let sample = Certificate.Sample(
            cases: Int(figure.split(separator: " ").first ?? "0") ?? 0,
            seed: "SplitMix64 seed 0x704B50, \(scale.rationalSamples) random rational inputs per configuration",
            notCovered: "every other input and size (proved for every input in topk.pruning.cone)")
        return Certificate(name: "topk.pruning.sampled", claim: "pruning is exact for A and its gradient over \(fieldName) (rational families)",
                           verdict: verdict, evidence: evidence, figure: figure, sample: verdict == .tested ? sample : nil, seconds: seconds)
    }
}

