import RealModule

/// An exact rational constant `numerator/denominator` of a user-given sigmoid (a literal such as
/// `1/16`, `0.25` or `1e-3`, or a breakpoint). Kept exact so that the proofs in `Proofs/` see the
/// very number the user wrote; floating-point code uses ``doubleValue``.
///
/// Both parts fit in `Int64` (this package's own limit for literals, reported as
/// ``CustomSigmoidError/literalTooLarge(piece:text:)``); the fraction is reduced, denominator > 0.
public struct SigmoidFraction: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64
    /// `numerator / denominator` rounded to `Double` (computed once).
    public let doubleValue: Double

    /// `nil` if `denominator` is 0 or the reduced parts do not fit in `Int64`.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        var (p, q) = (numerator, denominator)
        if q < 0 { (p, q) = (-p, -q) }
        var (a, b) = (p.magnitude, q.magnitude)
        while b != 0 { (a, b) = (b, a % b) }
        let g = Int64(max(a, 1))
        self.numerator = p / g
        self.denominator = q / g
        doubleValue = Double(self.numerator) / Double(self.denominator)
    }

    public init(integer: Int64) { self.init(integer, 1)! }

    public static let zero = SigmoidFraction(integer: 0)

    /// Exact order: compares `a·d` with `c·b` in 128-bit arithmetic.
    public static func < (x: SigmoidFraction, y: SigmoidFraction) -> Bool {
        let l = x.numerator.multipliedFullWidth(by: y.denominator)
        let r = y.numerator.multipliedFullWidth(by: x.denominator)
        return l.high != r.high ? l.high < r.high : l.low < r.low
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}

/// A rational expression in one variable `u`: what a user writes for one piece of a sigmoid
/// (`-1/(4u)`, `(u/(2 + u) + 1)/2`, `1 - 1/(16u)`). Only `+ − × ÷`, integer powers, constants and
/// `u`, so every expression is a rational function of `u` — which is what lets `Proofs/` run it
/// exactly over rationals and symbolically over rational functions.
public indirect enum SigmoidExpression: Hashable, Sendable, CustomStringConvertible {
    case u
    case constant(SigmoidFraction)
    case negate(SigmoidExpression)
    case add(SigmoidExpression, SigmoidExpression)
    case subtract(SigmoidExpression, SigmoidExpression)
    case multiply(SigmoidExpression, SigmoidExpression)
    case divide(SigmoidExpression, SigmoidExpression)
    /// `base^exponent` for an integer exponent (negative: `1/base^|exponent|`).
    case power(SigmoidExpression, Int)

    /// The value at `u` over any field; `constant` converts the exact literals into `T`.
    /// Floating-point callers pass `T(fraction.doubleValue)`, the proofs pass the exact rational.
    public func evaluate<T: AlgebraicField>(_ u: T, constant: (SigmoidFraction) -> T) -> T {
        switch self {
        case .u: return u
        case .constant(let c): return constant(c)
        case .negate(let a): return -a.evaluate(u, constant: constant)
        case .add(let a, let b): return a.evaluate(u, constant: constant) + b.evaluate(u, constant: constant)
        case .subtract(let a, let b): return a.evaluate(u, constant: constant) - b.evaluate(u, constant: constant)
        case .multiply(let a, let b): return a.evaluate(u, constant: constant) * b.evaluate(u, constant: constant)
        case .divide(let a, let b): return a.evaluate(u, constant: constant) / b.evaluate(u, constant: constant)
        case .power(let a, let k):
            let base = a.evaluate(u, constant: constant)
            var result: T = 1
            for _ in 0..<k.magnitude { result *= base }
            return k < 0 ? 1 / result : result
        }
    }

    /// `d/du` by the sum, product, quotient and power rules (lightly simplified: `0` and `1` folded).
    /// `Proofs/` checks the result against the quotient-rule derivative of the exact rational
    /// function on every piece, so this routine is itself verified for each family it serves.
    public var derivative: SigmoidExpression {
        switch self {
        case .u: return .one
        case .constant: return .zero
        case .negate(let a): return .negated(a.derivative)
        case .add(let a, let b): return .sum(a.derivative, b.derivative)
        case .subtract(let a, let b): return .difference(a.derivative, b.derivative)
        case .multiply(let a, let b): return .sum(.product(a.derivative, b), .product(a, b.derivative))
        case .divide(let a, let b):
            return .quotient(.difference(.product(a.derivative, b), .product(a, b.derivative)), .power(b, 2))
        case .power(let a, let k):
            if k == 0 { return .zero }
            return .product(.product(.constant(SigmoidFraction(integer: Int64(k))), k == 1 ? .one : .power(a, k - 1)), a.derivative)
        }
    }

    static let zero = SigmoidExpression.constant(.zero)
    static let one = SigmoidExpression.constant(SigmoidFraction(integer: 1))

    static func negated(_ a: SigmoidExpression) -> SigmoidExpression {
        if case .constant(let c) = a, let folded = SigmoidFraction(-c.numerator, c.denominator) { return .constant(folded) }
        if case .negate(let inner) = a { return inner }
        return .negate(a)
    }
    static func sum(_ a: SigmoidExpression, _ b: SigmoidExpression) -> SigmoidExpression {
        a == .zero ? b : (b == .zero ? a : .add(a, b))
    }
    static func difference(_ a: SigmoidExpression, _ b: SigmoidExpression) -> SigmoidExpression {
        b == .zero ? a : (a == .zero ? negated(b) : .subtract(a, b))
    }
    static func product(_ a: SigmoidExpression, _ b: SigmoidExpression) -> SigmoidExpression {
        if a == .zero || b == .zero { return .zero }
        if case .negate(let x) = a { return negated(product(x, b)) }
        if case .negate(let y) = b { return negated(product(a, y)) }
        if case .constant(let x) = a, case .constant(let y) = b {
            let p = x.numerator.multipliedReportingOverflow(by: y.numerator), q = x.denominator.multipliedReportingOverflow(by: y.denominator)
            if !p.overflow, !q.overflow, let folded = SigmoidFraction(p.partialValue, q.partialValue) { return .constant(folded) }
        }
        return a == .one ? b : (b == .one ? a : .multiply(a, b))
    }
    static func quotient(_ a: SigmoidExpression, _ b: SigmoidExpression) -> SigmoidExpression {
        a == .zero ? .zero : (b == .one ? a : .divide(a, b))
    }

    /// Fully parenthesised where needed; parses back to the same expression.
    public var description: String { text(precedence: 0) }

    func text(precedence: Int) -> String {
        func wrap(_ s: String, _ own: Int) -> String { own < precedence ? "(\(s))" : s }
        switch self {
        case .u: return "u"
        case .constant(let c): return c.denominator == 1 && c.numerator >= 0 ? "\(c.numerator)" : "(\(c))"
        case .negate(let a): return wrap("-" + a.text(precedence: 3), 2)
        case .add(let a, let b): return wrap(a.text(precedence: 1) + " + " + b.text(precedence: 2), 1)
        case .subtract(let a, let b): return wrap(a.text(precedence: 1) + " - " + b.text(precedence: 2), 1)
        case .multiply(let a, let b): return wrap(a.text(precedence: 2) + "*" + b.text(precedence: 3), 2)
        case .divide(let a, let b): return wrap(a.text(precedence: 2) + "/" + b.text(precedence: 3), 2)
        case .power(let a, let k): return wrap(a.text(precedence: 4) + "^" + (k < 0 ? "(\(k))" : "\(k)"), 3)
        }
    }
}
