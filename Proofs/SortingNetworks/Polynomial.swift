import ExactArithmetic

/// A univariate polynomial with exact rational coefficients, `c[0] + c[1]·u + … + c[d]·u^d`.
///
/// Small and exact: enough arithmetic for the sign analyses of the proofs (Sturm sequences, root
/// isolation). Coefficients are kept trimmed (no trailing zeros), so the zero polynomial has none.
public struct Polynomial: Hashable, Sendable, CustomStringConvertible {
    public private(set) var coefficients: [Rational]

    public init(_ coefficients: [Rational]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }

    public init(constant: Rational) { self.init([constant]) }

    /// The identity `u`.
    public static let u = Polynomial([0, 1])
    public static let zero = Polynomial([])
    public static let one = Polynomial([1])

    /// Degree; −1 for the zero polynomial.
    public var degree: Int { coefficients.count - 1 }
    public var isZero: Bool { coefficients.isEmpty }
    public var leadingCoefficient: Rational { coefficients.last ?? 0 }

    /// Horner evaluation, exact.
    public func callAsFunction(_ x: Rational) -> Rational {
        var result = Rational(0)
        for c in coefficients.reversed() { result = result * x + c }
        return result
    }

    public var derivative: Polynomial {
        Polynomial(coefficients.enumerated().dropFirst().map { k, c in c * Rational(k) })
    }

    public static func + (p: Polynomial, q: Polynomial) -> Polynomial {
        let count = max(p.coefficients.count, q.coefficients.count)
        return Polynomial((0..<count).map { k in
            (k < p.coefficients.count ? p.coefficients[k] : 0) + (k < q.coefficients.count ? q.coefficients[k] : 0)
        })
    }

    public static prefix func - (p: Polynomial) -> Polynomial { Polynomial(p.coefficients.map { -$0 }) }
    public static func - (p: Polynomial, q: Polynomial) -> Polynomial { p + (-q) }

    public static func * (p: Polynomial, q: Polynomial) -> Polynomial {
        guard !p.isZero, !q.isZero else { return .zero }
        var c = [Rational](repeating: 0, count: p.coefficients.count + q.coefficients.count - 1)
        for (i, a) in p.coefficients.enumerated() where !a.isZero {
            for (j, b) in q.coefficients.enumerated() { c[i + j] += a * b }
        }
        return Polynomial(c)
    }

    public static func * (k: Rational, p: Polynomial) -> Polynomial { Polynomial(p.coefficients.map { k * $0 }) }

    /// Euclidean division: `self = q·divisor + r` with `deg r < deg divisor` (divisor ≠ 0).
    public func divided(by divisor: Polynomial) -> (quotient: Polynomial, remainder: Polynomial) {
        precondition(!divisor.isZero, "polynomial division by zero")
        var remainder = coefficients
        let d = divisor.degree
        guard degree >= d else { return (.zero, self) }
        var quotient = [Rational](repeating: 0, count: degree - d + 1)
        let lead = divisor.leadingCoefficient
        for k in stride(from: degree - d, through: 0, by: -1) {
            let factor = remainder[k + d] / lead
            quotient[k] = factor
            if factor.isZero { continue }
            for (j, c) in divisor.coefficients.enumerated() { remainder[k + j] -= factor * c }
        }
        return (Polynomial(quotient), Polynomial(Array(remainder.prefix(d))))
    }

    /// Monic greatest common divisor.
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        var (x, y) = (a, b)
        while !y.isZero { (x, y) = (y, x.divided(by: y).remainder) }
        return x.isZero ? x : (1 / x.leadingCoefficient) * x
    }

    /// Sign of `p(u)` as `u → +∞` (`toPositive`) or `u → −∞`.
    public func signAtInfinity(toPositive: Bool) -> Int {
        guard !isZero else { return 0 }
        let s = leadingCoefficient.signum
        return toPositive || degree % 2 == 0 ? s : -s
    }

    /// Cauchy's bound: every real root lies strictly inside `(−B, B)`.
    public var rootBound: Rational {
        guard degree >= 1 else { return 1 }
        let lead = leadingCoefficient.magnitude
        let m = coefficients.dropLast().map { $0.magnitude / lead }.max() ?? 0
        return 1 + m
    }

    /// E.g. `u^2 − 4·u + 4`, `−1/16·u`, `2`.
    public var description: String {
        guard !isZero else { return "0" }
        var text = ""
        for (k, c) in coefficients.enumerated().reversed() where !c.isZero {
            let negative = c.signum < 0
            let magnitude = c.magnitude
            let power = k == 0 ? "" : (k == 1 ? "u" : "u^\(k)")
            let body = k == 0 ? "\(magnitude)" : (magnitude == 1 ? power : "\(magnitude)·\(power)")
            if text.isEmpty { text = (negative ? "−" : "") + body } else { text += (negative ? " − " : " + ") + body }
        }
        return text
    }
}
