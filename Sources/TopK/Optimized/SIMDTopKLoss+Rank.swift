import RealModule
import SortingNetworks

/// NeuralSort and SoftSort restricted to the K top slots (the reference builds all n slots):
/// `O(n log n + n·K)` per row forward and backward (NeuralSort's `B_i = Σ_j |u_i − u_j|` from
/// sorted prefix sums).
extension Workspace {
    @inline(__always) static func sign(_ v: T) -> T { v > 0 ? 1 : (v < 0 ? -1 : 0) }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    mutating func softmaxColumn(_ j: Int, logit: (Int) -> T) {
        var zMax = -T.infinity
        for i in 0..<n { let z = logit(i); aux[i] = z; zMax = Swift.max(zMax, z) }
        var total: T = 0
        for i in 0..<n { let e = T.exp(aux[i] - zMax); aux[i] = e; total += e }
        for i in 0..<n {
            let pi = aux[i] / total
            columns[j * n + i] = pi
            R[i * chunks + j / 8][j % 8] = pi
        }
    }

    /// Sorts `order` ascending by `key` (ties by index).
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    mutating func sortOrder(_ key: [T]) {
        for i in 0..<n { order[i] = i }
        order.sort { key[$0] < key[$1] || (key[$0] == key[$1] && $0 < $1) }
    }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    mutating func rankForward(_ s: [T], label y: Int, tau: T, neural: Bool) {
        if columns.count != n * k { columns = [T](repeating: 0, count: n * k) }
        for i in R.indices { R[i] = .zero }
        if neural {
            // u = −s; B_i from the ascending order of u (tied terms contribute 0 either way).
            for i in 0..<n { values[i] = -s[i] }
            let u = values
            sortOrder(u)
            var total: T = 0
            for i in 0..<n { total += values[i] }
            var prefix: T = 0
            for t in 0..<n {
                let i = order[t], v = values[i]
                p[i] = v * T(t) - prefix + (total - prefix - v) - v * T(n - 1 - t)
                prefix += v
            }
            let B = p
            for j in 0..<k {
                let r = n - k + j + 1
                let coefficient = T(n + 1 - 2 * r)
                softmaxColumn(j) { i in (coefficient * u[i] - B[i]) / tau }
            }
        } else {
            sortOrder(s)
            for j in 0..<k {
                let zr = s[order[n - k + j]]
                softmaxColumn(j) { i in -Swift.abs(s[i] - zr) / tau }
            }
        }
    }

    /// Gradient for the cotangent `Ā[y][j] = factor·w_j` (all other rows zero) into `g`.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    mutating func rankBackward(_ s: [T], label y: Int, factor: T, tau: T, neural: Bool) {
        for i in 0..<n { g[i] = 0 }
        if neural {
            // g holds ū (for u = −s), aux holds B̄.
            for i in 0..<n { aux[i] = 0 }
            for j in 0..<k {
                let aBar = factor * w[j / 8][j % 8]
                if aBar == 0 { continue }
                let r = n - k + j + 1
                let py = columns[j * n + y]
                for i in 0..<n {
                    let lBar = columns[j * n + i] * ((i == y ? aBar : 0) - py * aBar)
                    g[i] += T(n + 1 - 2 * r) / tau * lBar
                    aux[i] -= lBar / tau
                }
            }
            // ū_k += B̄_k·(#less − #greater) − (Σ_{u_i > u_k} B̄_i − Σ_{u_i < u_k} B̄_i), by tie groups.
            var totalBar: T = 0
            for i in 0..<n { totalBar += aux[i] }
            var start = 0, below: T = 0
            while start < n {
                var end = start
                var groupBar: T = 0
                while end < n && values[order[end]] == values[order[start]] { groupBar += aux[order[end]]; end += 1 }
                let above = totalBar - below - groupBar
                let countSign = T(start) - T(n - end)
                for t in start..<end {
                    let i = order[t]
                    g[i] += aux[i] * countSign - (above - below)
                }
                below += groupBar
                start = end
            }
            for i in 0..<n { g[i] = -g[i] }
        } else {
            for j in 0..<k {
                let aBar = factor * w[j / 8][j % 8]
                if aBar == 0 { continue }
                let r = n - k + j
                let zr = s[order[r]]
                let py = columns[j * n + y]
                var zBar: T = 0
                for i in 0..<n {
                    let lBar = columns[j * n + i] * ((i == y ? aBar : 0) - py * aBar)
                    let sg = Self.sign(s[i] - zr)
                    g[i] -= lBar * sg / tau
                    zBar += lBar * sg / tau
                }
                g[order[r]] += zBar
            }
        }
    }
}
