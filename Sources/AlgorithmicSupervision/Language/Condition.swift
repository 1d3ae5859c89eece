import RealModule

/// A relaxed condition (arXiv 2110.05651, §3.1): it yields, per batch row, the probability
/// that the condition holds when the compared quantity is perturbed by logistic noise of scale
/// `1/β`. Comparisons therefore become `σ(β·(l − r))`, equality `sech²(β·(l − r)/2)`.
///
/// `β` may be left unset (`nil`); the program then supplies its own (hyperparameter
/// propagation: a local setting always wins).
public struct Condition<T: AlgebraicField & Comparable> {
    indirect enum Kind {
        /// A primitive condition: the probability as a function of the state and the resolved β.
        case atom(usesBeta: Bool, (State<T>, T?) throws -> Tensor<T>)
        case and(Condition, Condition)
        case or(Condition, Condition)
    }
    var kind: Kind
    /// The inverse temperature; `nil` = inherit from the enclosing program.
    public var beta: T?

    init(beta: T?, kind: Kind) {
        self.beta = beta
        self.kind = kind
    }

    /// A condition given directly by its probability (no β involved).
    public init(probability: @escaping (State<T>) throws -> Tensor<T>) {
        self.init(beta: nil, kind: .atom(usesBeta: false) { s, _ in try probability(s) })
    }

    /// Fills every unset β (recursively) with `beta`.
    func resolved(beta global: T) -> Condition {
        switch kind {
        case .atom: return Condition(beta: beta ?? global, kind: kind)
        case .and(let a, let b): return Condition(beta: beta, kind: .and(a.resolved(beta: global), b.resolved(beta: global)))
        case .or(let a, let b): return Condition(beta: beta, kind: .or(a.resolved(beta: global), b.resolved(beta: global)))
        }
    }

    /// The probability that the condition holds, per batch row.
    public func probability(_ s: State<T>) throws -> Tensor<T> {
        switch kind {
        case .atom(_, let f): return try f(s, beta)
        case .and(let a, let b): return try a.probability(s) * b.probability(s)
        case .or(let a, let b):
            let (p, q) = (try a.probability(s), try b.probability(s))
            return try (p + q) - p * q
        }
    }

    /// Conjunction of independent events: `p·q`.
    public static func && (a: Condition, b: Condition) -> Condition { Condition(beta: nil, kind: .and(a, b)) }
    /// Disjunction (probabilistic sum): `p + q − p·q`.
    public static func || (a: Condition, b: Condition) -> Condition { Condition(beta: nil, kind: .or(a, b)) }
}

func requireBeta<T>(_ beta: T?) throws(AlgorithmError) -> T {
    guard let beta else { throw .invalidParameter(name: "beta", reason: "a condition has no β (set one on the condition or the program)") }
    return beta
}

/// `v` itself as a probability (entries must lie in [0, 1]).
public func IsTrue<T>(_ v: Expression<T>) -> Condition<T> {
    Condition(beta: nil, kind: .atom(usesBeta: false) { s, _ in
        let p = try v.evaluate(s)
        if let bad = p.values.first(where: { $0 < 0 || $0 > 1 }) { throw AlgorithmError.notAProbability(value: "\(bad)") }
        return p
    })
}

/// `1 − v` (entries of `v` must lie in [0, 1]).
public func IsFalse<T>(_ v: Expression<T>) -> Condition<T> {
    Condition(beta: nil, kind: .atom(usesBeta: false) { s, _ in
        let p = try v.evaluate(s)
        if let bad = p.values.first(where: { $0 < 0 || $0 > 1 }) { throw AlgorithmError.notAProbability(value: "\(bad)") }
        return 1 - p
    })
}

/// `l > r` relaxed: `σ(β·(l − r))`. Strict and non-strict comparisons coincide (`GEq`).
public func GT<T: Real>(_ l: Expression<T>, _ r: Expression<T>, beta: T? = nil) -> Condition<T> {
    Condition(beta: beta, kind: .atom(usesBeta: true) { s, b in
        try ((try l.evaluate(s) - r.evaluate(s)) * requireBeta(b)).sigmoid()
    })
}

/// `l ≥ r`, the same as ``GT(_:_:beta:)``.
public func GEq<T: Real>(_ l: Expression<T>, _ r: Expression<T>, beta: T? = nil) -> Condition<T> { GT(l, r, beta: beta) }

/// `l < r` relaxed: `σ(−β·(l − r))`.
public func LT<T: Real>(_ l: Expression<T>, _ r: Expression<T>, beta: T? = nil) -> Condition<T> {
    Condition(beta: beta, kind: .atom(usesBeta: true) { s, b in
        try ((try l.evaluate(s) - r.evaluate(s)) * (-requireBeta(b))).sigmoid()
    })
}

/// `l ≤ r`, the same as ``LT(_:_:beta:)``.
public func LEq<T: Real>(_ l: Expression<T>, _ r: Expression<T>, beta: T? = nil) -> Condition<T> { LT(l, r, beta: beta) }

/// `l == r` relaxed: `sech²(β·(l − r)/2)` — the logistic density divided by its peak, 1 at `l = r`.
public func Eq<T: Real>(_ l: Expression<T>, _ r: Expression<T>, beta: T? = nil) -> Condition<T> {
    Condition(beta: beta, kind: .atom(usesBeta: true) { s, b in
        try ((try l.evaluate(s) - r.evaluate(s)) * (requireBeta(b) / 2)).sech2()
    })
}

/// `l ≠ r` relaxed: `1 − sech²(β·(l − r)/2)`.
public func NEq<T: Real>(_ l: Expression<T>, _ r: Expression<T>, beta: T? = nil) -> Condition<T> {
    Condition(beta: beta, kind: .atom(usesBeta: true) { s, b in
        1 - (try ((try l.evaluate(s) - r.evaluate(s)) * (requireBeta(b) / 2)).sech2())
    })
}

/// Equality of categorical distributions (last axis): `1 / cosh(β·(1 − cos∠(l, r)))` — note
/// `cosh`, not `cosh²`, as in the authors' package.
public func CatProbEq<T: Real>(_ l: Expression<T>, _ r: Expression<T>, beta: T? = nil) -> Condition<T> {
    Condition(beta: beta, kind: .atom(usesBeta: true) { s, b in
        let c = try cosine(try l.evaluate(s), try r.evaluate(s))
        return ((1 - c) * (try requireBeta(b))).sech()
    })
}

/// The cosine similarity along the last axis; not a probability (may be negative), no β.
public func CosineSimilarity<T: Real>(_ l: Expression<T>, _ r: Expression<T>) -> Condition<T> {
    Condition(beta: nil, kind: .atom(usesBeta: false) { s, _ in try cosine(try l.evaluate(s), try r.evaluate(s)) })
}

func cosine<T: Real>(_ a: Tensor<T>, _ b: Tensor<T>) throws -> Tensor<T> {
    let dot = try (a * b).sumLastAxis()
    let na = try (a * a).sumLastAxis().map({ T.sqrt($0) }, derivative: { _, y in 1 / (2 * y) })
    let nb = try (b * b).sumLastAxis().map({ T.sqrt($0) }, derivative: { _, y in 1 / (2 * y) })
    return try dot / (na * nb)
}
