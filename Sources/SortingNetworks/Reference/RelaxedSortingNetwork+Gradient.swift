import RealModule

extension RelaxedSortingNetwork {
    /// Reverse-mode derivative of one row: `∂(Σ ȳ·y + Σ P̄·P)/∂x`.
    ///
    /// Walks the layers backwards with the closed-form comparator backward of
    /// arXiv 2105.04019 (chain rule through `α = f(s·(b − a))`):
    ///
    ///     ᾱ = (a − b)(ḡ_min − ḡ_max) + ⟨A − B, Ḡ_min − Ḡ_max⟩,    d̄ = ᾱ·dα/dd
    ///     ā = α·ḡ_min + (1 − α)·ḡ_max − d̄,      b̄ = (1 − α)·ḡ_min + α·ḡ_max + d̄
    ///     Ā = α·Ḡ_min + (1 − α)·Ḡ_max,          B̄ = (1 − α)·Ḡ_min + α·Ḡ_max
    ///
    /// where `A`, `B` are the columns of `P` at wires `lo`, `hi` before the layer.
    public static func vectorJacobianProduct<T: AlgebraicField & Comparable>(
        trace: Trace<T>, network: SortingNetwork, swap: ConditionalSwap<T>,
        cotangentY: [T]?, cotangentP: [[T]]?
    ) -> [T] {
        let n = network.n
        var gBar = cotangentY ?? [T](repeating: 0, count: n)
        var GBar = cotangentP ?? [[T]](repeating: [T](repeating: 0, count: n), count: n)
        let usesP = cotangentP != nil
        precondition(!usesP || !trace.permutations.isEmpty, "a cotangent on P needs a trace that tracked P")
        for l in stride(from: network.layers.count - 1, through: 0, by: -1) {
            let values = trace.values[l]
            let P = usesP ? trace.permutations[l] : []
            for comparator in network.layers[l] {
                let a = values[comparator.lo]
                let b = values[comparator.hi]
                let (alpha, dAlpha) = swap.alpha(b - a)
                let gMin = gBar[comparator.minWire]
                let gMax = gBar[comparator.maxWire]
                var alphaBar = (a - b) * (gMin - gMax)
                if usesP {
                    for j in 0..<n {
                        let A = P[j][comparator.lo], B = P[j][comparator.hi]
                        let GMin = GBar[j][comparator.minWire], GMax = GBar[j][comparator.maxWire]
                        alphaBar += (A - B) * (GMin - GMax)
                        GBar[j][comparator.lo] = alpha * GMin + (1 - alpha) * GMax
                        GBar[j][comparator.hi] = (1 - alpha) * GMin + alpha * GMax
                    }
                }
                let dBar = alphaBar * dAlpha
                gBar[comparator.lo] = alpha * gMin + (1 - alpha) * gMax - dBar
                gBar[comparator.hi] = (1 - alpha) * gMin + alpha * gMax + dBar
            }
        }
        return gBar
    }

    /// The Jacobian `J[i][j] = ∂y_i/∂x_j` of one row (one VJP per output).
    public static func jacobian<T: AlgebraicField & Comparable>(
        x: [T], network: SortingNetwork, swap: ConditionalSwap<T>
    ) -> [[T]] {
        let trace = forward(x: x, network: network, swap: swap)
        return (0..<x.count).map { i in
            var e = [T](repeating: 0, count: x.count)
            e[i] = 1
            return vectorJacobianProduct(trace: trace, network: network, swap: swap, cotangentY: e, cotangentP: nil)
        }
    }
}
