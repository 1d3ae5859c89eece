import RealModule
import SortingNetworks

/// The three heads of the authors' loss on one row (arXiv 2206.07290), given the attribution
/// row `A[y]` of the true class and the (possibly reduced) logits.
///
/// * `sort`: `q = Σ_k p_k·T_k(y)`;
/// * `sm`:   `q = p_1·softmax(s)_y + Σ_{k≥2} p_k·T_k(y)`;
/// * `smce`: `q' = Σ_{k≥2} p_k·T_k(y)`, row loss `p_1·CE + (Σ_{k≥2} p_k)·(−log squeeze(q'))`;
///
/// with `T_k(y) = Σ_{j=K−k}^{K−1} A[y][j]`, i.e. `q = Σ_j w_j·A[y][j]` for the column weights of
/// ``TopKDistribution/columnWeights(fromK:)``, and `squeeze(q) = q·(1 − 2·10⁻⁷) + 10⁻⁷`.
public struct TopKLossHead: Sendable {
    public let mode: Top1Mode
    public let distribution: TopKDistribution
    /// `w_j` of the sorter part.
    public let columnWeights: [Double]

    /// The authors' squeeze constants.
    public static let squeezeScale = 1 - 2e-7
    public static let squeezeOffset = 1e-7

    public init(mode: Top1Mode, distribution: TopKDistribution) {
        self.mode = mode
        self.distribution = distribution
        self.columnWeights = distribution.columnWeights(fromK: mode == .sort ? 1 : 2)
    }

    /// Row loss, `∂/∂A[y]` (K values) and the direct `∂/∂s` through the softmax (zero in mode `sort`).
    public func evaluate<T: Real & BinaryFloatingPoint>(attributionRow aY: [T], logits s: [T], label y: Int)
        -> (loss: T, gradA: [T], gradLogits: [T])
    {
        let (loss, factor, gradLogits) = evaluateFactored(attributionRow: aY, logits: s, label: y)
        return (loss, columnWeights.map { T($0) * factor }, gradLogits)
    }

    /// As ``evaluate(attributionRow:logits:label:)``, but `∂/∂A[y]` is returned as the scalar
    /// `factor` with `∂/∂A[y][j] = factor·w_j` (the cotangent of `A` is rank one).
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func evaluateFactored<T: Real & BinaryFloatingPoint>(attributionRow aY: [T], logits s: [T], label y: Int)
        -> (loss: T, factor: T, gradLogits: [T])
    {
        let K = columnWeights.count
        var q: T = 0
        for j in 0..<K { q += T(columnWeights[j]) * aY[j] }
        let scale = T(Self.squeezeScale), offset = T(Self.squeezeOffset)
        var gradLogits = [T](repeating: 0, count: s.count)
        let p1 = T(distribution.weights[0])
        switch mode {
        case .sort, .sm:
            var softmaxY: T = 0
            var sm: [T] = []
            if mode == .sm {
                sm = Self.softmax(s)
                softmaxY = sm[y]
                q += p1 * softmaxY
            }
            let squeezed = q * scale + offset
            let dq = -scale / squeezed
            if mode == .sm {
                for i in 0..<s.count { gradLogits[i] = dq * p1 * softmaxY * ((i == y ? 1 : 0) - sm[i]) }
            }
            return (-T.log(squeezed), dq, gradLogits)
        case .smce:
            let tail = T(distribution.tailMass)
            let squeezed = q * scale + offset
            let dq = -scale / squeezed
            let logSoftmax = Self.logSoftmax(s)
            for i in 0..<s.count { gradLogits[i] = p1 * (T.exp(logSoftmax[i]) - (i == y ? 1 : 0)) }
            let loss = p1 * -logSoftmax[y] + tail * -T.log(squeezed)
            return (loss, dq * tail, gradLogits)
        }
    }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    static func softmax<T: Real>(_ z: [T]) -> [T] {
        let zMax = z.max() ?? 0
        let e = z.map { T.exp($0 - zMax) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    static func logSoftmax<T: Real>(_ z: [T]) -> [T] {
        let zMax = z.max() ?? 0
        let logTotal = T.log(z.reduce(T(0)) { $0 + T.exp($1 - zMax) })
        return z.map { $0 - zMax - logTotal }
    }
}
