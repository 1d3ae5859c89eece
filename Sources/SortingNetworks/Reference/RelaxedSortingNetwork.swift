import RealModule

/// The relaxed sorting network of arXiv 2105.04019 (§3, "Differentiable sorting networks"),
/// written as the paper's loops. Teaching code: generic over any ordered field, so `Proofs/`
/// runs this very source on exact GMP rationals for the rational families.
///
/// Every comparator with lower-wire value `a` and upper-wire value `b` computes
/// `α = f(s·(b − a))` and the relaxed conditional swap (Eq. 3 of the paper, Definition 2 of
/// arXiv 2203.09630)
///
///     min_f(a, b) = α·a + (1 − α)·b,    max_f(a, b) = (1 − α)·a + α·b,
///
/// and the same blend is applied to the columns of the relaxed permutation matrix `P`, which
/// starts as the identity (arXiv 2105.04019). The result satisfies `y = xᵀ·P`:
/// `P[j][i]` is the weight of input `j` at output position `i`.
public enum RelaxedSortingNetwork {
    /// The state of one row after every layer: what the backward pass needs.
    public struct Trace<T> {
        /// `x` before layer `l` (entry `l`), and the final `y` (last entry).
        public var values: [[T]]
        /// `P` before layer `l` (entry `l`), and the final `P` (last entry); empty on the
        /// values-only path.
        public var permutations: [[[T]]]
        /// The final sorted values.
        public var y: [T] { values[values.count - 1] }
        /// The final relaxed permutation matrix (only for a trace that tracked P).
        public var P: [[T]] { permutations[permutations.count - 1] }
    }

    /// Runs the relaxed network on one row and records every intermediate state. With
    /// `tracksPermutation: false` (the values-only path) P is never built and
    /// `trace.permutations` stays empty.
    public static func forward<T: AlgebraicField & Comparable>(
        x: [T], network: SortingNetwork, swap: ConditionalSwap<T>, tracksPermutation: Bool = true
    ) -> Trace<T> {
        let n = x.count
        precondition(n == network.n, "x has \(n) entries, the network \(network.n) wires")
        var values = x
        var P = tracksPermutation ? (0..<n).map { j in (0..<n).map { i in i == j ? (1 as T) : (0 as T) } } : []
        var trace = Trace(values: [values], permutations: tracksPermutation ? [P] : [])
        for layer in network.layers {
            // Comparators of a layer touch disjoint wires, so updating in place is the same as
            // reading the whole state before the layer.
            for comparator in layer {
                let a = values[comparator.lo]
                let b = values[comparator.hi]
                let alpha = swap.alpha(b - a).value
                values[comparator.minWire] = alpha * a + (1 - alpha) * b
                values[comparator.maxWire] = (1 - alpha) * a + alpha * b
                for j in 0..<(tracksPermutation ? n : 0) {
                    let A = P[j][comparator.lo]
                    let B = P[j][comparator.hi]
                    P[j][comparator.minWire] = alpha * A + (1 - alpha) * B
                    P[j][comparator.maxWire] = (1 - alpha) * A + alpha * B
                }
            }
            trace.values.append(values)
            if tracksPermutation { trace.permutations.append(P) }
        }
        return trace
    }

    /// Relaxed sort of one row: `(y, P)`.
    public static func sort<T: AlgebraicField & Comparable>(
        x: [T], network: SortingNetwork, swap: ConditionalSwap<T>
    ) -> (y: [T], P: [[T]]) {
        let trace = forward(x: x, network: network, swap: swap)
        return (trace.y, trace.P)
    }
}
