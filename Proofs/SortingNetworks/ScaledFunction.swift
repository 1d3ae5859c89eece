import ExactArithmetic
import RealModule

/// `s^k·P(u)` with `u = s·d`: a quantity of the relaxed comparator at *every* steepness `s > 0`
/// at once, as an ordered field, so that the library's generic code runs over it symbolically.
///
/// The comparator at steepness `s` on the difference `d` is parametrised by `(s, u)` with
/// `d = s⁻¹·u` (a bijection of `(0, ∞) × ℝ`). The steepness is `s¹·1`, the input `d` is
/// `s⁻¹·u`; products add the exponents, and the library's arithmetic only ever adds terms of
/// equal exponent — a sum of unequal exponents is recorded in the context as undecided (the proof
/// then fails), so a result `s⁰·G(u)` means: for every `s > 0` the code computes `G(s·d)`.
/// Comparisons are decided by the sign of `P` on the piece of `u` (`s^k > 0`). This replaces the
/// "for all s" step by code: the steepness scaling `u = s·d` is checked, not assumed.
struct ScaledFunction: Sendable {
    var power: Int
    var p: PieceFunction

    init(power: Int, _ p: PieceFunction) {
        self.power = power
        self.p = p
    }

    var isZero: Bool { p.numerator.isZero }

    /// `s` itself.
    static let steepness = ScaledFunction(power: 1, PieceFunction(constant: 1))

    /// `d = u/s` for `u` the variable of `context`'s piece.
    static func difference(on context: PieceContext) -> ScaledFunction {
        ScaledFunction(power: -1, .variable(on: context))
    }

    /// `d = point/s` (the comparator at the kink `u = point`).
    static func difference(at point: Rational) -> ScaledFunction {
        ScaledFunction(power: -1, PieceFunction(constant: point))
    }
}

extension ScaledFunction: Equatable, Comparable {
    static func == (a: ScaledFunction, b: ScaledFunction) -> Bool {
        (a.isZero && b.isZero) || (a.power == b.power && a.p == b.p)
    }

    /// `a < b` for every `s > 0` and every `u` on the piece (undecided cases are recorded).
    static func < (a: ScaledFunction, b: ScaledFunction) -> Bool {
        let difference = b - a
        return PieceFunction(constant: 0) < difference.p
    }
}

extension ScaledFunction: AlgebraicField {
    typealias Magnitude = ScaledFunction

    init(integerLiteral value: Int) { self.init(power: 0, PieceFunction(constant: Rational(value))) }
    init?<T: BinaryInteger>(exactly source: T) { self.init(power: 0, PieceFunction(constant: Rational(BigInt(source)))) }

    var magnitude: ScaledFunction { self < 0 ? -self : self }

    static func + (a: ScaledFunction, b: ScaledFunction) -> ScaledFunction {
        if a.isZero { return b }
        if b.isZero { return a }
        if a.power != b.power {
            (a.p.context ?? b.p.context)?.record("s^\(a.power)·(\(a.p)) + s^\(b.power)·(\(b.p)) mixes powers of s: not a function of s·d")
            return ScaledFunction(power: a.power, PieceFunction(constant: 0))
        }
        return ScaledFunction(power: a.power, a.p + b.p)
    }
    static func - (a: ScaledFunction, b: ScaledFunction) -> ScaledFunction { a + (-b) }
    static prefix func - (a: ScaledFunction) -> ScaledFunction { ScaledFunction(power: a.power, -a.p) }
    static func * (a: ScaledFunction, b: ScaledFunction) -> ScaledFunction {
        ScaledFunction(power: a.power + b.power, a.p * b.p)
    }
    static func / (a: ScaledFunction, b: ScaledFunction) -> ScaledFunction {
        ScaledFunction(power: a.power - b.power, a.p / b.p)
    }
    static func += (a: inout ScaledFunction, b: ScaledFunction) { a = a + b }
    static func -= (a: inout ScaledFunction, b: ScaledFunction) { a = a - b }
    static func *= (a: inout ScaledFunction, b: ScaledFunction) { a = a * b }
    static func /= (a: inout ScaledFunction, b: ScaledFunction) { a = a / b }
}

extension ScaledFunction: CustomStringConvertible {
    var description: String { isZero ? "0" : (power == 0 ? "\(p)" : "s^\(power)·(\(p))") }
}
