import RealModule

/// Coverage `b = F(s·x/τ)` and the T-conorm fold on 8 pixels at once; the rational CDFs and
/// T-conorms are evaluated on whole vectors, the others lane by lane with the reference's
/// scalar functions.
struct CoverageKernel<T: RendererScalar> {
    typealias Mask = SIMDMask<SIMD8<T>.MaskStorage>
    let settings: SilhouetteSettings
    let distribution: SmoothingDistribution
    let tau: T
    let threshold: SIMD8<T>
    let hard: Bool

    init(_ s: SilhouetteSettings) {
        settings = s
        distribution = s.distribution
        tau = T(s.scale)
        threshold = SIMD8(repeating: T(SmoothingDistribution.coverageThreshold))
        hard = s.distribution.family == .hard
    }

    /// `(b, u)` for 8 pixels; the sign is `inside ? 1 : −1`.
    @inline(__always)
    func coverage(_ g: VectorGeometry<T>, _ plan: FacePlan<T>) -> (b: SIMD8<T>, u: SIMD8<T>) {
        if hard { return (SIMD8<T>.zero.replacing(with: 1, where: g.closedInside), .zero) }
        let x = settings.squaredDistance ? g.D : g.D.squareRoot()
        let sign = SIMD8<T>(repeating: -1).replacing(with: 1, where: g.inside)
        let u = sign * x / tau
        return (cdf(u), u)
    }

    @inline(__always)
    func cdf(_ u: SIMD8<T>) -> SIMD8<T> {
        switch distribution.family {
        case .uniform:
            var b = (u + 1) / 2
            b.replace(with: 0, where: u .< -1)
            b.replace(with: 1, where: u .>= 1)
            return b
        case .cubicHermite:
            let y = (u + 1) / 2
            var b = y * y * (3 - 2 * y)
            b.replace(with: 0, where: u .< -1)
            b.replace(with: 1, where: u .>= 1)
            return b
        case .reciprocal:
            let a = u.replacing(with: -u, where: u .< 0)
            return 1 / 2 + u / (2 * (1 + a))
        default:
            var b = SIMD8<T>()
            for i in 0..<8 { b[i] = distribution.cdf(scalar: u[i]) }
            return b
        }
    }

    @inline(__always)
    func density(_ u: SIMD8<T>, _ active: Mask) -> SIMD8<T> {
        switch distribution.family {
        case .uniform:
            return SIMD8<T>.zero.replacing(with: 1 / 2, where: (u .> -1) .& (u .< 1))
        case .cubicHermite:
            return SIMD8<T>.zero.replacing(with: 3 * (1 - u * u) / 4, where: (u .> -1) .& (u .< 1))
        case .reciprocal:
            let a = u.replacing(with: -u, where: u .< 0)
            return 1 / (2 * (1 + a) * (1 + a))
        default:
            var f = SIMD8<T>()
            for i in 0..<8 where active[i] { f[i] = distribution.density(scalar: u[i]) }
            return f
        }
    }

    /// `a ← S(a, b)` on the active lanes.
    @inline(__always)
    func fold(_ a: SIMD8<T>, _ b: SIMD8<T>, _ active: Mask) -> SIMD8<T> {
        switch settings.tconorm {
        case .maximum: return a.replacing(with: b, where: active .& (a .< b))
        case .probabilistic: return a.replacing(with: a + b - a * b, where: active)
        case .einstein: return a.replacing(with: (a + b) / (1 + a * b), where: active)
        default:
            var r = a
            for i in 0..<8 where active[i] { r[i] = settings.tconorm.combine(a[i], b[i]) }
            return r
        }
    }

    /// `∂A/∂b` on the active lanes (0 elsewhere).
    @inline(__always)
    func derivative(_ A: SIMD8<T>, _ b: SIMD8<T>, _ active: Mask) -> SIMD8<T> {
        switch settings.tconorm {
        case .probabilistic:
            // quotient(1 − A, max(1 − b, floor)), 0 where the denominator is 0.
            let floor = SIMD8<T>(repeating: settings.upstreamDerivativeFloors ? T(1e-6) : 0)
            let x = (1 - b).replacing(with: floor, where: (1 - b) .< floor)
            return SIMD8<T>.zero.replacing(with: (1 - A) / x, where: active .& (x .> 0))
        default:
            var r = SIMD8<T>()
            for i in 0..<8 where active[i] { r[i] = settings.tconorm.derivative(total: A[i], face: b[i], upstreamFloors: settings.upstreamDerivativeFloors) }
            return r
        }
    }
}
