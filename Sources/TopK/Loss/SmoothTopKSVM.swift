import RealModule
import SortingNetworks

/// The smooth top-k SVM loss of Berrada, Zisserman & Kumar (ICLR 2018, Eq. 11), the baseline
/// the authors ship as `SmoothTopKLoss` / `SmoothHardTopKLoss` (arXiv 2206.07290). Margin `α = 1`.
///
///     L = τ·log Σ_{S∈A_k} exp((α·[y∉S] + (1/k)Σ_{j∈S} s_j)/τ) − τ·log Σ_{S∈A_k^y} exp((1/k)Σ_{j∈S} s_j/τ)
///
/// evaluated through the log elementary symmetric polynomials `e_d` of `exp(s_j/(kτ))` over the
/// other classes (`e_d ← logaddexp(e_d, x_j + e_{d−1})`), with reverse-mode through that recursion.
/// `smoothHard` uses the hard loss per row when the gap between the k-th and (k+1)-th largest
/// logit is ≥ `k·τ·ln(1000)`, as the authors. Batch value: sum over rows / B.
public struct SmoothTopKSVM: Sendable {
    public enum Variant: String, CaseIterable, Sendable { case smooth, hard, smoothHard = "smooth_hard" }

    public let n: Int
    public let k: Int
    public let tau: Double
    public let margin: Double
    public let variant: Variant
    /// The authors' switch threshold (1000).
    public static let hardThreshold = 1000.0

    public init(n: Int, k: Int, tau: Double = 1, variant: Variant = .smoothHard) throws(TopKError) {
        guard n >= 2 else { throw .invalidClassCount(n) }
        guard k >= 1, k < n else { throw .invalidSVMParameter("k must be in 1..<n (n = \(n)), got \(k)") }
        guard tau.isFinite, tau > 0 else { throw .invalidSVMParameter("tau must be finite and > 0, got \(tau)") }
        self.n = n
        self.k = k
        self.tau = tau
        self.margin = 1
        self.variant = variant
    }

    @inline(__always)
    static func logAddExp<T: Real>(_ a: T, _ b: T) -> T {
        if a == -T.infinity { return b }
        if b == -T.infinity { return a }
        let m = Swift.max(a, b)
        return m + T.log(T.exp(a - m) + T.exp(b - m))
    }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func evaluate<T: SortScalar>(logits: [T], labels: [Int]) throws(TopKError) -> (loss: T, gradLogits: [T]) {
        guard logits.count == labels.count * n, !labels.isEmpty else {
            throw .shapeMismatch(what: "logits", expected: max(labels.count, 1) * n, got: logits.count)
        }
        for (row, y) in labels.enumerated() where y < 0 || y >= n { throw .labelOutOfRange(row: row, label: y, n: n) }
        for (i, v) in logits.enumerated() where !v.isFinite { throw .nonFiniteLogit(row: i / n, column: i % n, value: Double(v)) }
        let batch = labels.count
        var total: T = 0
        var grad = [T](repeating: 0, count: logits.count)
        for row in 0..<batch {
            let s = Array(logits[(row * n)..<((row + 1) * n)])
            let useHard: Bool
            switch variant {
            case .smooth: useHard = false
            case .hard: useHard = true
            case .smoothHard:
                let top = s.sorted(by: >)
                useHard = Double(top[k - 1] - top[k]) >= Double(k) * tau * Double.log(Self.hardThreshold)
            }
            let (l, g) = useHard ? hardRow(s, y: labels[row]) : smoothRow(s, y: labels[row])
            total += l
            for i in 0..<n { grad[row * n + i] = g[i] / T(batch) }
        }
        return (total / T(batch), grad)
    }

    /// `max(0, mean(top-k of (s_{−y} + α)) − (s_y + Σ top-(k−1) of s_{−y})/k)`, subgradient with
    /// ties broken by the lower index.
    func hardRow<T: SortScalar>(_ s: [T], y: Int) -> (T, [T]) {
        let others = (0..<n).filter { $0 != y }.sorted { s[$0] > s[$1] || (s[$0] == s[$1] && $0 < $1) }
        let kk = T(k)
        let max1 = others.prefix(k).reduce(T(0)) { $0 + s[$1] + T(margin) } / kk
        let max2 = (others.prefix(k - 1).reduce(T(0)) { $0 + s[$1] } + s[y]) / kk
        var g = [T](repeating: 0, count: n)
        guard max1 - max2 > 0 else { return (0, g) }
        for j in others.prefix(k) { g[j] += 1 / kk }
        for j in others.prefix(k - 1) { g[j] -= 1 / kk }
        g[y] -= 1 / kk
        return (max1 - max2, g)
    }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func smoothRow<T: SortScalar>(_ s: [T], y: Int) -> (T, [T]) {
        let tauT = T(tau), scale = T(k) * tauT
        let others = (0..<n).filter { $0 != y }
        let x = others.map { s[$0] / scale }
        let xY = s[y] / scale
        // states[j·(k+1) + d] = e_d after the first j other classes (flat, one allocation).
        let width = k + 1
        var states = [T](repeating: -T.infinity, count: (x.count + 1) * width)
        states[0] = 0
        for (j, xj) in x.enumerated() {
            let prev = j * width, cur = prev + width
            states[cur] = 0
            for d in 1...k { states[cur + d] = Self.logAddExp(states[prev + d], xj + states[prev + d - 1]) }
        }
        let last = x.count * width
        let term1 = T(margin) / tauT + states[last + k], term2 = xY + states[last + k - 1]
        let lse = Self.logAddExp(term1, term2)
        let loss = tauT * (lse - term2)
        var eBar = [T](repeating: 0, count: width)
        eBar[k] += tauT * T.exp(term1 - lse)
        eBar[k - 1] += tauT * (T.exp(term2 - lse) - 1)
        var g = [T](repeating: 0, count: n)
        g[y] = tauT * (T.exp(term2 - lse) - 1) / scale
        var newBar = eBar
        for j in stride(from: x.count - 1, through: 0, by: -1) {
            let prev = j * width, cur = prev + width
            for d in 0...k { newBar[d] = 0 }
            newBar[0] = eBar[0]
            var xBar: T = 0
            for d in 1...k where states[cur + d] != -T.infinity {
                let w1 = states[prev + d] == -T.infinity ? 0 : T.exp(states[prev + d] - states[cur + d])
                let w2 = states[prev + d - 1] == -T.infinity ? 0 : T.exp(x[j] + states[prev + d - 1] - states[cur + d])
                newBar[d] += eBar[d] * w1
                newBar[d - 1] += eBar[d] * w2
                xBar += eBar[d] * w2
            }
            swap(&eBar, &newBar)
            g[others[j]] = xBar / scale
        }
        return (loss, g)
    }
}

