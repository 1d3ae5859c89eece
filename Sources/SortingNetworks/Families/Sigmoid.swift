import RealModule

/// The sigmoid functions `f(u)` and their derivatives `f′(u)`, exactly as the authors' package
/// evaluates them (arXiv 2203.09630). Pure functions; no state.
public enum Sigmoid {
    /// `f(u) = 1/(1 + e^(−u))`, `f′ = f(1 − f)`.
    @inlinable
    public static func logistic<T: Real & BinaryFloatingPoint>(_ u: T) -> (f: T, df: T) {
        let f = 1 / (1 + T.exp(-u))
        return (f, f * (1 - f))
    }

    /// `f(u) = Φ(u) = ½(1 + erf(u/√2))`, `f′(u) = e^(−u²/2)/√(2π)`.
    @inlinable
    public static func gaussian<T: Real & BinaryFloatingPoint>(_ u: T) -> (f: T, df: T) {
        let f = T(1) / 2 + T.erf(u / T(2).squareRoot()) / 2
        let df = T.exp(-u * u / 2) / (2 * T.pi).squareRoot()
        return (f, df)
    }

    /// `f(u) = ½ + arctan(u)/π`, `f′(u) = 1/(π(1 + u²))`.
    @inlinable
    public static func cauchy<T: Real & BinaryFloatingPoint>(_ u: T) -> (f: T, df: T) {
        (T(1) / 2 + T.atan(u) / T.pi, 1 / (T.pi * (1 + u * u)))
    }

    /// `f(u) = ½·(u/(2 + |u|) + 1)`, `f′(u) = 1/(2 + |u|)²`. Rational.
    @inlinable
    public static func reciprocal<T: AlgebraicField & Comparable>(_ u: T) -> (f: T, df: T) {
        let absU = u < 0 ? -u : u
        let denominator = 2 + absU
        return ((u / denominator + 1) / 2, 1 / (denominator * denominator))
    }

    /// `α = f(s·d)` and `dα/dd = s·f′(s·d)` of the reciprocal family in floating point, correct
    /// where `s·d` overflows: there `u = s·d` is beyond every finite value, `f` is at its limit
    /// (0 or 1, since `u/(2 + |u|) → ±1`) and `dα/dd = s/(2 + s|d|)² = 1/(s·(2/s + |d|)²)`, which
    /// is evaluated as `(1/s)/d²` (|d| ≥ 1 there, as `s` is finite). Where `s·d` is finite this
    /// is ``reciprocal(_:)`` itself, bit for bit.
    @inlinable
    public static func reciprocalSwap<T: Real & BinaryFloatingPoint>(d: T, steepness s: T) -> (value: T, derivative: T) {
        let u = s * d
        if u.isFinite {
            let (f, df) = reciprocal(u)
            return (f, s * df)
        }
        return (d > 0 ? 1 : 0, (1 / s) / (d * d))
    }

    /// Theorem 10 of arXiv 2203.09630: `u + ½` on `|u| ≤ ¼`, `1 − 1/(16u)` above,
    /// `−1/(16u)` below, evaluated as the authors do with `|u| + ε` in the tails.
    @inlinable
    public static func optimal<T: AlgebraicField & Comparable>(_ u: T, guardEpsilon: T) -> (f: T, df: T) {
        let quarter = (1 as T) / 4
        if u > quarter {
            let w = u + guardEpsilon
            return (1 - 1 / (16 * w), 1 / (16 * w * w))
        } else if u < -quarter {
            let w = -u + guardEpsilon
            return (1 / (16 * w), 1 / (16 * w * w))
        } else {
            return (u + (1 as T) / 2, 1)
        }
    }

    /// ART, `α = σ(t)`, `t = s·d/(|d| + ε)^λ`; returns `α` and `dα/dd`
    /// (`dφ/dd = ((1 − λ)|d| + ε)/(|d| + ε)^(λ+1)`). Where `d` itself is infinite the result is
    /// the limit: `α` = 0 or 1 and `dα/dd` = 0 (`|d|/|d|^λ` would otherwise be ∞/∞).
    @inlinable
    public static func logisticPhi<T: Real & BinaryFloatingPoint>(d: T, steepness s: T, lambda: T) -> (value: T, derivative: T) {
        guard d.isFinite else { return (d > 0 ? 1 : 0, 0) }
        let epsilon = T(sigmoidGuardEpsilon)
        let absD = Swift.abs(d) + epsilon
        let scale = T.pow(absD, lambda)
        let t = s * d / scale
        let (f, df) = logistic(t)
        let dPhi = ((1 - lambda) * Swift.abs(d) + epsilon) / (scale * absD)
        return (f, df * s * dPhi)
    }
}
