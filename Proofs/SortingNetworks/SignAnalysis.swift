import ExactArithmetic

/// An open interval `(lower, upper)` of the real line; `nil` bounds are −∞ / +∞.
public struct OpenInterval: Hashable, Sendable, CustomStringConvertible {
    public var lower: Rational?
    public var upper: Rational?

    public init(_ lower: Rational?, _ upper: Rational?) {
        precondition(lower == nil || upper == nil || lower! < upper!, "empty interval")
        self.lower = lower
        self.upper = upper
    }

    public static let realLine = OpenInterval(nil, nil)

    public var description: String { "(\(lower.map { "\($0)" } ?? "−∞"), \(upper.map { "\($0)" } ?? "+∞"))" }
}

/// The sign pattern of a function on an open interval, decided exactly.
public enum SignClass: String, Sendable {
    case positive, negative
    /// Identically zero.
    case zero
    /// `≥ 0` with at least one zero inside (and positive elsewhere).
    case nonNegative
    /// `≤ 0` with at least one zero inside.
    case nonPositive
    /// Takes both signs.
    case mixed

    public var isNonNegative: Bool { self == .positive || self == .zero || self == .nonNegative }
    public var isNonPositive: Bool { self == .negative || self == .zero || self == .nonPositive }

    /// The class of `−f`.
    public var negated: SignClass {
        switch self {
        case .positive: .negative
        case .negative: .positive
        case .nonNegative: .nonPositive
        case .nonPositive: .nonNegative
        case .zero, .mixed: self
        }
    }
}

/// Exact sign analysis of polynomials with rational coefficients: Sturm sequences count the
/// distinct real roots in a half-open interval `(a, b]` (Sturm's theorem: `V(a) − V(b)`, with
/// `V` the number of sign changes of the sequence); bisection isolates the roots, and the sign
/// on each root-free piece is read off exactly (one-sided signs via the first non-vanishing
/// derivative where a sample point is itself a root).
public enum SignAnalysis {
    /// `p, p′, −rem(p, p′), …` until the remainder vanishes, every member divided by the last one
    /// (`gcd(p, p′)` up to a constant): the Sturm sequence of the square-free part of `p`, which
    /// has the same distinct roots and for which `V(a) − V(b)` counts the roots in `(a, b]`
    /// even when `a` or `b` is a (multiple) root of `p`.
    public static func sturmSequence(_ p: Polynomial) -> [Polynomial] {
        var sequence = [p, p.derivative].filter { !$0.isZero }
        while sequence.count >= 2 {
            let remainder = sequence[sequence.count - 2].divided(by: sequence[sequence.count - 1]).remainder
            if remainder.isZero { break }
            sequence.append(-remainder)
        }
        guard let g = sequence.last, g.degree > 0 else { return sequence }
        return sequence.map { $0.divided(by: g).quotient }
    }

    static func signChanges(_ signs: [Int]) -> Int {
        let nonZero = signs.filter { $0 != 0 }
        return zip(nonZero, nonZero.dropFirst()).filter { $0 != $1 }.count
    }

    /// `V(x)`; `nil` means −∞ (`atPlusInfinity` false) or +∞ (true).
    static func variations(_ sequence: [Polynomial], at x: Rational?, atPlusInfinity: Bool = false) -> Int {
        if let x { return signChanges(sequence.map { $0(x).signum }) }
        return signChanges(sequence.map { $0.signAtInfinity(toPositive: atPlusInfinity) })
    }

    /// Number of distinct real roots of `p ≠ 0` in the open interval.
    public static func rootCount(_ p: Polynomial, in interval: OpenInterval) -> Int {
        precondition(!p.isZero, "the zero polynomial has infinitely many roots")
        let sequence = sturmSequence(p)
        let count = variations(sequence, at: interval.lower) - variations(sequence, at: interval.upper, atPlusInfinity: true)
        if let upper = interval.upper, p(upper).isZero { return count - 1 }
        return count
    }

    /// Sign of `p` on `(x, x + δ)` (`right`) or `(x − δ, x)` for all small δ > 0.
    static func oneSidedSign(_ p: Polynomial, at x: Rational, right: Bool) -> Int {
        var q = p, order = 0
        while !q.isZero {
            let s = q(x).signum
            if s != 0 { return right || order % 2 == 0 ? s : -s }
            q = q.derivative
            order += 1
        }
        return 0
    }

    /// The exact sign pattern of `p` on the open interval.
    public static func classify(_ p: Polynomial, on interval: OpenInterval) -> SignClass {
        if p.isZero { return .zero }
        if p.degree == 0 { return p.leadingCoefficient.signum > 0 ? .positive : .negative }
        let sequence = sturmSequence(p)
        let bound = p.rootBound
        let lower = interval.lower ?? -bound, upper = interval.upper ?? bound
        // When the interval is unbounded, [−B, B] holds every root and p(±B) ≠ 0.
        var signs = Set<Int>()
        var rootsInside = false
        var pending = [(lower, upper, variations(sequence, at: lower) - variations(sequence, at: upper))]
        while let (a, b, count) = pending.popLast() {
            if count >= 2 {
                let m = Rational.midpoint(a, b)
                let vm = variations(sequence, at: m)
                pending.append((a, m, variations(sequence, at: a) - vm))
                pending.append((m, b, vm - variations(sequence, at: b)))
                continue
            }
            signs.insert(oneSidedSign(p, at: a, right: true))
            let atB = p(b).signum
            if count == 1 {
                if atB == 0 {
                    signs.insert(oneSidedSign(p, at: b, right: false))
                    if b != interval.upper { rootsInside = true }
                } else {
                    signs.insert(atB)
                    rootsInside = true
                }
            } else {
                signs.insert(atB)  // no root in (a, b], so p(b) ≠ 0
            }
        }
        // The unbounded ends carry the sign of p(±B) (no roots beyond B), already recorded.
        switch (signs.contains(1), signs.contains(-1)) {
        case (true, false): return rootsInside ? .nonNegative : .positive
        case (false, true): return rootsInside ? .nonPositive : .negative
        default: return .mixed
        }
    }

    /// Sign pattern of `numerator / denominator`, or `nil` if the denominator vanishes somewhere
    /// in the interval (the function is then not defined on all of it).
    public static func classify(numerator: Polynomial, denominator: Polynomial, on interval: OpenInterval) -> SignClass? {
        guard !denominator.isZero, denominator.degree == 0 || rootCount(denominator, in: interval) == 0 else { return nil }
        let denominatorSign: SignClass = classify(denominator, on: interval)
        let numeratorClass = classify(numerator, on: interval)
        return denominatorSign == .positive ? numeratorClass : numeratorClass.negated
    }
}
