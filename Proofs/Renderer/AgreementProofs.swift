import Foundation
import ProofSupport
import Renderer
import SortingNetworks

/// The optimized rasterizer against the reference on random triangles, for every distribution
/// family × every T-conorm family (a sample: verdict `tested`).
public enum AgreementProofs {
    public static func simdAgreesWithReference() -> Certificate {
        let start = Date()
        var rng = SplitMix64(seed: 20220420)
        var worstForward = 0.0, worstGradient = 0.0, cases = 0, failures: [String] = []
        let distributions = DistributionFamily.allCases.map { f in try! SmoothingDistribution(f, shape: f.takesShape ? 2 : nil) }
        for d in distributions {
            for S in TConorm.representatives {
                let squared = cases % 2 == 1
                let n = 12
                let triangles = (0..<60).map { _ in Double.random(in: -0.8...0.8, using: &rng) }
                let cot = (0..<(n * n)).map { _ in Double.random(in: -1...1, using: &rng) }
                do {
                    let s = try SilhouetteSettings(size: n, distribution: d, scale: squared ? 0.003 : 0.05, squaredDistance: squared, tconorm: S)
                    let r = try ReferenceSoftRasterizer().gradient(triangles, s, cotangent: cot)
                    let o = try SIMDSoftRasterizer().gradient(triangles, s, cotangent: cot)
                    let df = zip(r.image, o.image).map { abs($0 - $1) }.max() ?? 0
                    let scale = max(1, r.triangles.map(abs).max() ?? 0)
                    let dg = (zip(r.triangles, o.triangles).map { abs($0 - $1) }.max() ?? 0) / scale / (Double.ulpOfOne * Double(n * n))
                    worstForward = max(worstForward, df)
                    worstGradient = max(worstGradient, dg)
                    if df > SIMDSoftRasterizer.forwardAgreementBound || dg > SIMDSoftRasterizer.gradientAgreementBound {
                        failures.append("\(d) \(S) squared=\(squared): forward \(df), gradient \(dg)")
                    }
                } catch {
                    failures.append("\(d) \(S): \(error)")
                }
                cases += 1
            }
        }
        return Certificate(
            name: "render.agreement.simd", claim: "", verdict: failures.isEmpty ? .tested : .failed,
            evidence: ["worst forward difference \(worstForward) (bound \(SIMDSoftRasterizer.forwardAgreementBound))",
                       "worst gradient difference \(worstGradient) × ε·N² × max(1, max|g|) (bound \(SIMDSoftRasterizer.gradientAgreementBound))"] + failures,
            figure: "\(cases) cases; worst forward \(worstForward), gradient \(String(format: "%.3f", worstGradient)) of the bound's unit",
            sample: Certificate.Sample(cases: cases, seed: "SplitMix64 seed 20220420; 10 faces in [−0.8, 0.8]², 12×12, Double, plain/squared alternating",
                                       notCovered: "other meshes, sizes and scales; Float (covered by the test suite); shapes other than k = 2"),
            seconds: Date().timeIntervalSince(start))
    }
}
