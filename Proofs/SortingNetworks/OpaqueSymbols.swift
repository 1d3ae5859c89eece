import ExactArithmetic
import RealModule

/// A polynomial with rational coefficients in opaque symbols `x₀, x₁, …`, as an ordered field
/// for code that only adds and multiplies: the library's generic Jacobian code runs on it with a
/// conditional swap whose `α` and `α′` are symbols, which shows what that code computes for
/// *every* sigmoid family at once.
///
/// Division by a non-constant and every comparison mark the result ``isInvalid`` (it then equals
/// nothing), so a proof that relies on them fails instead of concluding.
struct OpaqueSymbols: Sendable {
    /// Exponent vector (trailing zeros trimmed) → coefficient; no zero coefficients stored.
    private(set) var terms: [[Int]: Rational]
    private(set) var isInvalid = false
    /// Where comparisons are recorded as undecided (shared by all values of one check).
    let recorder: PieceContext?

    private init(terms: [[Int]: Rational], invalid: Bool, recorder: PieceContext? = nil) {
        self.recorder = recorder
        var normalized: [[Int]: Rational] = [:]
        for (e, c) in terms where !c.isZero {
            var e = e
            while e.last == 0 { e.removeLast() }
            normalized[e, default: 0] += c
        }
        self.terms = normalized.filter { !$0.value.isZero }
        self.isInvalid = invalid
    }

    init(constant c: Rational) { self.init(terms: [[]: c], invalid: false) }

    /// The symbol `x_i`.
    static func symbol(_ i: Int, recorder: PieceContext) -> OpaqueSymbols {
        var e = [Int](repeating: 0, count: i + 1)
        e[i] = 1
        return OpaqueSymbols(terms: [e: 1], invalid: false, recorder: recorder)
    }

    fileprivate static var invalid: OpaqueSymbols { OpaqueSymbols(terms: [:], invalid: true) }

    fileprivate var constant: Rational? {
        if terms.isEmpty { return 0 }
        return terms.count == 1 ? terms[[]] : nil
    }
}

extension OpaqueSymbols: Equatable, Comparable {
    static func == (a: OpaqueSymbols, b: OpaqueSymbols) -> Bool { !a.isInvalid && !b.isInvalid && a.terms == b.terms }
    /// Comparisons are not decided on opaque symbols: recorded as undecided (the proof fails).
    static func < (a: OpaqueSymbols, b: OpaqueSymbols) -> Bool {
        (a.recorder ?? b.recorder)?.record("the code compared \(a) < \(b) on opaque symbols")
        return false
    }
}

extension OpaqueSymbols: AlgebraicField {
    typealias Magnitude = OpaqueSymbols

    init(integerLiteral value: Int) { self.init(constant: Rational(value)) }
    init?<T: BinaryInteger>(exactly source: T) { self.init(constant: Rational(BigInt(source))) }

    var magnitude: OpaqueSymbols { .invalid }

    static func + (a: OpaqueSymbols, b: OpaqueSymbols) -> OpaqueSymbols {
        var sum = a.terms
        for (e, c) in b.terms { sum[e, default: 0] += c }
        return OpaqueSymbols(terms: sum, invalid: a.isInvalid || b.isInvalid, recorder: a.recorder ?? b.recorder)
    }
    static func - (a: OpaqueSymbols, b: OpaqueSymbols) -> OpaqueSymbols { a + (-b) }
    static prefix func - (a: OpaqueSymbols) -> OpaqueSymbols {
        OpaqueSymbols(terms: a.terms.mapValues { -$0 }, invalid: a.isInvalid, recorder: a.recorder)
    }
    static func * (a: OpaqueSymbols, b: OpaqueSymbols) -> OpaqueSymbols {
        var product: [[Int]: Rational] = [:]
        for (e1, c1) in a.terms {
            for (e2, c2) in b.terms {
                var e = [Int](repeating: 0, count: max(e1.count, e2.count))
                for (i, k) in e1.enumerated() { e[i] += k }
                for (i, k) in e2.enumerated() { e[i] += k }
                product[e, default: 0] += c1 * c2
            }
        }
        return OpaqueSymbols(terms: product, invalid: a.isInvalid || b.isInvalid, recorder: a.recorder ?? b.recorder)
    }
    static func / (a: OpaqueSymbols, b: OpaqueSymbols) -> OpaqueSymbols {
        guard let c = b.constant, !c.isZero else {
            (a.recorder ?? b.recorder)?.record("division by the non-constant \(b)")
            return .invalid
        }
        return a * OpaqueSymbols(constant: 1 / c)
    }
    static func += (a: inout OpaqueSymbols, b: OpaqueSymbols) { a = a + b }
    static func -= (a: inout OpaqueSymbols, b: OpaqueSymbols) { a = a - b }
    static func *= (a: inout OpaqueSymbols, b: OpaqueSymbols) { a = a * b }
    static func /= (a: inout OpaqueSymbols, b: OpaqueSymbols) { a = a / b }
}

extension OpaqueSymbols: CustomStringConvertible {
    var description: String {
        if isInvalid { return "invalid" }
        if terms.isEmpty { return "0" }
        return terms.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { e, c in
            let monomial = e.enumerated().filter { $0.element > 0 }
                .map { "x\($0.offset)" + ($0.element > 1 ? "^\($0.element)" : "") }.joined(separator: "·")
            return monomial.isEmpty ? "\(c)" : "\(c)·\(monomial)"
        }.joined(separator: " + ")
    }
}
