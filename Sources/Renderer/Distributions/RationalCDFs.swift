import RealModule

/// The CDFs and densities of GenDR's rational and piecewise-polynomial distributions
/// (arXiv 2204.13845, Table 1: uniform, cubic Hermite, reciprocal), written once, generic over
/// any ordered field, so that the renderer evaluates them in `Double`/`Float` and the proofs
/// evaluate the *same source* over exact rationals.
public enum RationalCDFs {
    /// Uniform on [−1, 1]: `F(u) = (u + 1)/2` clipped to [0, 1].
    @inlinable public static func uniform<T: AlgebraicField & Comparable>(_ u: T) -> T {
        if u < -1 { return 0 }
        if u >= 1 { return 1 }
        return (u + 1) / 2
    }

    /// Density ½ on the open interval (−1, 1), 0 elsewhere.
    @inlinable public static func uniformDensity<T: AlgebraicField & Comparable>(_ u: T) -> T {
        (u > -1 && u < 1) ? 1 / 2 : 0
    }

    /// Cubic Hermite (smoothstep): with `y = (u + 1)/2`, `F = 3y² − 2y³` on [−1, 1).
    @inlinable public static func cubicHermite<T: AlgebraicField & Comparable>(_ u: T) -> T {
        if u < -1 { return 0 }
        if u >= 1 { return 1 }
        let y = (u + 1) / 2
        return y * y * (3 - 2 * y)
    }

    /// Density `¾(1 − u²)` (Epanechnikov kernel) on (−1, 1).
    @inlinable public static func cubicHermiteDensity<T: AlgebraicField & Comparable>(_ u: T) -> T {
        (u > -1 && u < 1) ? 3 * (1 - u * u) / 4 : 0
    }

    /// Reciprocal: `F(u) = ½ + u/(2(1 + |u|))`.
    @inlinable public static func reciprocal<T: AlgebraicField & Comparable>(_ u: T) -> T {
        let a = u < 0 ? -u : u
        return 1 / 2 + u / (2 * (1 + a))
    }

    /// Density `1/(2(1 + |u|)²)`.
    @inlinable public static func reciprocalDensity<T: AlgebraicField & Comparable>(_ u: T) -> T {
        let a = u < 0 ? -u : u
        return 1 / (2 * (1 + a) * (1 + a))
    }
}
