import RealModule

/// Four batch rows side by side: every SIMD kernel of this module works on whole lane groups.
typealias Lane = SIMD4<Double>

/// The batch laid out in lane groups: row `b` is lane `b % 4` of group `b / 4`; an array of
/// `e` elements per row is stored element-major, `[e][group]`. Padding lanes (when `B` is not a
/// multiple of 4) hold copies of row 0, so batch-wide tests (`any p > ε`, `max P > ε`) see
/// exactly the real rows' values.
struct Lanes {
    let batch: Int
    let groups: Int

    init(batch: Int) {
        self.batch = batch
        groups = (batch + 3) / 4
    }

    /// `values` `[B, elements]` (row-major) → `[elements × groups]` lanes.
    func pack(_ values: [Double], elements: Int) -> [Lane] {
        var out = [Lane](repeating: Lane(), count: elements * groups)
        for e in 0..<elements {
            for g in 0..<groups {
                var v = Lane()
                for l in 0..<4 {
                    let b = g * 4 + l
                    v[l] = values[(b < batch ? b : 0) * elements + e]
                }
                out[e * groups + g] = v
            }
        }
        return out
    }

    /// The inverse of ``pack(_:elements:)`` (padding lanes dropped).
    func unpack(_ lanes: [Lane], elements: Int) -> [Double] {
        var out = [Double](repeating: 0, count: batch * elements)
        for b in 0..<batch {
            for e in 0..<elements { out[b * elements + e] = lanes[e * groups + b / 4][b % 4] }
        }
        return out
    }
}

/// `σ(x) = 1 / (1 + e^(−x))` lane by lane (the same formula as the reference).
@inline(__always) func sigmoid(_ x: Lane) -> Lane {
    Lane(1 / (1 + Double.exp(-x[0])), 1 / (1 + Double.exp(-x[1])), 1 / (1 + Double.exp(-x[2])), 1 / (1 + Double.exp(-x[3])))
}

@inline(__always) func exp(_ x: Lane) -> Lane {
    Lane(Double.exp(x[0]), Double.exp(x[1]), Double.exp(x[2]), Double.exp(x[3]))
}

/// Whether some lane of some group exceeds `epsilon`.
@inline(__always) func anyAbove(_ xs: UnsafeBufferPointer<Lane>, _ epsilon: Double) -> Bool {
    let e = Lane(repeating: epsilon)
    for x in xs where any(x .> e) { return true }
    return false
}

/// `1[x > ½]` per lane (hard mode of `If`).
@inline(__always) func step(_ x: Lane) -> Lane {
    Lane.zero.replacing(with: 1, where: x .> 0.5)
}

/// The reverse of the `While` expectation (arXiv 2110.05651, §3.3): with `P_0 = c_0`,
/// `P_t = P_{t−1}·c_t` and the output `Σ_t w_t·S_t` (`w_0 = 1 − P_0`,
/// `w_t = P_{t−1} − P_t`, tail `P_T` on `S_T`), and `V_t = ⟨ḡ, S_t⟩`, returns `∂L/∂c_t`.
/// `∂L/∂P_t = V_{t+1} − V_t` for `t < T` and `0` for `t = T`.
func whileConditionGradients(P: [Lane], c: [Lane], V: [Lane]) -> [Lane] {
    let T = P.count - 1
    var dc = [Lane](repeating: .zero, count: T + 1)
    var gP = Lane.zero
    for t in stride(from: T, through: 0, by: -1) {
        let direct = t < T ? V[t + 1] - V[t] : Lane.zero
        gP += direct
        if t > 0 {
            dc[t] = gP * P[t - 1]
            gP = gP * c[t]
        } else {
            dc[0] = gP
        }
    }
    return dc
}

/// The `While` weights `w_t` (with the tail mass added to the last one).
func whileWeights(P: [Lane]) -> [Lane] {
    let T = P.count - 1
    var w = [Lane](repeating: .zero, count: T + 1)
    w[0] = 1 - P[0]
    for t in stride(from: 1, through: T, by: 1) { w[t] = P[t - 1] - P[t] }
    w[T] += P[T]
    return w
}
