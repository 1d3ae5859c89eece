import ExactArithmetic
import RealModule

/// A polynomial with GMP-rational coefficients in a fixed list of variables (a, b, p₀ … p₁₅),
/// usable as an `AlgebraicField` so that the library's generic gate code runs on *symbols*: the
/// result is the polynomial the code computes, compared coefficient by coefficient.
///
/// Only division by a non-zero constant is a polynomial; any other division marks the result
/// `invalid` (it then equals nothing, so a proof using it fails instead of crashing).
public struct SymbolicPolynomial: Sendable, Hashable, CustomStringConvertible {
    /// Exponent vector → coefficient (no zero coefficients stored).
    public private(set) var terms: [[UInt8]: Rational]
    public private(set) var invalid = false
    static let variableCount = 18
    static let names = ["a", "b"] + (0..<16).map { "p\($0)" }

    init(terms: [[UInt8]: Rational], invalid: Bool = false) {
        self.terms = terms.filter { !$0.value.isZero }
        self.invalid = invalid
    }

    public init(constant c: Rational) {
        self.init(terms: [[UInt8](repeating: 0, count: Self.variableCount): c])
    }

    /// The variable with index `i` (0 = a, 1 = b, 2 + k = p_k).
    public static func variable(_ i: Int) -> SymbolicPolynomial {
        var e = [UInt8](repeating: 0, count: variableCount)
        e[i] = 1
        return SymbolicPolynomial(terms: [e: 1])
    }

    public static var a: SymbolicPolynomial { variable(0) }
    public static var b: SymbolicPolynomial { variable(1) }
    public static func p(_ k: Int) -> SymbolicPolynomial { variable(2 + k) }

    /// The largest exponent of variable `i` in any term.
    public func degree(in i: Int) -> Int { terms.keys.map { Int($0[i]) }.max() ?? 0 }

    /// `∂/∂x_i`.
    public func derivative(_ i: Int) -> SymbolicPolynomial {
        var out: [[UInt8]: Rational] = [:]
        for (e, c) in terms where e[i] > 0 {
            var f = e
            f[i] -= 1
            out[f, default: 0] += c * Rational(Int(e[i]))
        }
        return SymbolicPolynomial(terms: out, invalid: invalid)
    }

    /// The value with every variable replaced (`values[i]` for variable i).
    public func evaluate(_ values: [Rational]) -> Rational {
        terms.reduce(Rational(0)) { sum, term in
            var product = term.value
            for (i, k) in term.key.enumerated() { for _ in 0..<Int(k) { product *= values[i] } }
            return sum + product
        }
    }

    var constantValue: Rational? {
        if terms.isEmpty { return 0 }
        let zero = [UInt8](repeating: 0, count: Self.variableCount)
        return terms.count == 1 ? terms[zero] : nil
    }

    public var description: String {
        if invalid { return "invalid" }
        if terms.isEmpty { return "0" }
        return terms.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { e, c in
            let monomial = e.enumerated().filter { $0.element > 0 }
                .map { Self.names[$0.offset] + ($0.element > 1 ? "^\($0.element)" : "") }.joined(separator: "·")
            return monomial.isEmpty ? "\(c)" : "\(c)·\(monomial)"
        }.joined(separator: " + ")
    }

    public static func == (l: SymbolicPolynomial, r: SymbolicPolynomial) -> Bool {
        !l.invalid && !r.invalid && l.terms == r.terms
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(terms.count) }
}

extension SymbolicPolynomial: AlgebraicField {
    public typealias Magnitude = Rational
    public init(integerLiteral value: Int) { self.init(constant: Rational(value)) }
    public init?<T: BinaryInteger>(exactly source: T) { self.init(constant: Rational(BigInt(source))) }
    /// Required by `Numeric`: the largest absolute coefficient (a norm; not used by the proofs).
    public var magnitude: Rational { terms.values.map(\.magnitude).max() ?? 0 }
    public static var zero: SymbolicPolynomial { SymbolicPolynomial(terms: [:]) }

    public static func + (l: SymbolicPolynomial, r: SymbolicPolynomial) -> SymbolicPolynomial {
        var out = l.terms
        for (e, c) in r.terms { out[e, default: 0] += c }
        return SymbolicPolynomial(terms: out, invalid: l.invalid || r.invalid)
    }

    public static prefix func - (x: SymbolicPolynomial) -> SymbolicPolynomial {
        SymbolicPolynomial(terms: x.terms.mapValues { -$0 }, invalid: x.invalid)
    }

    public static func - (l: SymbolicPolynomial, r: SymbolicPolynomial) -> SymbolicPolynomial { l + (-r) }

    public static func * (l: SymbolicPolynomial, r: SymbolicPolynomial) -> SymbolicPolynomial {
        var out: [[UInt8]: Rational] = [:]
        for (e1, c1) in l.terms {
            for (e2, c2) in r.terms {
                out[zip(e1, e2).map { $0 + $1 }, default: 0] += c1 * c2
            }
        }
        return SymbolicPolynomial(terms: out, invalid: l.invalid || r.invalid)
    }

    public static func / (l: SymbolicPolynomial, r: SymbolicPolynomial) -> SymbolicPolynomial {
        guard let c = r.constantValue, !c.isZero else { return SymbolicPolynomial(terms: [:], invalid: true) }
        return SymbolicPolynomial(terms: l.terms.mapValues { $0 / c }, invalid: l.invalid || r.invalid)
    }

    public static func += (l: inout SymbolicPolynomial, r: SymbolicPolynomial) { l = l + r }
    public static func -= (l: inout SymbolicPolynomial, r: SymbolicPolynomial) { l = l - r }
    public static func *= (l: inout SymbolicPolynomial, r: SymbolicPolynomial) { l = l * r }
    public static func /= (l: inout SymbolicPolynomial, r: SymbolicPolynomial) { l = l / r }

    public var reciprocal: SymbolicPolynomial? {
        guard let c = constantValue, !c.isZero else { return nil }
        return SymbolicPolynomial(constant: 1 / c)
    }
}
