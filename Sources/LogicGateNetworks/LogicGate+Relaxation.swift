import RealModule

extension LogicGate {
    /// The real-valued (probabilistic) relaxation `g(a, b)`: the probability that the gate outputs 1
    /// when its inputs are independent Bernoulli variables with means `a` and `b`
    /// (Petersen et al. 2022, arXiv 2210.08277, Section 3 and Table 1):
    ///
    ///     g(a, b) = Σ_{x, y ∈ {0,1}} f(x, y) · P(A = x) · P(B = y),  P(A = 1) = a,  P(A = 0) = 1 − a.
    ///
    /// It is derived from the truth table (``callAsFunction(_:_:)``, the only place the 16 gates are
    /// encoded), so Table 1's column (e.g. `a + b − 2ab` for XOR) is a consequence, not a second copy;
    /// `Proofs/LogicGateNetworks` checks it against a transcription of Table 1, symbolically.
    @inlinable
    public func relaxation<T: AlgebraicField>(_ a: T, _ b: T) -> T {
        var g: T = 0
        for x in [false, true] {
            for y in [false, true] where self(x, y) {
                g += (x ? a : 1 - a) * (y ? b : 1 - b)
            }
        }
        return g
    }

    /// `∂g/∂a` of ``relaxation(_:_:)``: the sum above with `P(A = x)` replaced by its derivative
    /// `x ? 1 : −1` (g is affine in a).
    @inlinable
    public func partialA<T: AlgebraicField>(_ a: T, _ b: T) -> T {
        var d: T = 0
        for x in [false, true] {
            for y in [false, true] where self(x, y) {
                let pB = y ? b : 1 - b
                d += x ? pB : -pB
            }
        }
        return d
    }

    /// `∂g/∂b` of ``relaxation(_:_:)``: the sum with `P(B = y)` replaced by `y ? 1 : −1`.
    @inlinable
    public func partialB<T: AlgebraicField>(_ a: T, _ b: T) -> T {
        var d: T = 0
        for x in [false, true] {
            for y in [false, true] where self(x, y) {
                let pA = x ? a : 1 - a
                d += y ? pA : -pA
            }
        }
        return d
    }
}
