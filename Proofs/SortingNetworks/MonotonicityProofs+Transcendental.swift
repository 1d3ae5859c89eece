import ExactArithmetic
import SortingNetworks

extension Polynomial {
    /// `p(−u)`.
    public var reflected: Polynomial {
        Polynomial(coefficients.enumerated().map { k, c in k % 2 == 0 ? c : -c })
    }
}

extension PieceFunction {
    /// `f(−u)`.
    var reflected: PieceFunction {
        PieceFunction(numerator: numerator.reflected, denominator: denominator.reflected, context: context)
    }
}

extension MonotonicityProofs {
    /// `J[0][0] = ∂y₀/∂x₀` of the library's Double reference code for a 2-element sort
    /// (one comparator), i.e. `g(u)` at `u = s·(x₁ − x₀)`.
    static func referenceJacobianEntry(_ family: SigmoidFamily, x: [Double], steepness: Double) -> Double? {
        guard let network = try? SortingNetwork(kind: .bitonic, n: 2, construction: .valid) else { return nil }
        let swap = family.conditionalSwap(steepness: steepness, artLambda: 0.25)
        return RelaxedSortingNetwork.jacobian(x: x, network: network, swap: swap)[0][0]
    }

    /// Cauchy: `g(u) = ½ + (arctan u + u/(1 + u²))/π ∈ (0, 1)` for every real `u`, with every
    /// step checked by code (no limits): the facts about `arctan` come from ``ArctanLemmas`` (its
    /// definition `arctan 0 = 0`, `arctan′ = 1/(1 + t²)`, and `π = 4·arctan 1`).
    ///
    /// - `u > 0`: `arctan u > 0`, `u/(1 + u²) > 0` (Sturm), `π > 0` ⇒ `g > ½`; `g(0) = ½`.
    /// - `u < 0`: with `v = −1/u > 0`, `arctan u = −arctan(1/v) = arctan v − π/2` (odd, reciprocal
    ///   lemma) and `u/(1 + u²) = −v/(1 + v²)` (checked as an identity of rational functions), so
    ///   `π·g(u) = h(v) := arctan v − v/(1 + v²)`; `h(0) = 0` and `h′(v) = 2v²/(1 + v²)² > 0` on
    ///   `(0, ∞)` (exact, Sturm) ⇒ `h > 0` ⇒ `g > 0`.
    /// - `g(u) + g(−u) = 1` (arctan odd, `u/(1 + u²)` odd) ⇒ `g < 1`.
    static func cauchy() -> Certificate {
        var log = ProofLog(
            name: "monotonicity-cauchy",
            claim: "cauchy: g(u) = ½ + (arctan u + u/(1+u²))/π ∈ (0, 1) for every real u, so the relaxed swap is monotonic")
        // Facts about arctan, from its definition (ArctanLemmas).
        ArctanLemmas.odd(log: &log)
        ArctanLemmas.reciprocal(log: &log)
        ArctanLemmas.positive(log: &log)
        ArctanLemmas.machin(log: &log)
        let pi = Certified.pi
        log.require(pi.isPositive, "π ∈ \(pi.decimal(digits: 30)) (Machin's series, certified; the same number as 4·arctan 1 by the identity above) > 0")

        let context = PieceContext(interval: .realLine)
        let u = PieceFunction.variable(on: context)
        let uR = u / (1 + u * u)
        // u > 0: g > ½.
        let rightHalf = uR.signClass(on: OpenInterval(0, nil))
        log.require(rightHalf == .positive, "u > 0: u/(1+u²) is \(rightHalf?.rawValue ?? "undefined") on (0, +∞) (Sturm); with arctan u > 0 and π > 0, g(u) > ½; g(0) = ½ exactly")
        // u < 0: substitute u = −1/v.
        let positive = OpenInterval(0, nil)
        let vContext = PieceContext(interval: positive)
        let v = PieceFunction.variable(on: vContext)
        let uOfV = -1 / v
        let substituted = uOfV / (1 + uOfV * uOfV)
        log.require(substituted == -v / (1 + v * v), "u = −1/v: u/(1+u²) = \(substituted), which equals −v/(1+v²) (identity of rational functions)")
        // π·g(u) − h(v) at u = −1/v, with π = 4·arctan 1: 2·arctan 1 + arctan(−1/v) + u/(1+u²) − arctan v + v/(1+v²).
        let rewrite = ArctanExpression([(2, PieceFunction(constant: 1)), (1, uOfV), (-1, v)], plus: substituted + v / (1 + v * v))
        ArctanLemmas.identity(rewrite, on: positive, at: 1, usingOddness: true,
                              "u = −1/v: π·g(u) − h(v) = 2·arctan 1 + arctan(−1/v) + u/(1+u²) − arctan v + v/(1+v²) = 0 with h(v) = arctan v − v/(1+v²)", log: &log)
        let h = ArctanExpression([(1, v)], plus: -v / (1 + v * v))
        let hPrime = h.derivative
        let hPrimeSign = hPrime.signClass()
        log.require(h.vanishes(at: 0, usingOddness: false) && hPrime == 2 * v * v / ((1 + v * v) * (1 + v * v)) && hPrimeSign == .positive,
                    "h(v) = arctan v − v/(1+v²): h(0) = 0 exactly, h′(v) = \(hPrime) = 2v²/(1+v²)², \(hPrimeSign?.rawValue ?? "undefined") on (0, +∞) (Sturm) ⇒ h > 0 ⇒ g(u) = h(v)/π > 0 for u < 0")
        // g(u) + g(−u) = 1.
        let oddRational = uR.reflected == -uR
        log.require(oddRational, "u/(1+u²) is odd (identity of rational functions); with arctan odd, g(u) + g(−u) = 1 + 0 = 1 ⇒ g(u) = 1 − g(−u) < 1")
        // g′ > 0 (not needed for the bounds; shows g is a strictly increasing bijection ℝ → (0, 1)).
        let R = 1 / (1 + u * u)
        let piTimesGPrime = 2 * R + u * R.derivative
        log.require(piTimesGPrime == 2 / ((1 + u * u) * (1 + u * u)) && piTimesGPrime.signClass() == .positive,
                    "π·g′(u) = 2R + u·R′ with R = 1/(1+u²) is exactly \(piTimesGPrime) > 0 on ℝ (Sturm): g strictly increasing")
        log.require(context.undecided.isEmpty && vContext.undecided.isEmpty, "no undecided comparison")
        // Certified values, and the library's Double code against them (spec TV1: g(−1) = 0.0908450569).
        for point in [Rational(-1), Rational(-2)] {
            let g = Enclosure(exactly: Rational(1, 2)) + (Certified.atan(point) + Enclosure(exactly: point / (1 + point * point))) / pi
            log.require(g.isPositive, "g(\(point)) ∈ \(g.decimal(digits: 15)) > 0 (certified)")
            if point == -1 {
                let spec = Rational("0.0908450569")!, halfUnit = Rational(5, 100_000_000_000)
                log.require(g.lower - halfUnit <= spec && spec <= g.upper + halfUnit, "agrees with spec TV1 g(−1) = 0.0908450569")
            } else {
                log.note("spec §4.5 lists +0.0202599 for u = −2; the certified value rounds to 0.0202597 (the spec's last digit is off)")
            }
            if let j = referenceJacobianEntry(.cauchy, x: [Double(-point.numerator.intValue!), 0], steepness: 1),
               let exact = Rational(exactly: j) {
                log.require((exact - g.midpoint).magnitude < Rational(1, 1 << 40),
                            "the Double reference code's J[0][0] at x = (\(-point), 0), s = 1 is \(j), inside the enclosure ± 2⁻⁴⁰")
            } else {
                log.require(false, "Double reference Jacobian could not be computed")
            }
        }
        return log.finish(.proved, figure: "0 < g < 1 on ℝ (u < 0 via v = −1/u: π·g = arctan v − v/(1+v²) > 0)")
    }

    /// A certified counterexample `g(u) < 0` for a non-monotonic family, plus the Double
    /// reference Jacobian at the same point.
    static func refutation(
        _ family: SigmoidFamily, u: Rational, g: Enclosure, x: [Double], spec: String, specIsExact: Bool = true, formula: String
    ) -> Certificate {
        var log = ProofLog(
            name: "monotonicity-\(family.rawValue)",
            claim: "\(family.rawValue): g(u) = f(u) + u·f′(u) ≥ 0 for every real u (monotonic swap)")
        log.note("g(u) = \(formula)")
        log.require(g.isNegative, "certified enclosure at u = \(u): g ∈ \(g.decimal(digits: 15)) < 0")
        if let specValue = Rational(spec) {
            let digits = spec.split(separator: ".").last.map { $0.count } ?? 0
            let halfUnit = Rational(1, 2) * Rational(10).power(-digits)
            let agrees = g.lower - halfUnit <= specValue && specValue <= g.upper + halfUnit
            if specIsExact {
                log.require(agrees, "agrees with the spec value \(spec) to its \(digits) digits (sorting-networks.md §4.5 / §8)")
            } else {
                log.note("spec value \(spec): \(agrees ? "agrees" : "differs in its last digit from the certified value")")
            }
        }
        if let j = referenceJacobianEntry(family, x: x, steepness: 1), let exact = Rational(exactly: j) {
            log.require(j < 0 && (exact - g.midpoint).magnitude < Rational(1, 1 << 40),
                        "Double reference code: sort of x = (\(x[0]), \(x[1])) at s = 1 has J[0][0] = ∂y₀/∂x₀ = \(j) < 0 (inside the enclosure ± 2⁻⁴⁰)")
        } else {
            log.require(false, "Double reference Jacobian could not be computed")
        }
        return log.finish(.refuted, figure: "g(\(u)) ∈ \(g.decimal(digits: 10)) < 0")
    }

    /// logistic at `u = −2` (spec TV2): `g = σ(u)(1 + u(1 − σ(u)))`.
    static func logistic() -> Certificate {
        let u = Rational(-2)
        let sigma = Certified.logistic(u)
        let g = sigma * (Enclosure(exactly: 1) + u * (Enclosure(exactly: 1) - sigma))
        return refutation(.logistic, u: u, g: g, x: [2, 0], spec: "-0.0907842488", formula: "σ(u)·(1 + u·(1 − σ(u))), σ(u) = 1/(1 + e^(−u)), e^x from its Taylor series with remainder bound")
    }

    /// gaussian at `u = −1`: `g = Φ(u) + u·φ(u)`.
    static func gaussian() -> Certificate {
        let u = Rational(-1)
        let g = Certified.normalCDF(u) + u * Certified.normalDensity(u)
        return refutation(.gaussian, u: u, g: g, x: [1, 0], spec: "-0.0833155", formula: "Φ(u) + u·φ(u), Φ from its alternating series, φ = e^(−u²/2)/√(2π), π by Machin")
    }

    /// logistic_phi (λ = ¼, the code's ε = 1e−10) at `a = 3, b = 0, s = 1`:
    /// `∂mn/∂a = σ(t) + d·s·σ′(t)·dφ/dd` with `d = −3`, `t = s·d/(|d| + ε)^λ`,
    /// `dφ/dd = ((1 − λ)|d| + ε)/(|d| + ε)^(λ+1)` (sorting-networks.md §3.2).
    static func logisticPhi() -> Certificate {
        let epsilon = Rational(exactly: sigmoidGuardEpsilon)!
        let d = Rational(-3), lambda = Rational(1, 4)
        let absD = d.magnitude + epsilon
        let fourthRoot = Certified.root(absD, degree: 4)  // (|d| + ε)^¼
        let t = Enclosure(exactly: d) / fourthRoot
        let sigma = Certified.logistic(t)
        precondition(sigma.upper < Rational(1, 2))
        // σ(1 − σ) is increasing on [0, ½].
        let sigmaPrime = Enclosure(sigma.lower * (1 - sigma.lower), sigma.upper * (1 - sigma.upper))
        let dPhi = Enclosure(exactly: (1 - lambda) * d.magnitude + epsilon) / (Enclosure(exactly: absD) * fourthRoot)
        let g = sigma + d * (sigmaPrime * dPhi)
        return refutation(.logisticPhi, u: d, g: g, x: [3, 0], spec: "-0.0511440", specIsExact: false,
                          formula: "σ(t) + d·σ′(t)·dφ/dd at d = b − a = −3 (u column shows d), t = d/(|d|+ε)^¼, ε = 1e−10 exactly as the code adds it")
    }
}
