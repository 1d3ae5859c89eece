import ExactArithmetic

/// A closed interval `[lower, upper]` with exact rational endpoints that is *certified* to contain
/// a real number: every operation rounds outward only (never inward), so the true value of an
/// expression always lies in the enclosure computed for it.
///
/// Endpoints may be rounded outward to dyadic rationals (`coarsened(bits:)`) to keep them small.
public struct Enclosure: Sendable, CustomStringConvertible {
    public let lower: Rational
    public let upper: Rational

    public init(_ lower: Rational, _ upper: Rational) {
        precondition(lower <= upper, "an enclosure needs lower ≤ upper")
        self.lower = lower
        self.upper = upper
    }

    public init(exactly value: Rational) { self.init(value, value) }

    public var width: Rational { upper - lower }
    public var midpoint: Rational { Rational.midpoint(lower, upper) }
    public var isPositive: Bool { lower > 0 }
    public var isNegative: Bool { upper < 0 }
    public func contains(_ x: Rational) -> Bool { lower <= x && x <= upper }
    public func contains(_ other: Enclosure) -> Bool { lower <= other.lower && other.upper <= upper }

    /// Outward rounding of both endpoints to multiples of `2^−bits`.
    public func coarsened(bits: Int) -> Enclosure {
        let scale = Rational(BigInt.powerOfTwo(bits))
        return Enclosure(Rational((lower * scale).floor) / scale, Rational((upper * scale).ceil) / scale)
    }

    public static func + (a: Enclosure, b: Enclosure) -> Enclosure { Enclosure(a.lower + b.lower, a.upper + b.upper) }
    public static func - (a: Enclosure, b: Enclosure) -> Enclosure { Enclosure(a.lower - b.upper, a.upper - b.lower) }
    public static prefix func - (a: Enclosure) -> Enclosure { Enclosure(-a.upper, -a.lower) }
    public static func * (a: Enclosure, b: Enclosure) -> Enclosure {
        let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper]
        return Enclosure(products.min()!, products.max()!)
    }
    /// Division by an enclosure that excludes zero.
    public static func / (a: Enclosure, b: Enclosure) -> Enclosure {
        precondition(b.isPositive || b.isNegative, "division by an enclosure containing 0")
        return a * Enclosure(1 / b.upper, 1 / b.lower)
    }
    public static func + (a: Enclosure, k: Rational) -> Enclosure { a + Enclosure(exactly: k) }
    public static func * (k: Rational, a: Enclosure) -> Enclosure { Enclosure(exactly: k) * a }

    /// Decimal rendering of both endpoints with `digits` digits after the point (outward).
    public func decimal(digits: Int = 12) -> String {
        "[\(Enclosure.decimal(lower, digits: digits, roundUp: false)), \(Enclosure.decimal(upper, digits: digits, roundUp: true))]"
    }

    public var description: String { decimal() }

    /// `x` as a decimal string rounded down or up at `digits` places.
    public static func decimal(_ x: Rational, digits: Int, roundUp: Bool) -> String {
        let scale = BigInt(10).power(digits)
        let scaled = x * Rational(scale)
        let integer = roundUp ? scaled.ceil : scaled.floor
        let negative = integer.isNegative
        var text = integer.magnitude.description
        if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
        let split = text.index(text.endIndex, offsetBy: -digits)
        return (negative ? "-" : "") + text[..<split] + (digits > 0 ? "." + text[split...] : "")
    }
}
