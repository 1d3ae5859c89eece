import RealModule

// The soft min/max family (arXiv 2110.05651, §3; the package's Min, ArgMin, Max, ArgMax) and
// relaxed real-valued indexing. β is always explicit here: these are functions, not
// statements, so nothing is inherited. With `hard: true` they take their β → ∞ limits
// (first index on ties) — an extension of the authors' package, whose `hard` flag affects
// `If` only; it makes the hard mode of a program the plain algorithm.

/// Weights `softmax_k(−β·t_k)` over equal-shape tensors stacked on a new last axis.
public func softArgMin<T: Real>(_ t: [Tensor<T>], beta: T, hard: Bool = false) throws -> Tensor<T> {
    let s = try Tensor.stack(t)
    return hard ? s.hardArgExtremumLastAxis(maximum: false) : s.softmaxLastAxis(scale: -beta)
}

/// `Σ_k softmax_k(−β·t)·t_k`: between the minimum and the mean; the minimum as β → ∞.
public func softMin<T: Real>(_ t: [Tensor<T>], beta: T, hard: Bool = false) throws -> Tensor<T> {
    let s = try Tensor.stack(t)
    return (try softArgMin(t, beta: beta, hard: hard) * s).sumLastAxis()
}

/// Weights `softmax_k(β·t_k)`.
public func softArgMax<T: Real>(_ t: [Tensor<T>], beta: T, hard: Bool = false) throws -> Tensor<T> {
    let s = try Tensor.stack(t)
    return hard ? s.hardArgExtremumLastAxis(maximum: true) : s.softmaxLastAxis(scale: beta)
}

/// `Σ_k softmax_k(β·t)·t_k`.
public func softMax<T: Real>(_ t: [Tensor<T>], beta: T, hard: Bool = false) throws -> Tensor<T> {
    let s = try Tensor.stack(t)
    return (try softArgMax(t, beta: beta, hard: hard) * s).sumLastAxis()
}

/// How a real-valued index `i` becomes weights over `0 ..< n`.
public enum RealIndexRule: String, CaseIterable, Sendable {
    /// Perturb `i` by Logistic(0, 1/β) and round; tails go to the end elements:
    /// `w_j = σ(β(j + ½ − i)) − σ(β(j − ½ − i))`, `w_0 = σ(β(½ − i))`,
    /// `w_{n−1} = 1 − σ(β(n − 3/2 − i))`. The weights sum to 1.
    case rounding
    /// Normalised relaxed equality `w_j ∝ sech²(β(j − i)/2)`.
    case normalizedEquality
}

/// Weights `[B, n]` of a real-valued index `i` `[B]` (arXiv 2110.05651, Fig. 3: real-valued
/// indexing spreads the access over neighbouring elements). Differentiable in `i`.
public func realIndexWeights<T: Real>(_ i: Tensor<T>, count n: Int, beta: T, rule: RealIndexRule = .rounding) throws -> Tensor<T> {
    guard n >= 1 else { throw AlgorithmError.empty(what: "indexing into 0 elements") }
    var columns: [Tensor<T>] = []
    switch rule {
    case .rounding:
        let half = T(1) / 2
        func cdf(_ edge: T) -> Tensor<T> { ((edge - i) * beta).sigmoid() }
        for j in 0..<n {
            let jt = T(j)
            let upper: Tensor<T> = j == n - 1 ? i.map({ _ in 1 }, derivative: { _, _ in 0 }) : cdf(jt + half)
            let lower: Tensor<T>? = j == 0 ? nil : cdf(jt - half)
            columns.append(try lower.map { try upper - $0 } ?? upper)
        }
        return try Tensor.stack(columns)
    case .normalizedEquality:
        for j in 0..<n { columns.append(((T(j) - i) * (beta / 2)).sech2()) }
        let raw = try Tensor.stack(columns)
        return try raw / raw.sumLastAxis()
    }
}

/// `Σ_j w_j·x_j` over the last axis of `x` `[B, n]` with weights `[B, n]`: a relaxed read.
public func weightedRead<T>(_ x: Tensor<T>, weights w: Tensor<T>) throws -> Tensor<T> {
    try (x * w).sumLastAxis()
}
