import RealModule

extension TConorm {
    /// `∂A/∂b_j` of the fold `A = S(…S(0, b₁)…, b_F)` with respect to one face's coverage `b_j`,
    /// recovered from the final `A` and `b_j` alone. Every family here is an Archimedean
    /// T-conorm with additive generator `g` on the T-norm side, so `A = 1 − g⁻¹(Σ g(1 − b_i))` and
    /// `∂A/∂b_j = g′(1 − b_j)/g′(1 − A)` (Klement, Mesiar, Pap, "Triangular Norms", Ch. 3; the
    /// closed forms are those of the GenDR backward pass, arXiv 2204.13845, Sec. 3.2).
    ///
    /// Denominators that vanish only when `b_j` (hence `A`) is within 1e-6 of 1 are floored at
    /// 1e-6 as in the authors' kernel; there the derivative is multiplied by a density that is
    /// (numerically) zero for every family except the heavy-tailed ones. `max` is handled by the
    /// caller (``maximumGradientToAllTies``); `hard` has no gradient.
    @inlinable public func derivative<T: Real & BinaryFloatingPoint>(total A: T, face b: T) -> T {
        let floor = T(1e-6)
        switch self {
        case .hard: return 0
        case .maximum: return A == b ? 1 : 0
        case .probabilistic: return (1 - A) / Swift.max(1 - b, floor)
        case .einstein: return (1 - A * A) / Swift.max(1 - b * b, floor)
        case .hamacher(let p):
            let q = T(p)
            return (1 - A) * (1 - A + q * A) / Swift.max((1 - b) * (1 - b + q * b), floor)
        case .frank(let p):
            // g′(x) ∝ p^x/(p^x − 1): ∂A/∂b = p^(A−b)(p^(1−A) − 1)/(p^(1−b) − 1). The kernel adds
            // copysign(1e-6, D) to the denominator, an error of up to 5e-7; we divide exactly
            // and return 0 only when D is exactly 0 (b = 1, where F is flat for every family).
            let q = T(p)
            let D = T.pow(q, 1 - b) - 1
            if D == 0 { return 0 }
            return T.pow(q, A - b) * (T.pow(q, 1 - A) - 1) / D
        case .yager(let p):
            // min(1, ·) is flat once saturated: zero gradient at A = 1.
            if A >= 1 { return 0 }
            let q = T(p)
            return T.pow(b, q - 1) * T.pow(A, 1 - q)
        case .aczelAlsina(let p):
            let q = T(p)
            func L(_ v: T) -> T { -T.log(Swift.max(1 - v, floor)) }
            return (1 - A) * T.pow(L(b), q - 1) * T.pow(L(A), 1 - q) / Swift.max(1 - b, floor)
        case .dombi(let p):
            let q = T(p)
            let xb = Swift.max(1 - b, floor), xA = Swift.max(1 - A, floor)
            return (1 - A) * (1 - A) * T.pow(b / xb, q - 1) * T.pow(A / xA, 1 - q) / (xb * xb)
        case .schweizerSklar(let p):
            let q = T(p)
            return T.pow(Swift.max(1 - b, floor), q - 1) * T.pow(Swift.max(1 - A, floor), 1 - q)
        }
    }
}
