/// `GroupSum(k, τ)`: class `c` scores the sum of the last layer's contiguous block
/// `c·n/k ..< (c+1)·n/k`, divided by `τ` (arXiv 2210.08277).
public struct GroupSum: Hashable, Sendable, Codable {
    public let classes: Int
    public let tau: Double

    public init(classes: Int, tau: Double) throws(LogicNetworkError) {
        guard classes >= 1 else { throw .invalidClasses(classes) }
        guard tau.isFinite, tau > 0 else { throw .invalidTau(tau) }
        self.classes = classes
        self.tau = tau
    }

    /// Checks that a last layer of width `n` splits into `classes` equal groups.
    public func validate(width n: Int) throws(LogicNetworkError) {
        guard n % classes == 0 else { throw .widthNotDivisible(width: n, classes: classes) }
    }

    /// Scores `[B][classes]` from last-layer outputs `y` `[B][n]` (batch-major).
    public func forward<T: LogicScalar>(_ y: [T], batch: Int) -> [T] {
        let n = y.count / max(batch, 1)
        let group = n / classes
        var s = [T](repeating: 0, count: batch * classes)
        for sample in 0..<batch {
            for c in 0..<classes {
                var total: T = 0
                for u in c * group..<(c + 1) * group { total += y[sample * n + u] }
                s[sample * classes + c] = total / T(tau)
            }
        }
        return s
    }

    /// `∂L/∂y` `[B][n]` from `∂L/∂s` `[B][classes]`: every unit of group c gets `∂L/∂s_c / τ`.
    public func backward<T: LogicScalar>(_ gradScores: [T], batch: Int, width n: Int) -> [T] {
        let group = n / classes
        var g = [T](repeating: 0, count: batch * n)
        for sample in 0..<batch {
            for u in 0..<n { g[sample * n + u] = gradScores[sample * classes + u / group] / T(tau) }
        }
        return g
    }
}
