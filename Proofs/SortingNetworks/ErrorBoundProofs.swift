import ExactArithmetic
import SortingNetworks

/// Error bounds (arXiv 2203.09630, §4): `sup_{d>0} d·f(−s·d)` — the worst deviation of one
/// soft min/max from the hard one — equals the family's constant divided by `s`.
///
/// For the rational families every step is exact, for every steepness s > 0 (``ScaledFunction``). For
/// the transcendental families the maximiser is bracketed by certified bisection, but that it is
/// the *global* maximiser rests on a sign lemma not checked by code; those claims are therefore
/// `tested`: `h(v) ≤ c` is checked with certified enclosures on a grid of v.
enum ErrorBoundProofs {
    /// The grid of the tested transcendental bounds: v = k/4, k = 1…32.
    static let grid: [Rational] = (1...32).map { Rational($0, 4) }

    /// Checks `h(v) ≤ bound` (certified) at every grid point and records the sample.
    static func gridCheck(_ h: (Rational) -> Enclosure, bound: Rational, grid: [Rational] = grid, gridText: String = "v = k/4, k = 1…32", log: inout ProofLog) {
        var worst = Rational(-1), worstAt = Rational(0)
        for v in grid {
            let value = h(v)
            if value.lower > bound {
                log.counterexample("h(\(v)) ∈ \(value.decimal(digits: 15)) exceeds the bound \(Enclosure(exactly: bound).decimal(digits: 15)) (certified)")
            }
            if value.upper > worst { worst = value.upper; worstAt = v }
        }
        log.note("h(v) ≤ \(Enclosure(exactly: bound).decimal(digits: 12)) at every \(gridText) (certified enclosures); largest upper end \(Enclosure(exactly: worst).decimal(digits: 12)) at v = \(worstAt)")
        log.sample(cases: grid.count, seed: "grid \(gridText) (no randomness)",
                   notCovered: "v between grid points and beyond the grid's largest v; that the bracketed critical point is the global maximiser (a sign lemma argued, not checked by code)")
    }

    /// reciprocal (`c = 1`, approached as d → ∞) and optimal (`c = 1/16`, attained at d = 1/(4s)),
    /// for every steepness s > 0 at once: the library's `conditionalSwap(steepness:)` runs over
    /// ``ScaledFunction`` (d = u/s), so the deviation is computed as `s⁻¹·E₁(u)` with `u = s·d`
    /// and the `u = s·d` scaling of the code is checked, not assumed.
    static func rational(_ family: RationalSigmoidFamily) -> Certificate {
        let constant: Rational = family == .reciprocal ? 1 : Rational(1, 16)
        var log = ProofLog(
            name: "sorting.error-bound.\(family.rawValue)",
            claim: "\(family.rawValue): sup_{d>0} d·f(−s·d) = \(constant)/s exactly (\(family == .reciprocal ? "approached as d → ∞, not attained" : "attained at d = 1/(4s)"))",
            domain: "every real d > 0 and every steepness s > 0")
        let zero = ScaledFunction(power: 0, PieceFunction(constant: 0))
        let swap = family.conditionalSwap(steepness: ScaledFunction.steepness, guardEpsilon: zero)
        // The piece boundary of optimal: u = s·d = ¼.
        let points: [Rational] = family == .optimal ? [Rational(1, 4)] : []
        let bounds: [Rational?] = [Rational(0)] + points.map { $0 } + [nil]
        for (lower, upper) in zip(bounds, bounds.dropFirst()) {
            let piece = OpenInterval(lower, upper)
            let context = PieceContext(interval: piece)
            let d = ScaledFunction.difference(on: context)
            // Soft minimum of (a, b) = (d, 0): α = f(s·(0 − d)), deviation from min = 0 is α·d.
            let deviation = swap.alpha(-d).value * d
            let E = deviation.p  // deviation = s⁻¹·E(u)
            let slack = (PieceFunction(constant: constant) - E).signClass()
            // dE/dd = s⁻¹·E′(u)·s = E′(u).
            let slope = E.derivative.signClass()
            log.require(context.undecided.isEmpty && deviation.power == -1 && slack?.isNonNegative == true && slope?.isNonNegative == true,
                        "u = s·d ∈ \(piece), every s > 0: the code's deviation is s^\(deviation.power)·E(u) with E(u) = \(E); \(constant) − E is \(slack?.rawValue ?? "undefined"), E′ is \(slope?.rawValue ?? "undefined") (so the deviation ≤ \(constant)/s and increases in d)")
            if upper == nil {
                let limit = E.limit(toPositiveInfinity: true)
                log.require(limit == constant, "lim_{u→∞} E(u) = \(limit.map { "\($0)" } ?? "∞") = \(constant), so the deviation tends to \(constant)/s as d → ∞")
            }
        }
        if family == .optimal {
            let context = PieceContext(interval: .realLine)
            let kink = ScaledFunction(power: -1, PieceFunction(numerator: Polynomial(constant: Rational(1, 4)), context: context))
            let attained = swap.alpha(-kink).value * kink
            log.require(context.undecided.isEmpty && attained == ScaledFunction(power: -1, PieceFunction(constant: constant)),
                        "at d = 1/(4s): the deviation is \(attained) = \(constant)/s (attained, exact, every s > 0)")
        }
        return log.finish(.proved, figure: "sup = \(constant)/s, every s > 0" + (family == .reciprocal ? " (limit d → ∞)" : " (attained at d = 1/(4s))"))
    }

    /// Cauchy: `E(d) = h(s·d)/s` with `h(v) = v·(½ − arctan(v)/π) = v·arctan(1/v)/π` for v > 0.
    static func cauchy() -> Certificate {
        var log = ProofLog(
            name: "sorting.error-bound.cauchy",
            claim: "cauchy: sup_{d>0} d·f(−s·d) = 1/(π s) (approached as d → ∞, not attained)")
        log.note("d·f(−s·d) = h(s·d)/s with h(v) = v·(½ − arctan(v)/π)")
        let context = PieceContext(interval: OpenInterval(0, nil))
        let v = PieceFunction.variable(on: context)
        let w = 1 / v
        let atanInvPrime = (1 / (1 + w * w)) * w.derivative  // d/dv arctan(1/v), chain rule
        log.require(atanInvPrime == -1 / (1 + v * v), "d/dv arctan(1/v) = \(atanInvPrime) (chain rule, exact)")
        // π·h′(v) = arctan(1/v) + v·d/dv arctan(1/v) =: k(v); k′ = 2·d/dv arctan(1/v) + v·(d/dv arctan(1/v))′.
        let rationalPart = v * atanInvPrime  // −v/(1+v²)
        let kPrime = atanInvPrime + rationalPart.derivative
        let kSign = kPrime.signClass()
        log.require(kSign == .negative, "k(v) = arctan(1/v) − v/(1+v²) has k′(v) = \(kPrime), \(kSign?.rawValue ?? "undefined") on (0, ∞)")
        log.require(rationalPart.limit(toPositiveInfinity: true) == 0, "lim_{v→∞} v/(1+v²) = 0 (exact)")
        let inversePi = Enclosure(exactly: 1) / Certified.pi
        log.note("1/π ∈ \(inversePi.decimal(digits: 30)) (certified)")
        var previous = Rational(0)
        for vValue in [Rational(1), Rational(10), Rational(100), Rational(1000)] {
            let h = vValue * (Enclosure(exactly: Rational(1, 2)) - Certified.atan(vValue) / Certified.pi)
            log.require(h.lower > previous && h.upper < inversePi.lower,
                        "h(\(vValue)) ∈ \(h.decimal(digits: 12)): increasing, below 1/π and approaching it (certified)")
            previous = h.upper
        }
        gridCheck({ v in v * (Enclosure(exactly: Rational(1, 2)) - Certified.atan(v) / Certified.pi) }, bound: inversePi.upper, log: &log)
        log.require(inversePi.contains(Rational(exactly: SigmoidFamily.cauchy.errorBoundConstant)!) ||
                    (Rational(exactly: SigmoidFamily.cauchy.errorBoundConstant)! - inversePi.midpoint).magnitude < Rational(1, 1 << 52),
                    "the library's constant \(SigmoidFamily.cauchy.errorBoundConstant) is 1/π to Double precision")
        log.require(inversePi.lower - Rational(1, 20_000_000) <= Rational("0.3183099")! && Rational("0.3183099")! <= inversePi.upper + Rational(1, 20_000_000),
                    "the published constant 0.3183099 = 1/π to its 7 digits")
        return log.finish( figure: "sup = 1/(π s), 1/π ∈ \(inversePi.decimal(digits: 15))")
    }

    /// Bisects `[lower, upper]` on the sign of a certified function that is positive at `lower`
    /// and negative at `upper` with a unique root, until the enclosures stop deciding.
    static func bracketRoot(_ lower: Rational, _ upper: Rational, steps: Int, _ k: (Rational) -> Enclosure) -> (Rational, Rational)? {
        guard k(lower).isPositive, k(upper).isNegative else { return nil }
        var (a, b) = (lower, upper)
        for _ in 0..<steps {
            let m = Rational.midpoint(a, b)
            let value = k(m)
            if value.isPositive { a = m } else if value.isNegative { b = m } else { break }
        }
        return (a, b)
    }

    /// Checks a certified enclosure against a published constant given to `digits` decimals and
    /// the library's `errorBoundConstant`.
    static func compare(_ value: Enclosure, spec: String, family: SigmoidFamily, log: inout ProofLog) {
        let digits = spec.split(separator: ".").last.map { $0.count } ?? 0
        let halfUnit = Rational(1, 2) * Rational(10).power(-digits)
        let specValue = Rational(spec)!
        log.require(value.lower - halfUnit <= specValue && specValue <= value.upper + halfUnit,
                    "the published constant \(spec) agrees with the enclosure to its \(digits) digits")
        let library = Rational(exactly: family.errorBoundConstant)!
        log.require(value.lower - halfUnit <= library && library <= value.upper + halfUnit,
                    "the library's errorBoundConstant \(family.errorBoundConstant) agrees to \(digits) digits")
    }

    /// logistic: `h(v) = v·σ(−v)`, `h′(v) = σ(−v)·(1 − v·σ(v))`; `v·σ(v)` is strictly increasing on
    /// v > 0, so `h` has one maximiser `v*` (`v*·σ(v*) = 1`) and `h(v*) = v*·(1 − σ(v*)) = v* − 1`.
    static func logistic() -> Certificate {
        var log = ProofLog(name: "sorting.error-bound.logistic", claim: "logistic: sup_{d>0} d·f(−s·d) = 0.2784645428/s (certified enclosure)")
        log.note("E(d) = h(s·d)/s, h(v) = v·σ(−v); h′(v) = σ(−v)·k(v) with k(v) = 1 − v·σ(v)")
        log.note("(v·σ(v))′ = σ(v)·(1 + v·(1 − σ(v))) > 0 for v > 0 ⇒ k strictly decreasing ⇒ one maximiser v*, h(v*) = v* − 1")
        guard let (a, b) = bracketRoot(1, 2, steps: 60, { v in Enclosure(exactly: 1) - v * Certified.logistic(v) }) else {
            log.fail("k(1) > 0 > k(2) (certified)")
            return log.finish(figure: "—")
        }
        log.note("k(1) > 0 > k(2) certified; bisection: v* ∈ \(Enclosure(a, b).decimal(digits: 16))")
        let value = Enclosure(a - 1, b - 1)
        log.note("sup h = v* − 1 ∈ \(value.decimal(digits: 16))")
        compare(value, spec: "0.2784645428", family: .logistic, log: &log)
        gridCheck({ v in v * Certified.logistic(-v) }, bound: value.upper, log: &log)
        return log.finish( figure: "sup = c/s, c ∈ \(value.decimal(digits: 12))")
    }

    /// gaussian: `h(v) = v·Φ(−v)`, `h′ = k(v) = Φ(−v) − v·φ(v)`, `k′ = φ(v)(v² − 2)`: k decreases
    /// on (0, √2) from ½ and increases to 0 on (√2, ∞), so one root v* ∈ (0, √2); there
    /// `Φ(−v*) = v*·φ(v*)` and `h(v*) = v*²·φ(v*)`, increasing in v* on (0, √2).
    static func gaussian() -> Certificate {
        var log = ProofLog(name: "sorting.error-bound.gaussian", claim: "gaussian: sup_{d>0} d·f(−s·d) = 0.1699712/s (certified enclosure)")
        log.note("E(d) = h(s·d)/s, h(v) = v·Φ(−v); h′(v) = k(v) = Φ(−v) − v·φ(v); k′(v) = φ(v)·(v² − 2)")
        log.note("k(0) = ½, k ↓ on (0, √2), k ↑ to k(∞) = 0 on (√2, ∞) ⇒ exactly one root v* ∈ (0, √2), the maximiser of h")
        let k: (Rational) -> Enclosure = { v in Certified.normalCDF(-v) - v * Certified.normalDensity(v) }
        guard let (a, b) = bracketRoot(Rational(1, 2), 1, steps: 60, k) else {
            log.fail("k(½) > 0 > k(1) (certified)")
            return log.finish(figure: "—")
        }
        log.note("k(½) > 0 > k(1) certified; bisection: v* ∈ \(Enclosure(a, b).decimal(digits: 16))")
        let value = Enclosure((a * a * Certified.normalDensity(a)).lower, (b * b * Certified.normalDensity(b)).upper)
        log.note("sup h = v*²·φ(v*) ∈ \(value.decimal(digits: 16)) (v²φ(v) increasing on (0, √2))")
        compare(value, spec: "0.1699712", family: .gaussian, log: &log)
        // The certified Φ is a series for |v| ≤ 1 only, so the gaussian grid stops at v = 1.
        gridCheck({ v in v * Certified.normalCDF(-v) }, bound: value.upper, grid: (1...32).map { Rational($0, 32) },
                  gridText: "v = k/32, k = 1…32", log: &log)
        return log.finish( figure: "sup = c/s, c ∈ \(value.decimal(digits: 12))")
    }

    /// logistic_phi (λ = ¼) with ε = 0, i.e. without the `1e−10` the code adds to `|d|`:
    /// `α(−d) = σ(−s·d^¾)`, so with `t = s·d^¾`
    /// `E(d) = d·σ(−t) = s^(−4/3)·h(t)`, `h(t) = t^(4/3)·σ(−t)`; `h′ = t^(1/3)·σ(−t)·(4/3 − t·σ(t))`
    /// and `t·σ(t)` is strictly increasing, so one maximiser `t*` with `t*·σ(t*) = 4/3`, where
    /// `h(t*) = t*^(4/3)·(1 − 4/(3t*)) = t*^(1/3)·(t* − 4/3)` (increasing in t* > 4/3).
    static func logisticPhi() -> Certificate {
        var log = ProofLog(
            name: "sorting.error-bound.logistic_phi",
            claim: "logistic_phi (λ = ¼, ε = 0): sup_{d>0} d·σ(−s·d^¾) = 0.3143564·s^(−4/3) (certified enclosure)")
        log.note("t = s·d/|d|^¼ = s·d^¾ ⇒ d·σ(−t) = s^(−4/3)·h(t), h(t) = t^(4/3)·σ(−t)")
        log.note("h′(t) = t^(1/3)·σ(−t)·k(t), k(t) = 4/3 − t·σ(t); (t·σ(t))′ > 0 for t > 0 ⇒ one maximiser t*")
        let k: (Rational) -> Enclosure = { t in Enclosure(exactly: Rational(4, 3)) - t * Certified.logistic(t) }
        guard let (a, b) = bracketRoot(Rational(3, 2), 2, steps: 60, k) else {
            log.fail("k(3/2) > 0 > k(2) (certified)")
            return log.finish(figure: "—")
        }
        log.note("k(3/2) > 0 > k(2) certified; bisection: t* ∈ \(Enclosure(a, b).decimal(digits: 16))")
        let value = Enclosure(
            (Certified.root(a, degree: 3) * Enclosure(exactly: a - Rational(4, 3))).lower,
            (Certified.root(b, degree: 3) * Enclosure(exactly: b - Rational(4, 3))).upper)
        log.note("sup h = t*^(1/3)·(t* − 4/3) ∈ \(value.decimal(digits: 16))")
        compare(value, spec: "0.3143564", family: .logisticPhi, log: &log)
        gridCheck({ t in Certified.root(t, degree: 3) * Enclosure(exactly: t) * Certified.logistic(-t) }, bound: value.upper, log: &log)
        log.note("stated for ε = 0; the library's code adds ε = 1e−10 to |d| (not covered by this claim)")
        return log.finish( figure: "sup = c·s^(−4/3), c ∈ \(value.decimal(digits: 12))")
    }
}
