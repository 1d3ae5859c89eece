import RealModule

extension LogicGate {
    /// The real-valued (probabilistic) relaxation `g(a, b)`: the probability that the gate outputs 1
    /// when its inputs are independent Bernoulli variables with means `a` and `b`
    /// (Petersen et al. 2022, Table 1; arXiv 2210.08277). Written out per gate as in the
    /// paper so that `Proofs/` can check it independently against the truth table.
    @inlinable
    public func relaxation<T: AlgebraicField>(_ a: T, _ b: T) -> T {
        switch self {
        case .zero: return 0
        case .and: return a * b
        case .notImplies: return a - a * b
        case .a: return a
        case .notImpliedBy: return b - a * b
        case .b: return b
        case .xor: return a + b - 2 * a * b
        case .or: return a + b - a * b
        case .notOr: return 1 - (a + b - a * b)
        case .notXor: return 1 - (a + b - 2 * a * b)
        case .notB: return 1 - b
        case .impliedBy: return 1 - b + a * b
        case .notA: return 1 - a
        case .implies: return 1 - a + a * b
        case .notAnd: return 1 - a * b
        case .one: return 1
        }
    }

    /// `∂g/∂a` of ``relaxation(_:_:)`` (derived symbolically).
    @inlinable
    public func partialA<T: AlgebraicField>(_ a: T, _ b: T) -> T {
        switch self {
        case .zero, .b, .notB, .one: return 0
        case .and, .impliedBy: return b
        case .notImplies, .or: return 1 - b
        case .a: return 1
        case .notImpliedBy, .notAnd: return -b
        case .xor: return 1 - 2 * b
        case .notOr, .implies: return b - 1
        case .notXor: return 2 * b - 1
        case .notA: return -1
        }
    }

    /// `∂g/∂b` of ``relaxation(_:_:)`` (derived symbolically).
    @inlinable
    public func partialB<T: AlgebraicField>(_ a: T, _ b: T) -> T {
        switch self {
        case .zero, .a, .notA, .one: return 0
        case .and, .implies: return a
        case .notImplies, .notAnd: return -a
        case .b: return 1
        case .notImpliedBy, .or: return 1 - a
        case .xor: return 1 - 2 * a
        case .notOr, .impliedBy: return a - 1
        case .notXor: return 2 * a - 1
        case .notB: return -1
        }
    }
}
