import Renderer
import Testing

/// Every distribution with representative parameters × every T-conorm family.
let allPairs: [(SmoothingDistribution, TConorm)] = allDistributions.flatMap { d in TConorm.representatives.map { (d, $0) } }

@Suite("Renderer agreement: SIMD vs reference")
struct RendererAgreementTests {
    /// 8 random triangles on a 12×12 image, plain and squared, Double and Float, every pair.
    @Test("every distribution × T-conorm: forward within forwardAgreementBound (Float kernels: kernelForwardBound), gradients within gradientAgreementBound")
    func everyPair() throws {
        var rng = TestRandom(state: 2024)
        let reference = ReferenceSoftRasterizer(), simd = SIMDSoftRasterizer()
        var worstForward = 0.0, worstGradient = 0.0, cases = 0
        for (i, (d, S)) in allPairs.enumerated() {
            let triangles = rng.triangles(8)
            let n = 12
            let cot = (0..<(n * n)).map { _ in rng.uniform(-1, 1) }
            let squared = i % 3 == 0
            let tau = squared ? 0.003 : [0.02, 0.05, 0.2][i % 3]
            let s = try SilhouetteSettings(size: n, distribution: d, scale: tau, squaredDistance: squared, tconorm: S)
            let r = try reference.gradient(triangles, s, cotangent: cot), o = try simd.gradient(triangles, s, cotangent: cot)
            let df = maxAbsDifference(r.image, o.image)
            #expect(df <= SIMDSoftRasterizer.forwardAgreementBound, "\(d) \(S): forward differs by \(df)")
            let scaleG = max(1, r.triangles.map(abs).max() ?? 0)
            let dg = maxAbsDifference(r.triangles, o.triangles) / scaleG / (Double.ulpOfOne * Double(n * n))
            #expect(dg <= SIMDSoftRasterizer.gradientAgreementBound, "\(d) \(S): gradient differs by \(dg) bound units")
            worstForward = max(worstForward, df)
            worstGradient = max(worstGradient, dg)
            cases += 1
            // Float for every third pair (the debug-build test budget)
            if i % 3 != 1 { continue }
            let tf = triangles.map(Float.init), cf = cot.map(Float.init)
            let rf = try reference.gradient(tf, s, cotangent: cf), of = try simd.gradient(tf, s, cotangent: cf)
            // Float settings the C kernels cover have their own derived bounds (see SIMDSoftRasterizer+Bounds.swift).
            let forwardBound = SIMDSoftRasterizer.kernelForwardBound(s, faces: 8)
            let gradientBound = SIMDSoftRasterizer.gradientAgreementBound
            #expect(maxAbsDifference(rf.image, of.image) <= forwardBound, "\(d) \(S): Float forward")
            let scaleF = max(1, Double(rf.triangles.map(abs).max() ?? 0))
            let dgf = maxAbsDifference(rf.triangles, of.triangles) / scaleF / (Double(Float.ulpOfOne) * Double(n * n))
            #expect(dgf <= gradientBound, "\(d) \(S): Float gradient \(dgf) bound units")
            worstGradient = max(worstGradient, dgf)
        }
        print("renderer agreement: \(cases) pairs, worst forward \(worstForward), worst gradient \(worstGradient) of the bound's unit")
    }

    @Test("two threads give the same image and gradient as one")
    func threads() throws {
        var rng = TestRandom(state: 7)
        let triangles = rng.triangles(30)
        let s = try settings("logistic", tau: 0.02, size: 37, tconorm: .einstein)
        let cot = (0..<(37 * 37)).map { _ in rng.uniform(-1, 1) }
        let one = try SIMDSoftRasterizer(threads: 1).gradient(triangles, s, cotangent: cot)
        let two = try SIMDSoftRasterizer(threads: 2).gradient(triangles, s, cotangent: cot)
        #expect(one.image == two.image)
        #expect(maxAbsDifference(one.triangles, two.triangles) <= 1e-12)
    }
}
