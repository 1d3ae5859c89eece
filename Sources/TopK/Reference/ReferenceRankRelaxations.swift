import RealModule

/// NeuralSort (Grover et al., ICLR 2019, Eq. 5) and SoftSort (Prillo & Eisenschlos, ICML 2020,
/// Eq. 1) as the authors' top-k loss uses them (arXiv 2206.07290): the full `n×n` relaxed
/// permutation matrix `P[i][r]` (class `i`, ascending slot `r`) is built and its last `K`
/// columns are kept. Teaching code: literal loops, `O(n²)` per row.
public enum ReferenceRankRelaxations {
    /// Softmax of `z` (max-shifted).
    static func softmax<T: Real>(_ z: [T]) -> [T] {
        let zMax = z.max() ?? 0
        let e = z.map { T.exp($0 - zMax) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    static func sign<T: Real>(_ v: T) -> T { v > 0 ? 1 : (v < 0 ? -1 : 0) }

    /// NeuralSort logits of slot `r` (1-based): `((n + 1 − 2r)·u_i − B_i)/τ` with `u = −s`,
    /// `B_i = Σ_j |u_i − u_j|`.
    static func neuralSortLogits<T: Real>(_ s: [T], tau: T) -> [[T]] {
        let n = s.count
        let u = s.map { -$0 }
        let B = u.map { ui in u.reduce(T(0)) { $0 + Swift.abs(ui - $1) } }
        return (1...n).map { r in (0..<n).map { i in (T(n + 1 - 2 * r) * u[i] - B[i]) / tau } }
    }

    /// The full NeuralSort matrix `P[i][r]`: each column (slot) is a distribution over classes.
    public static func neuralSort<T: Real>(_ s: [T], tau: T) -> [[T]] {
        let columns = neuralSortLogits(s, tau: tau).map { softmax($0) }
        return (0..<s.count).map { i in columns.map { $0[i] } }
    }

    /// The full SoftSort matrix `P[i][r] = softmax_i(−|s_i − z_(r)|/τ)`, `z` the ascending sort.
    public static func softSort<T: Real>(_ s: [T], tau: T) -> [[T]] {
        let z = s.sorted()
        let columns = z.map { zr in softmax(s.map { -Swift.abs($0 - zr) / tau }) }
        return (0..<s.count).map { i in columns.map { $0[i] } }
    }

    /// `A` = the last `K` columns of the method's matrix.
    public static func attribution<T: Real>(_ s: [T], tau: T, k: Int, neural: Bool) -> [[T]] {
        let P = neural ? neuralSort(s, tau: tau) : softSort(s, tau: tau)
        return P.map { Array($0[(s.count - k)...]) }
    }

    /// `∂⟨Ā, A⟩/∂s` for a cotangent `Ā` (n×K). The softmax backward is `l̄_i = p_i(ā_i − ⟨p, ā⟩)`;
    /// `|·|` has derivative `sign` (0 at 0, as in PyTorch).
    public static func vectorJacobianProduct<T: Real>(_ s: [T], tau: T, cotangentA: [[T]], neural: Bool) -> [T] {
        let n = s.count, K = cotangentA.first?.count ?? 0
        var sBar = [T](repeating: 0, count: n)
        if neural {
            let u = s.map { -$0 }
            let logits = neuralSortLogits(s, tau: tau)
            var uBar = [T](repeating: 0, count: n)
            var BBar = [T](repeating: 0, count: n)
            for j in 0..<K {
                let r = n - K + j + 1
                let p = softmax(logits[r - 1])
                let inner = (0..<n).reduce(T(0)) { $0 + p[$1] * cotangentA[$1][j] }
                for i in 0..<n {
                    let lBar = p[i] * (cotangentA[i][j] - inner)
                    uBar[i] += T(n + 1 - 2 * r) / tau * lBar
                    BBar[i] -= lBar / tau
                }
            }
            // B_i = Σ_j |u_i − u_j|  ⇒  ∂B_i/∂u_k = [i = k]·Σ_j sign(u_k − u_j) − sign(u_i − u_k).
            for k in 0..<n {
                for i in 0..<n {
                    uBar[k] += BBar[k] * sign(u[k] - u[i]) - BBar[i] * sign(u[i] - u[k])
                }
            }
            for i in 0..<n { sBar[i] = -uBar[i] }
        } else {
            let order = (0..<n).sorted { s[$0] < s[$1] || (s[$0] == s[$1] && $0 < $1) }
            for j in 0..<K {
                let r = n - K + j
                let zr = s[order[r]]
                let p = softmax(s.map { -Swift.abs($0 - zr) / tau })
                let inner = (0..<n).reduce(T(0)) { $0 + p[$1] * cotangentA[$1][j] }
                var zBar: T = 0
                for i in 0..<n {
                    let lBar = p[i] * (cotangentA[i][j] - inner)
                    let sg = sign(s[i] - zr)
                    sBar[i] -= lBar * sg / tau
                    zBar += lBar * sg / tau
                }
                sBar[order[r]] += zBar
            }
        }
        return sBar
    }
}
