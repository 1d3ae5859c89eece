import RealModule

/// The statements of the relaxed-program language (arXiv 2110.05651, §3; the grammar of the
/// authors' package: `Let`, `LetInt`, `Print`, `If`, `While`, `For`).
public indirect enum Statement<T: AlgebraicField & Comparable> {
    /// `x ← e` (the value must have `x`'s shape; a number is broadcast).
    case assign(String, Expression<T>)
    /// `x₁, …, x_k ← f(state)`.
    case assignMany([String], (State<T>) throws -> [Tensor<T>])
    /// `x[i₁, …] ← e` with hard indices: `x ← M·e + (1 − M)·x` for the 0/1 mask `M`.
    case write(String, indices: [IndexExpression], Expression<T>)
    /// Probabilistic write `x ← w·e + (1 − w)·x` (weights of `x`'s rank, batch first).
    case weightedWrite(String, weights: Expression<T>, Expression<T>)
    /// `n ← f(integers)` for a hard integer.
    case setInteger(String, (any IntegerReader) throws -> Int)
    /// A debug hook: prints `f(state)`.
    case print((State<T>) throws -> String)
    /// `If` with both branches run from the same state and blended by the probability.
    case branch(Condition<T>, then: [Statement<T>], else: [Statement<T>], Hyperparameters<T>)
    /// `While`: the expectation over the stopping iteration.
    case loop(Condition<T>, body: [Statement<T>], Hyperparameters<T>)
    /// `For`: unrolled over a hard range; the loop variable is a fresh hard integer.
    case forEach(String, RangeExpression, body: [Statement<T>])
}

/// The range of a `For`: a count `N` (0 ..< N), a list, an integer variable (a count), or a
/// function of the integers returning a list.
public enum RangeExpression: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case count(Int)
    case list([Int])
    case integer(String)
    case function((any IntegerReader) throws -> [Int])

    public init(integerLiteral value: Int) { self = .count(value) }
    public init(stringLiteral value: String) { self = .integer(value) }

    func evaluate(_ s: any IntegerReader) throws -> [Int] {
        switch self {
        case .count(let n): Array(0..<max(n, 0))
        case .list(let l): l
        case .integer(let name): Array(0..<max(try s.int(name), 0))
        case .function(let f): try f(s)
        }
    }
}

/// The hyperparameters of arXiv 2110.05651's package (`beta`, `epsilon`, `max_iter`, `hard`).
/// `nil` means "inherit": the program fills every unset value, recursively, with its own.
public struct Hyperparameters<T: AlgebraicField & Comparable> {
    public var beta: T?
    public var epsilon: T?
    public var maxIterations: Int?
    public var hard: Bool?

    public init(beta: T? = nil, epsilon: T? = nil, maxIterations: Int? = nil, hard: Bool? = nil) {
        self.beta = beta
        self.epsilon = epsilon
        self.maxIterations = maxIterations
        self.hard = hard
    }

    /// Unset values taken from `outer`.
    func inheriting(_ outer: Hyperparameters) -> Hyperparameters {
        Hyperparameters(beta: beta ?? outer.beta, epsilon: epsilon ?? outer.epsilon,
                        maxIterations: maxIterations ?? outer.maxIterations, hard: hard ?? outer.hard)
    }
}

extension Statement {
    /// Hyperparameter propagation (the package's `set_hyperparameters`): every construct and
    /// condition keeps its own setting and inherits each unset one from `outer`.
    func resolved(_ outer: Hyperparameters<T>) -> Statement {
        switch self {
        case .branch(let c, let t, let f, let h):
            let h2 = h.inheriting(outer)
            return .branch(c.resolved(beta: outer.beta ?? 10), then: t.map { $0.resolved(outer) },
                           else: f.map { $0.resolved(outer) }, h2)
        case .loop(let c, let body, let h):
            let h2 = h.inheriting(outer)
            return .loop(c.resolved(beta: outer.beta ?? 10), body: body.map { $0.resolved(outer) }, h2)
        case .forEach(let v, let r, let body):
            return .forEach(v, r, body: body.map { $0.resolved(outer) })
        default:
            return self
        }
    }
}
