import Renderer
import Testing

/// The `Float` C kernels of SIMDSoftRasterizer: their CDF approximations against Double, and
/// their renders against the reference within the derived bounds, for both instruction sets.
@Suite("Renderer Float kernels: approximations and agreement")
struct KernelAgreementTests {
    static let kernelFamilies: [DistributionFamily] = [.uniform, .cubicHermite, .reciprocal, .gaussian, .laplace, .logistic, .cauchy]

    /// Dense grid on [−60, 60] (step 1/1024) plus log-spaced tails out to ±1e8.
    static let grid: [Float] = {
        var u = (-61440...61440).map { Float($0) / 1024 }
        for e in stride(from: 1.0, through: 8.0, by: 1.0 / 64) { u += [Float(Double.pow(10, e)), -Float(Double.pow(10, e))] }
        return u
    }()

    @Test("coverage within kernelCDFError of the Double CDF, density within kernelDensityError",
          arguments: SIMDSoftRasterizer.InstructionSet.allCases)
    func approximations(_ isa: SIMDSoftRasterizer.InstructionSet) throws {
        // Cauchy twice: from |u| (squared-mode renders) and from u² (plain-mode renders).
        for (family, fromSquare) in Self.kernelFamilies.map({ ($0, false) }) + [(.cauchy, true)] {
            let d = try SmoothingDistribution(family)
            let (b, f) = try #require(rendererKernelCDF(family, at: Self.grid, instructionSet: isa, fromSquare: fromSquare))
            var worstB = 0.0, worstF = 0.0
            for (i, u) in Self.grid.enumerated() {
                let x = Double(u)
                worstB = max(worstB, abs(Double(b[i]) - d.cdf(x)))
                let exact = d.density(x)
                worstF = max(worstF, abs(Double(f[i]) - exact) / (SIMDSoftRasterizer.kernelDensityError * exact + 1e-37))
            }
            let name = fromSquare ? "\(family) from u²" : "\(family)"
            #expect(worstB <= SIMDSoftRasterizer.kernelCDFError, "\(name) \(isa): |Δb| = \(worstB)")
            #expect(worstF <= 1, "\(name) \(isa): density error \(worstF) of its bound")
            print("kernel \(name) \(isa.rawValue): worst |Δb| \(worstB), density \(worstF) of bound")
        }
    }

    @Test("every kernel distribution × T-conorm, plain and squared: forward within kernelForwardBound, gradient within gradientAgreementBound",
          arguments: SIMDSoftRasterizer.InstructionSet.allCases)
    func agreement(_ isa: SIMDSoftRasterizer.InstructionSet) throws {
        var rng = TestRandom(state: 4242)
        let reference = ReferenceSoftRasterizer(), kernel = SIMDSoftRasterizer(instructionSet: isa)
        var worstForward = 0.0, worstGradient = 0.0, cases = 0
        for family in Self.kernelFamilies {
            for S in [TConorm.maximum, .probabilistic, .einstein] {
                for squared in [false, true] {
                    let n = 13
                    let triangles = rng.triangles(8).map(Float.init)
                    let cot = (0..<(n * n)).map { _ in Float(rng.uniform(-1, 1)) }
                    let s = try SilhouetteSettings(size: n, distribution: SmoothingDistribution(family), scale: squared ? 0.003 : 0.05,
                                                   squaredDistance: squared, tconorm: S)
                    #expect(SIMDSoftRasterizer.usesKernel(s))
                    let r = try reference.gradient(triangles, s, cotangent: cot), o = try kernel.gradient(triangles, s, cotangent: cot)
                    let bound = SIMDSoftRasterizer.kernelForwardBound(s, faces: 8)
                    let df = maxAbsDifference(r.image, o.image)
                    #expect(df <= bound, "\(family) \(S) squared=\(squared): forward \(df) > \(bound)")
                    let scale = max(1, Double(r.triangles.map(abs).max() ?? 0))
                    let dg = maxAbsDifference(r.triangles, o.triangles) / scale / (Double(Float.ulpOfOne) * Double(n * n))
                    let gradientBound = SIMDSoftRasterizer.gradientAgreementBound
                    #expect(dg <= gradientBound, "\(family) \(S) squared=\(squared): gradient \(dg) units")
                    worstForward = max(worstForward, bound > 0 ? df / bound : df)
                    worstGradient = max(worstGradient, dg)
                    cases += 1
                }
            }
        }
        print("kernel agreement \(isa.rawValue): \(cases) cases, worst forward \(worstForward) of its bound, worst gradient \(worstGradient) units")
    }

    @Test("the backward from the forward's nearest-edge cache is bit-identical to recomputing every edge",
          arguments: SIMDSoftRasterizer.InstructionSet.allCases)
    func nearestEdgeCache(_ isa: SIMDSoftRasterizer.InstructionSet) throws {
        var rng = TestRandom(state: 977)
        var cached = SIMDSoftRasterizer(instructionSet: isa), recomputed = cached
        recomputed.cachesNearestEdges = false
        #expect(cached.cachesNearestEdges)
        var cases = 0
        for family in Self.kernelFamilies {
            for S in [TConorm.maximum, .probabilistic, .einstein] {
                for squared in [false, true] {
                    for threads in [1, 2] {
                        let n = 21
                        cached.threads = threads
                        recomputed.threads = threads
                        let triangles = rng.triangles(12).map(Float.init)
                        let cot = (0..<(n * n)).map { _ in Float(rng.uniform(-1, 1)) }
                        let s = try SilhouetteSettings(size: n, distribution: SmoothingDistribution(family), scale: squared ? 0.003 : 0.05,
                                                       squaredDistance: squared, tconorm: S)
                        let a = try cached.gradient(triangles, s, cotangent: cot), b = try recomputed.gradient(triangles, s, cotangent: cot)
                        #expect(a.image.map(\.bitPattern) == b.image.map(\.bitPattern), "\(family) \(S) squared=\(squared) threads=\(threads): image")
                        #expect(a.triangles.map(\.bitPattern) == b.triangles.map(\.bitPattern), "\(family) \(S) squared=\(squared) threads=\(threads): gradient")
                        cases += 1
                    }
                }
            }
        }
        #expect(cases == 7 * 3 * 2 * 2)
    }

    @Test("plain-mode Cauchy (the d² path) at d = 0: a vertex on a pixel centre, an edge through one, a segment, a point",
          arguments: SIMDSoftRasterizer.InstructionSet.allCases)
    func cauchyAtZeroDistance(_ isa: SIMDSoftRasterizer.InstructionSet) throws {
        let n = 4  // pixel centres ±0.25, ±0.75
        let meshes: [[Float]] = [
            [0.25, 0.25, -0.75, -0.75, 0.75, -0.75],  // vertex on (0.25, 0.25); edge y = x through (−0.25, −0.25)
            [-0.75, 0.25, 0.75, 0.25, 0, 0.25],       // zero area: a segment through a pixel row
            [0.25, 0.25, 0.25, 0.25, 0.25, 0.25],     // a point on a pixel centre
        ]
        let cot = (0..<(n * n)).map { Float($0 % 3) - 1 }
        for triangles in meshes {
            for tau in [1e-3, 0.3] {
                let s = try SilhouetteSettings(size: n, distribution: .named("cauchy"), scale: tau, tconorm: .probabilistic)
                let r = try ReferenceSoftRasterizer().gradient(triangles, s, cotangent: cot)
                let o = try SIMDSoftRasterizer(instructionSet: isa).gradient(triangles, s, cotangent: cot)
                #expect(o.image.allSatisfy { $0.isFinite } && o.triangles.allSatisfy(\.isFinite), "\(triangles) τ=\(tau)")
                let df = maxAbsDifference(r.image, o.image)
                #expect(df <= SIMDSoftRasterizer.kernelForwardBound(s, faces: 1), "\(triangles) τ=\(tau): forward \(df)")
                let scale = max(1, Double(r.triangles.map(abs).max() ?? 0))
                let dg = maxAbsDifference(r.triangles, o.triangles) / scale / (Double(Float.ulpOfOne) * Double(n * n))
                #expect(dg <= SIMDSoftRasterizer.gradientAgreementBound, "\(triangles) τ=\(tau): gradient \(dg) units")
            }
        }
    }
}
