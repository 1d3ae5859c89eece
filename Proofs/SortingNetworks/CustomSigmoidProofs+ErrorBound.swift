import ExactArithmetic
import SortingNetworks

extension CustomSigmoidProofs {
    /// One candidate for `sup E`, `E(u) = −u·f(u)` on `u < 0` (that is `d·f(−d)`, `d = −u`).
    struct Candidate {
        let value: Enclosure
        /// Exact value, when known.
        let exact: Rational?
        /// `true`: taken at a point `d > 0`; `false`: a limit (d → 0⁺ or d → ∞).
        let attained: Bool
        let place: String
    }

    /// `c = sup_{d>0} d·f(−d)`: `E` is continuous on `u < 0` (the sigmoid certificate proves it),
    /// so the supremum is the largest of its limits at the ends, its values at the breakpoints and
    /// its values at the roots of `E′` inside the pieces (isolated by Sturm; exact when a root is
    /// rational, else enclosed by interval evaluation over a root interval of width ≤ 2⁻⁸⁰).
    static func errorBoundCertificate(_ family: PiecewiseRationalSigmoid, _ analysis: PiecewiseSigmoidAnalysis, isSigmoid: Bool) -> (Certificate, Rational?) {
        var log = ProofLog(
            name: "custom.error-bound.\(family.name)",
            claim: "\(family.name): sup_{d>0} d·f(−s·d) = c/s with c = sup_{d>0} d·f(−d) (v = s·d), c exact where attained or a limit, certified enclosure otherwise")
        guard isSigmoid else {
            log.require(false, "f is not a proved sigmoid (see custom.sigmoid.\(family.name)), so E(d) = d·f(−d) is not known to be continuous")
            return (log.finish(.proved, figure: "not computed: not a sigmoid"), nil)
        }
        let budget = analysis.pieces[0].context.budget
        let width = Rational(1).timesPowerOfTwo(-80)
        var candidates: [Candidate] = [Candidate(value: Enclosure(exactly: 0), exact: 0, attained: false, place: "d → 0⁺")]
        for (k, piece) in analysis.pieces.enumerated() {
            guard piece.interval.lower.map({ $0 < 0 }) ?? true else { continue }
            let interval = OpenInterval(piece.interval.lower, min(piece.interval.upper ?? 0, 0))
            let u = PieceFunction.variable(on: piece.context)
            let e = -u * piece.f
            let slope = e.derivative
            log.note("on u ∈ \(interval): E = −u·f(u) = \(e), E′ = \(slope)")
            if interval.lower == nil {
                guard let limit = e.limit(toPositiveInfinity: false) else {
                    log.require(false, "lim_{d→∞} d·f(−d) = ∞")
                    return (log.finish(.proved, figure: "sup = ∞"), nil)
                }
                candidates.append(Candidate(value: Enclosure(exactly: limit), exact: limit, attained: false, place: "d → ∞"))
            }
            if let upper = interval.upper, upper < 0, let value = analysis.atBreakpoints[k].f {
                candidates.append(Candidate(value: Enclosure(exactly: -upper * value), exact: -upper * value, attained: true, place: "d = \(-upper)"))
            }
            if slope.numerator.isZero {
                guard let x = RootIsolation.samplePoints(.u, in: interval, budget: budget)?.first else { continue }
                candidates.append(Candidate(value: Enclosure(exactly: e(x)), exact: e(x), attained: true, place: "every d in \(OpenInterval(interval.upper.map { -$0 }, interval.lower.map { -$0 } ))"))
                continue
            }
            guard let roots = RootIsolation.isolate(slope.numerator, in: interval, width: width, budget: budget) else {
                log.require(false, "critical points of E on \(interval): \(budget.exhausted ?? "budget")")
                return (log.finish(.proved, figure: "—"), nil)
            }
            for (a, b) in roots {
                let guess = RootIsolation.simplest(a, b)
                if slope.numerator(guess).isZero {
                    candidates.append(Candidate(value: Enclosure(exactly: e(guess)), exact: e(guess), attained: true, place: "d = \(-guess)"))
                } else if let value = RootIsolation.enclose(e, a, b) {
                    candidates.append(Candidate(value: value, exact: nil, attained: true, place: "d ∈ \(Enclosure(-b, -a).decimal(digits: 20)) (a root of E′, irrational or not found as a simple fraction)"))
                } else {
                    log.require(false, "could not enclose E near the critical point \(show((a, b)))")
                }
            }
        }
        for c in candidates { log.note("candidate at \(c.place): \(c.exact.map { "\($0) (exact)" } ?? c.value.decimal(digits: 20))") }
        let lower = candidates.map(\.value.lower).max()!, upper = candidates.map(\.value.upper).max()!
        let steepness = "; for steepness s the bound is c/s"
        if lower == upper {
            let attainedAt = candidates.filter { $0.attained && $0.exact == upper }.map(\.place)
            let how = attainedAt.isEmpty
                ? "approached as \(candidates.first { $0.exact == upper }!.place), not attained"
                : "attained at \(attainedAt.joined(separator: ", "))"
            log.note("c = \(upper) exactly (\(how))")
            return (log.finish(.proved, figure: "c = \(upper) (\(how))" + steepness), upper)
        }
        let value = Enclosure(lower, upper)
        log.note("c ∈ \(value.decimal(digits: 20)) (certified enclosure)")
        return (log.finish(.proved, figure: "c ∈ \(value.decimal(digits: 15)) (certified)" + steepness), nil)
    }
}
