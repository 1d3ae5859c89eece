import ExactArithmetic

/// `F(x) = Σ cᵢ·arctan(qᵢ(x)) + r(x)` with rational constants `cᵢ` and rational functions `qᵢ`,
/// `r` of one real variable: the form in which the proofs state facts about `arctan` so that
/// code checks them.
///
/// `arctan` enters only through its definition: `arctan 0 = 0` and `arctan′(t) = 1/(1 + t²)`.
/// With the chain rule `F′ = Σ cᵢ·qᵢ′/(1 + qᵢ²) + r′` is again a rational function, computed
/// exactly. The rule applied by ``ArctanLemmas`` is the mean-value theorem: on an open interval
/// where every `qᵢ` and `r` is pole-free, `F′ ≡ 0` and `F(c) = 0` give `F ≡ 0`; `F′ > 0`
/// (Sturm) and `F(c) = 0` give `F > 0` right of `c`.
struct ArctanExpression {
    var terms: [(coefficient: Rational, argument: PieceFunction)]
    var rational: PieceFunction

    init(_ terms: [(coefficient: Rational, argument: PieceFunction)], plus rational: PieceFunction = 0) {
        self.terms = terms
        self.rational = rational
    }

    /// `F′` as an exact rational function (chain rule with `arctan′(t) = 1/(1 + t²)`).
    var derivative: PieceFunction {
        terms.reduce(rational.derivative) { sum, term in
            sum + PieceFunction(constant: term.coefficient) * term.argument.derivative / (1 + term.argument * term.argument)
        }
    }

    /// Whether every argument and the rational part are pole-free on `interval` (so `F` is
    /// differentiable there).
    func isSmooth(on interval: OpenInterval) -> Bool {
        (terms.map(\.argument) + [rational]).allSatisfy { q in
            let sign = PieceFunction(numerator: q.denominator).signClass(on: interval)
            return sign == .positive || sign == .negative
        }
    }

    /// Whether `F(c) = 0`, decided exactly: the arctan terms are grouped by the value of their
    /// argument at `c` (with `arctan 0 = 0`, and, once ``ArctanLemmas/odd`` is established,
    /// `arctan(−a) = −arctan a`); every group's coefficient sum and `r(c)` must vanish.
    func vanishes(at c: Rational, usingOddness: Bool) -> Bool {
        guard rational.denominator(c) != 0, rational(c).isZero else { return false }
        var groups: [Rational: Rational] = [:]
        for term in terms {
            guard term.argument.denominator(c) != 0 else { return false }
            let value = term.argument(c)
            if value.isZero { continue }
            if usingOddness, value < 0 {
                groups[-value, default: 0] -= term.coefficient
            } else {
                groups[value, default: 0] += term.coefficient
            }
        }
        return groups.values.allSatisfy(\.isZero)
    }
}

/// The facts about `arctan` the cauchy proofs use, each checked by code from the definition
/// (`arctan 0 = 0`, `arctan′ = 1/(1 + t²)`) with ``ArctanExpression``. `π` is `4·arctan 1`; the
/// certified enclosure `Certified.pi` evaluates Machin's `16·arctan(1/5) − 4·arctan(1/239)`,
/// which ``machin(_:)`` shows to be the same number.
enum ArctanLemmas {
    /// Checks `F ≡ 0` on `interval` from `F′ ≡ 0` there and `F(c) = 0`.
    static func identity(
        _ F: ArctanExpression, on interval: OpenInterval, at c: Rational, usingOddness: Bool,
        _ statement: String, log: inout ProofLog
    ) {
        let smooth = F.isSmooth(on: interval)
        let derivative = F.derivative
        let flat = derivative == 0
        let anchored = F.vanishes(at: c, usingOddness: usingOddness)
        log.require(smooth && flat && anchored,
                    "\(statement) on \(interval): F′ simplifies exactly to \(derivative), no pole on the interval, F(\(c)) = 0 exactly ⇒ F ≡ 0")
    }

    /// `arctan(−x) + arctan(x) = 0` for every real x (arctan is odd).
    static func odd(log: inout ProofLog) {
        let x = PieceFunction.variable(on: PieceContext(interval: .realLine))
        identity(ArctanExpression([(1, -x), (1, x)]), on: .realLine, at: 0, usingOddness: false,
                 "arctan(−x) + arctan(x) = 0", log: &log)
    }

    /// `arctan(1/v) + arctan(v) − 2·arctan(1) = 0` for v > 0, i.e. `arctan(1/v) = π/2 − arctan v`.
    static func reciprocal(log: inout ProofLog) {
        let positive = OpenInterval(0, nil)
        let v = PieceFunction.variable(on: PieceContext(interval: positive))
        identity(ArctanExpression([(1, 1 / v), (1, v), (-2, PieceFunction(constant: 1))]), on: positive, at: 1, usingOddness: false,
                 "arctan(1/v) + arctan(v) − 2·arctan 1 = 0 (so arctan(1/v) = π/2 − arctan v)", log: &log)
    }

    /// `arctan a + arctan b = arctan((a + b)/(1 − a·b))` for the fixed rational `b` and every `a`
    /// on the side of the pole `a = 1/b` that contains 0; `true` if `a` lies there and the identity
    /// was checked. Returns the combined argument.
    static func addition(_ a: Rational, _ b: Rational, log: inout ProofLog) -> Rational? {
        let interval: OpenInterval = b.isZero ? .realLine : (b > 0 ? OpenInterval(nil, 1 / b) : OpenInterval(1 / b, nil))
        let inside = (interval.lower.map { $0 < a } ?? true) && (interval.upper.map { a < $0 } ?? true)
        let x = PieceFunction.variable(on: PieceContext(interval: interval))
        let bb = PieceFunction(constant: b)
        let q = (x + bb) / (1 - x * bb)
        identity(ArctanExpression([(1, x), (1, bb), (-1, q)]), on: interval, at: 0, usingOddness: false,
                 "arctan a + arctan(\(b)) = arctan((a + \(b))/(1 − \(b)·a))", log: &log)
        log.require(inside, "a = \(a) lies in \(interval)")
        return inside ? (a + b) / (1 - a * b) : nil
    }

    /// Machin: `4·arctan(1/5) − arctan(1/239) = arctan 1`, so `Certified.pi` encloses `4·arctan 1`.
    static func machin(log: inout ProofLog) {
        let fifth = Rational(1, 5)
        guard let twice = addition(fifth, fifth, log: &log),          // 2·arctan(1/5) = arctan(5/12)
              let four = addition(twice, twice, log: &log),            // 4·arctan(1/5) = arctan(120/119)
              let one = addition(four, Rational(-1, 239), log: &log)   // … + arctan(−1/239)
        else { return }
        log.require(twice == Rational(5, 12) && four == Rational(120, 119) && one == 1,
                    "2·arctan(1/5) = arctan(\(twice)), 4·arctan(1/5) = arctan(\(four)), 4·arctan(1/5) − arctan(1/239) = arctan(\(one)) (exact; arctan odd)")
    }

    /// `arctan x > 0` for every `x > 0`: `arctan 0 = 0` and `arctan′ = 1/(1 + x²) > 0` (Sturm).
    static func positive(log: inout ProofLog) {
        let x = PieceFunction.variable(on: PieceContext(interval: .realLine))
        let derivative = ArctanExpression([(1, x)]).derivative
        log.require(derivative.signClass() == .positive, "arctan′(x) = \(derivative) > 0 on ℝ (Sturm) and arctan 0 = 0 ⇒ arctan x > 0 for x > 0; so π = 4·arctan 1 > 0")
    }
}
