import RealModule

extension SmoothingDistribution {
    /// `F(u)` in the renderer's scalar: the rational families are evaluated in `T` itself with the
    /// generic ``RationalCDFs`` (so `Float` renders never round through `Double` there and the
    /// proofs check the same code), the transcendental ones in `Double` and rounded once to `T`.
    @inlinable public func cdf<T: Real & BinaryFloatingPoint>(scalar u: T) -> T {
        switch family {
        case .uniform: return RationalCDFs.uniform(u)
        case .cubicHermite: return RationalCDFs.cubicHermite(u)
        case .reciprocal: return RationalCDFs.reciprocal(u)
        default: return T(cdf(Double(u)))
        }
    }

    /// `f(u)` in the renderer's scalar (see ``cdf(scalar:)``).
    @inlinable public func density<T: Real & BinaryFloatingPoint>(scalar u: T) -> T {
        switch family {
        case .uniform: return RationalCDFs.uniformDensity(u)
        case .cubicHermite: return RationalCDFs.cubicHermiteDensity(u)
        case .reciprocal: return RationalCDFs.reciprocalDensity(u)
        default: return T(density(Double(u)))
        }
    }
}
