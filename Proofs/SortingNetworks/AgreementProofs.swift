import Foundation
import SortingNetworks

/// Optimized vs reference on seeded inputs: every family, network, construction, in Double.
/// `y` must be bit-identical; `P` and `∂x` within `SIMDRelaxedSorter.agreementBound` ulps per
/// layer (gradients relative to `n·(max|∂x| + 1)`).
enum AgreementProofs {
    static let sizes = [2, 3, 7, 16, 22, 37, 64]

    static func optimizedAgreesWithReference() -> Certificate {
        var log = ProofLog(name: "", claim: "")
        var worst = 0.0, configurations = 0
        var rng = SplitMix64(seed: 2024)
        for family in SigmoidFamily.allCases {
            for (kind, construction) in [(SortingNetwork.Kind.oddEven, SortingNetwork.Construction.valid), (.bitonic, .authors), (.bitonic, .valid)] {
                for n in sizes {
                    let config = SortConfiguration(network: kind, construction: construction, family: family, steepness: 7)
                    let label = "\(family.rawValue) \(kind.rawValue)(\(construction.rawValue)) n=\(n)"
                    let x = (0..<(3 * n)).map { _ in rng.normal() }
                    let cy = (0..<(3 * n)).map { _ in rng.normal() }
                    let cp = (0..<(3 * n * n)).map { _ in rng.normal() }
                    let reference: ReferenceRelaxedSorter, r: SortGradient<Double>
                    do {
                        reference = try ReferenceRelaxedSorter(n: n, configuration: config)
                        r = try reference.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
                    } catch {
                        log.fail("reference threw on \(label): \(error)")
                        continue
                    }
                    for impl in SortingImplementation.allCases where impl != .reference {
                        configurations += 1
                        guard let sorter = try? impl.makeSorter(n: n, configuration: config),
                              let o = try? sorter.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true),
                              let po = o.output.p, let pr = r.output.p else {
                            log.fail("\(impl) threw on \(label)")
                            continue
                        }
                        let layers = Double(max(reference.network.layers.count, 1))
                        let ulps = zip(po, pr).map { abs($0 - $1) }.max()! / (layers * Double.ulpOfOne)
                        let gradScale = r.gradX.map(abs).max()! + 1
                        let gradUlps = zip(o.gradX, r.gradX).map { abs($0 - $1) }.max()! / (layers * Double(n) * gradScale * Double.ulpOfOne)
                        worst = max(worst, ulps, gradUlps)
                        if o.output.y != r.output.y || max(ulps, gradUlps) > SIMDRelaxedSorter.agreementBound {
                            log.fail("\(impl) \(label): y identical \(o.output.y == r.output.y); \(ulps) / \(gradUlps) ulps per layer")
                        }
                    }
                }
            }
        }
        log.sample(cases: configurations, seed: "SplitMix64 seed 2024, batch of 3 rows per configuration, steepness 7",
                   notCovered: "other inputs, steepness values and sizes (n ∈ \(sizes) only)")
        return log.finish(figure: "\(configurations) configurations, worst \(String(format: "%.2f", worst)) of \(Int(SIMDRelaxedSorter.agreementBound)) ulp/layer")
    }
}
