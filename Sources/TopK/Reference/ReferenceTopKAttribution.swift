import RealModule
import SortingNetworks

/// The relaxed top-k network of arXiv 2206.07290 (§3, "Differentiable top-k networks"), written
/// as the paper's loops. Teaching code: generic over any ordered field, so `Proofs/TopK` runs this
/// very source on exact rationals for the rational families.
///
/// Forward (arXiv 2206.07290): the values run through every layer and each comparator records
/// `α = f(s·(b − a))`. The attribution `A ∈ [0,1]^{n×K}` is then assembled backwards from
/// `E = [e_{n−K}, …, e_{n−1}]`: for a comparator, with `R_min`, `R_max` the rows of the wires
/// that received the min and the max,
///
///     row[lo] = α·R_min + (1 − α)·R_max,    row[hi] = (1 − α)·R_min + α·R_max,
///
/// so `A = M_1·M_2⋯M_L·E`: the last `K` columns of the relaxed permutation matrix. `A[i][j]` is
/// the weight with which class `i` lands in slot `n − K + j` (the last column is rank 1).
public enum ReferenceTopKAttribution {
    /// Everything the backward pass needs for one row.
    public struct Trace<T> {
        /// The values before layer `l` (entry `l`); the last entry holds the network's output.
        public var values: [[T]]
        /// `α` per comparator, `alphas[l][c]` for comparator `c` of layer `l`.
        public var alphas: [[T]]
        /// `R` at the moment layer `l` is processed in the backward assembly (`M_{l+1}⋯M_L·E`).
        public var assembly: [[[T]]]
        /// The attribution `A` (n×K).
        public var A: [[T]]
    }

    /// Runs the relaxed network on one row: values forward, then the backward assembly of `A`.
    public static func forward<T: AlgebraicField & Comparable>(
        x: [T], network: TopKNetwork, swap: ConditionalSwap<T>
    ) -> Trace<T> {
        let n = network.n, K = network.k
        precondition(x.count == n, "x has \(x.count) entries, the network \(n) wires")
        var values = x
        var trace = Trace<T>(values: [x], alphas: [], assembly: [], A: [])
        for layer in network.layers {
            var layerAlphas: [T] = []
            for comparator in layer {
                let a = values[comparator.lo]
                let b = values[comparator.hi]
                let alpha = swap.alpha(b - a).value
                layerAlphas.append(alpha)
                values[comparator.minWire] = alpha * a + (1 - alpha) * b
                values[comparator.maxWire] = (1 - alpha) * a + alpha * b
            }
            trace.alphas.append(layerAlphas)
            trace.values.append(values)
        }
        // E: the last K columns of the n×n identity.
        var R = (0..<n).map { i in (0..<K).map { j in i == n - K + j ? (1 as T) : (0 as T) } }
        var assembly = [[[T]]](repeating: [], count: network.layers.count)
        for l in stride(from: network.layers.count - 1, through: 0, by: -1) {
            assembly[l] = R
            for (c, comparator) in network.layers[l].enumerated() {
                let alpha = trace.alphas[l][c]
                let rMin = R[comparator.minWire], rMax = R[comparator.maxWire]
                for j in 0..<K {
                    R[comparator.lo][j] = alpha * rMin[j] + (1 - alpha) * rMax[j]
                    R[comparator.hi][j] = (1 - alpha) * rMin[j] + alpha * rMax[j]
                }
            }
        }
        trace.assembly = assembly
        trace.A = R
        return trace
    }

    /// The attribution of one row.
    public static func attribution<T: AlgebraicField & Comparable>(
        x: [T], network: TopKNetwork, swap: ConditionalSwap<T>
    ) -> [[T]] {
        forward(x: x, network: network, swap: swap).A
    }

    /// Reverse-mode derivative `∂⟨Ā, A⟩/∂x` for a cotangent `Ā` (n×K).
    ///
    /// With `U_l = (M_1⋯M_{l−1})ᵀ·Ā` (Ā pushed forward through the layers before `l`),
    /// `∂⟨Ā, A⟩/∂α = ⟨U[lo] − U[hi], R_min − R_max⟩` for every comparator; the `α`s then flow into
    /// the values through `dα/dd` (`d = b − a`) exactly as in the sorting network's backward:
    ///
    ///     d̄ = ((a − b)(ḡ_min − ḡ_max) + ᾱ)·dα/dd
    ///     ā = α·ḡ_min + (1 − α)·ḡ_max − d̄,   b̄ = (1 − α)·ḡ_min + α·ḡ_max + d̄
    public static func vectorJacobianProduct<T: AlgebraicField & Comparable>(
        trace: Trace<T>, network: TopKNetwork, swap: ConditionalSwap<T>, cotangentA: [[T]]
    ) -> [T] {
        let n = network.n, K = network.k
        // 1. ᾱ for every comparator, walking forward with U.
        var U = cotangentA
        var alphaBars: [[T]] = []
        for (l, layer) in network.layers.enumerated() {
            let R = trace.assembly[l]
            var bars: [T] = []
            for (c, comparator) in layer.enumerated() {
                let alpha = trace.alphas[l][c]
                var bar: T = 0
                for j in 0..<K {
                    bar += (U[comparator.lo][j] - U[comparator.hi][j]) * (R[comparator.minWire][j] - R[comparator.maxWire][j])
                }
                bars.append(bar)
                let uLo = U[comparator.lo], uHi = U[comparator.hi]
                for j in 0..<K {
                    U[comparator.minWire][j] = alpha * uLo[j] + (1 - alpha) * uHi[j]
                    U[comparator.maxWire][j] = (1 - alpha) * uLo[j] + alpha * uHi[j]
                }
            }
            alphaBars.append(bars)
        }
        // 2. Back through the values.
        var gBar = [T](repeating: 0, count: n)
        for l in stride(from: network.layers.count - 1, through: 0, by: -1) {
            let values = trace.values[l]
            for (c, comparator) in network.layers[l].enumerated() {
                let a = values[comparator.lo], b = values[comparator.hi]
                let (alpha, dAlpha) = swap.alpha(b - a)
                let gMin = gBar[comparator.minWire], gMax = gBar[comparator.maxWire]
                let dBar = ((a - b) * (gMin - gMax) + alphaBars[l][c]) * dAlpha
                gBar[comparator.lo] = alpha * gMin + (1 - alpha) * gMax - dBar
                gBar[comparator.hi] = (1 - alpha) * gMin + alpha * gMax + dBar
            }
        }
        return gBar
    }
}
