import SortingNetworks
import TopK

extension TopKProofs {
    /// Claim: the optimized implementation (pruned cone, SIMD over K, rank-one backward) agrees
    /// with the reference (full network, the paper's loops) within `SIMDTopKLoss.agreementBound`
    /// (ulps per layer, scaled by max(1, |reference|)) for every method, family and mode, with and
    /// without top-m, in Double and Float, on seeded random logits.
    public static func optimizedAgreesWithReference(scale: ProofScale) -> Certificate {
        let (verdict, evidence, figure, seconds) = timed {
            var rng = SplitMix64(seed: 0x70_4B_60)
            var worst = 0.0, worstWhere = "", cases = 0
            func check<T: SortScalar>(_: T.Type, _ cfg: TopKConfiguration, n: Int) -> String? {
                let batch = 3
                let logits = (0..<(n * batch)).map { _ in T(Double(rng.next() >> 11) / Double(1 << 53) * 6 - 3) }
                let labels = (0..<batch).map { _ in Int(rng.next() % UInt64(n)) }
                do {
                    let reference = try ReferenceTopKLoss(n: n, configuration: cfg)
                    let r: TopKLossResult<T> = try reference.evaluate(logits: logits, labels: labels, computeProbabilities: true)
                    let o: TopKLossResult<T> = try SIMDTopKLoss(n: n, configuration: cfg).evaluate(logits: logits, labels: labels, computeProbabilities: true)
                    let bound = SIMDTopKLoss.agreementBound * Double((reference.network?.layers.count ?? 1) + 1) * Double(T.ulpOfOne)
                    let gradScale = max(1, r.gradLogits.map { abs(Double($0)) }.max() ?? 0)
                    var ratio = abs(Double(o.loss - r.loss)) / (bound * max(1, abs(Double(r.loss))))
                    for (a, b) in zip(o.gradLogits, r.gradLogits) { ratio = max(ratio, abs(Double(a - b)) / (bound * gradScale)) }
                    for (a, b) in zip(o.probabilities ?? [], r.probabilities ?? []) { ratio = max(ratio, abs(Double(a - b)) / bound) }
                    cases += 1
                    let label = "\(cfg.method)(\(cfg.construction)) \(cfg.family) \(cfg.top1Mode) n=\(n) m=\(cfg.m.map(String.init) ?? "–") \(T.self)"
                    if ratio > worst { worst = ratio; worstWhere = label }
                    return ratio <= 1 ? nil : "\(label): |optimized − reference| = \(ratio) × bound"
                } catch { return "\(cfg.method): \(error)" }
            }
            let variants: [(TopKMethod, SortingNetwork.Construction)] = [
                (.bitonic, .authors), (.bitonic, .valid), (.oddEven, .valid), (.splitterSelection, .valid), (.neuralSort, .valid), (.softSort, .valid),
            ]
            for (method, construction) in variants {
                for family in method.isNetwork ? SigmoidFamily.allCases : [.cauchy] {
                    for mode in Top1Mode.allCases {
                        for (n, m) in [(6, nil), (17, nil), (33, 12)] as [(Int, Int?)] {
                            let pK: [Double] = n == 6 ? [0.5, 0.5] : [0.25, 0, 0, 0, 0.75]
                            guard let distribution = try? TopKDistribution(pK) else { continue }
                            let cfg = TopKConfiguration(method: method, construction: construction, family: family, steepness: 2,
                                                        artLambda: 0.4, distribution: distribution, m: m, top1Mode: mode)
                            for message in [check(Double.self, cfg, n: n), check(Float.self, cfg, n: n)].compactMap({ $0 }) {
                                return (.failed, [message], "disagreement")
                            }
                        }
                    }
                }
            }
            return (.tested, [
                "\(cases) batches (3 rows each): every method × family × mode, n ∈ {6, 17, 33 (m = 12)}, Double and Float",
                "bound: SIMDTopKLoss.agreementBound = \(SIMDTopKLoss.agreementBound) ulp per layer × (layers + 1) × max(1, |reference|)",
                String(format: "worst case uses %.3g of the bound (%@)", worst, worstWhere),
            ], String(format: "%d batches, worst %.2g of bound", cases, worst))
        }
        let sample = Certificate.Sample(
            cases: Int(figure.split(separator: " ").first ?? "0") ?? 0, seed: "SplitMix64 seed 0x704B60, 3 rows per batch",
            notCovered: "other logits, sizes (n ∈ {6, 17, 33} only), steepness values and distributions")
        return Certificate(name: "topk.agreement.optimized", claim: "optimized top-k loss = reference within SIMDTopKLoss.agreementBound",
                           verdict: verdict, evidence: evidence, figure: figure, sample: verdict == .tested ? sample : nil, seconds: seconds)
    }
}
