import RealModule

extension TConorm {
    /// `∂A/∂b_j` of the fold `A = S(…S(0, b₁)…, b_F)` with respect to one face's coverage `b_j`,
    /// recovered from the final `A` and `b_j` alone. Every family here is an Archimedean
    /// T-conorm with additive generator `g` on the T-norm side, so `A = 1 − g⁻¹(Σ g(1 − b_i))` and
    /// `∂A/∂b_j = g′(1 − b_j)/g′(1 − A)` (Klement, Mesiar, Pap, "Triangular Norms", Ch. 3; the
    /// closed forms are those of the GenDR backward pass, arXiv 2204.13845, Sec. 3.2).
    ///
    /// By default the quotient is evaluated exactly; where its denominator vanishes (`b_j = 1`,
    /// or `A = 1` for the families whose generator is infinite there) the face is saturated and
    /// 0 is returned. With `upstreamFloors` the denominators are floored at 1e-6 as in the
    /// authors' kernel, which changes the derivative of every face whose coverage is within 1e-6
    /// of 1 (e.g. a face deep inside a logistic silhouette next to a partially covering one).
    /// `max` ties are resolved by the caller; `hard` has no gradient.
    @inlinable public func derivative<T: Real & BinaryFloatingPoint>(total A: T, face b: T, upstreamFloors: Bool = false) -> T {
        let floor: T = upstreamFloors ? T(1e-6) : 0
        @inline(__always) func quotient(_ numerator: T, _ denominator: T) -> T {
            let d = Swift.max(denominator, floor)
            return d > 0 ? numerator / d : 0
        }
        switch self {
        case .hard: return 0
        case .maximum: return A == b ? 1 : 0
        case .probabilistic: return quotient(1 - A, 1 - b)
        case .einstein: return quotient(1 - A * A, 1 - b * b)
        case .hamacher(let p):
            let q = T(p)
            return quotient((1 - A) * (1 - A + q * A), (1 - b) * (1 - b + q * b))
        case .frank(let p):
            // g′(x) ∝ p^x/(p^x − 1): ∂A/∂b = p^(A−b)(p^(1−A) − 1)/(p^(1−b) − 1). The kernel adds
            // copysign(1e-6, D) to the denominator (an error of up to 5e-7); in both modes of this
            // port we divide exactly and return 0 when D = 0 (b = 1).
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
            let xb = Swift.max(1 - b, floor), xA = Swift.max(1 - A, floor)
            if xb == 0 || xA == 0 { return 0 }
            return (1 - A) * T.pow(-T.log(xb), q - 1) * T.pow(-T.log(xA), 1 - q) / xb
        case .dombi(let p):
            let q = T(p)
            let xb = Swift.max(1 - b, floor), xA = Swift.max(1 - A, floor)
            if xb == 0 || xA == 0 { return 0 }
            return (1 - A) * (1 - A) * T.pow(b / xb, q - 1) * T.pow(A / xA, 1 - q) / (xb * xb)
        case .schweizerSklar(let p):
            let q = T(p)
            let xb = Swift.max(1 - b, floor), xA = Swift.max(1 - A, floor)
            if xb == 0 { return 0 }
            return T.pow(xb, q - 1) * T.pow(xA, 1 - q)
        }
    }
}
