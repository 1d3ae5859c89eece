import ExactArithmetic
import RealModule

/// Records comparisons that a ``PieceFunction`` could not decide on its interval.
///
/// Shared by reference between all functions of one analysis. `@unchecked Sendable` is safe
/// because a context is used by one proof on one thread only; it is never shared across tasks.
public final class PieceContext: @unchecked Sendable {
    public let interval: OpenInterval
    public private(set) var undecided: [String] = []
    /// Limits on degree and coefficient size: a function beyond them collapses to 0 and the
    /// reason is recorded as undecided, so the proof fails instead of running without bound.
    public let budget: ProofBudget

    public init(interval: OpenInterval, budget: ProofBudget = ProofBudget()) {
        self.interval = interval
        self.budget = budget
    }

    func record(_ message: String) { undecided.append(message) }
}

/// A rational function `N(u)/D(u)` of one real variable restricted to an open interval (the
/// "piece"), usable as an ordered field.
///
/// This lets the proofs run the *library's own* generic sigmoid code (`Sigmoid.reciprocal`,
/// `Sigmoid.optimal`, written over `AlgebraicField & Comparable`) symbolically: pass
/// `PieceFunction.variable(on: piece)` for `u` and the code returns `f` and `f′` as exact rational
/// functions. Every comparison the code makes (`u < 0`, `u > ¼`, …) is decided by exact sign
/// analysis on the whole piece; a comparison whose outcome varies on the piece is recorded in the
/// context (the proof then fails) — so the result is valid for every `u` in the piece.
public struct PieceFunction: Sendable {
    public private(set) var numerator: Polynomial
    public private(set) var denominator: Polynomial
    public let context: PieceContext?

    public init(numerator: Polynomial, denominator: Polynomial = .one, context: PieceContext? = nil) {
        self.context = context
        if let budget = context?.budget, !(budget.admits(numerator) && budget.admits(denominator)) {
            if budget.exhausted != nil, context?.undecided.contains(budget.exhausted!) == false { context?.record(budget.exhausted!) }
            (self.numerator, self.denominator) = (.zero, .one)
            return
        }
        guard !denominator.isZero else {
            context?.record("division by the zero function")
            (self.numerator, self.denominator) = (.zero, .one)
            return
        }
        // Cancel common factors and make the denominator monic.
        let g = Polynomial.gcd(numerator, denominator)
        var n = numerator, d = denominator
        if g.degree > 0 {
            n = numerator.divided(by: g).quotient
            d = denominator.divided(by: g).quotient
        }
        let scale = 1 / d.leadingCoefficient
        (self.numerator, self.denominator) = (scale * n, scale * d)
    }

    /// `u` on the piece `interval`.
    public static func variable(on context: PieceContext) -> PieceFunction {
        PieceFunction(numerator: .u, context: context)
    }

    public init(constant: Rational) { self.init(numerator: Polynomial(constant: constant)) }

    /// Exact value at a point (the denominator must not vanish there).
    public func callAsFunction(_ x: Rational) -> Rational { numerator(x) / denominator(x) }

    /// `d/du` by the quotient rule.
    public var derivative: PieceFunction {
        PieceFunction(
            numerator: numerator.derivative * denominator - numerator * denominator.derivative,
            denominator: denominator * denominator, context: context)
    }

    /// Exact sign pattern on the piece (`nil`: a pole inside the piece).
    public func signClass(on interval: OpenInterval? = nil) -> SignClass? {
        SignAnalysis.classify(
            numerator: numerator, denominator: denominator,
            on: interval ?? context?.interval ?? .realLine)
    }

    /// `lim_{u→+∞}` (`toPositive`) or `lim_{u→−∞}`: `nil` if infinite.
    public func limit(toPositiveInfinity: Bool) -> Rational? {
        if numerator.isZero { return 0 }
        if numerator.degree < denominator.degree { return 0 }
        if numerator.degree > denominator.degree { return nil }
        return numerator.leadingCoefficient / denominator.leadingCoefficient
    }

    static func merged(_ a: PieceFunction, _ b: PieceFunction) -> PieceContext? { a.context ?? b.context }
}

extension PieceFunction: Equatable, Comparable {
    /// Identity of rational functions (`N₁D₂ = N₂D₁` as polynomials).
    public static func == (a: PieceFunction, b: PieceFunction) -> Bool {
        (a.numerator * b.denominator - b.numerator * a.denominator).isZero
    }

    /// `a < b` for *every* `u` on the piece; if that holds for some `u` only, the comparison is
    /// recorded as undecided and `false` is returned.
    public static func < (a: PieceFunction, b: PieceFunction) -> Bool {
        let difference = b - a
        guard let sign = difference.signClass() else {
            merged(a, b)?.record("pole inside the piece while comparing \(a) < \(b)")
            return false
        }
        switch sign {
        case .positive: return true
        case .negative, .zero, .nonPositive: return false
        case .nonNegative, .mixed:
            let where_ = merged(a, b)?.interval.description ?? "ℝ"
            merged(a, b)?.record("\(a) < \(b) is not decided on \(where_) (\(sign.rawValue))")
            return false
        }
    }
}

extension PieceFunction: CustomStringConvertible {
    public var description: String {
        denominator == .one ? "\(numerator)" : "[\(numerator)] / [\(denominator)]"
    }
}

extension PieceFunction: AlgebraicField {
    public typealias Magnitude = PieceFunction

    public init(integerLiteral value: Int) { self.init(constant: Rational(value)) }
    public init?<T: BinaryInteger>(exactly source: T) { self.init(constant: Rational(BigInt(source))) }

    /// `|f|`, decided on the piece (undecided sign changes are recorded).
    public var magnitude: PieceFunction { self < 0 ? -self : self }

    public static func + (a: PieceFunction, b: PieceFunction) -> PieceFunction {
        PieceFunction(
            numerator: a.numerator * b.denominator + b.numerator * a.denominator,
            denominator: a.denominator * b.denominator, context: merged(a, b))
    }
    public static func - (a: PieceFunction, b: PieceFunction) -> PieceFunction { a + (-b) }
    public static prefix func - (a: PieceFunction) -> PieceFunction {
        PieceFunction(numerator: -a.numerator, denominator: a.denominator, context: a.context)
    }
    public static func * (a: PieceFunction, b: PieceFunction) -> PieceFunction {
        PieceFunction(numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator, context: merged(a, b))
    }
    public static func / (a: PieceFunction, b: PieceFunction) -> PieceFunction {
        if b.numerator.isZero { merged(a, b)?.record("division by the zero function") }
        return PieceFunction(numerator: a.numerator * b.denominator, denominator: a.denominator * b.numerator, context: merged(a, b))
    }
    public static func += (a: inout PieceFunction, b: PieceFunction) { a = a + b }
    public static func -= (a: inout PieceFunction, b: PieceFunction) { a = a - b }
    public static func *= (a: inout PieceFunction, b: PieceFunction) { a = a * b }
    public static func /= (a: inout PieceFunction, b: PieceFunction) { a = a / b }
}
