import Foundation
import Renderer
import SortingNetworks

/// The renderer's agreement row of `relax verify`: the optimized rasterizer against the reference
/// on random triangles for every distribution × T-conorm family (a sample: verdict `tested`).
enum RendererVerification {
    static func agreementRow() -> VerifyRow {
        let start = Date()
        var rng = SplitMix64(seed: 20220420)
        var worstForward = 0.0, worstGradient = 0.0, cases = 0, failures: [String] = []
        let distributions = DistributionFamily.allCases.map { f in try! SmoothingDistribution(f, shape: f.takesShape ? 2 : nil) }
        for d in distributions {
            for S in TConorm.representatives {
                do {
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
        }
        return VerifyRow(
            claim: "SIMD rasterizer = reference (forward bit-identical, gradient within bound)", method: "renderer", passed: failures.isEmpty,
            verdict: failures.isEmpty ? "tested" : "failed",
            figure: "\(cases) cases (seed 20220420, 10 faces, 12×12, Double, plain and squared alternating); worst forward \(worstForward), gradient \(String(format: "%.3f", worstGradient)) of bound unit",
            seconds: Date().timeIntervalSince(start), evidence: failures)
    }
}

