import ExactArithmetic
import SortingNetworks

extension CustomSigmoidProofs {
    static func sigmoidCertificate(_ family: PiecewiseRationalSigmoid, _ analysis: PiecewiseSigmoidAnalysis) -> Certificate {
        var log = ProofLog(
            name: "custom.sigmoid.\(family.name)",
            claim: "\(family.name) is a sigmoid: f is defined and continuous on ℝ, f′ is df/du on every piece, f′ ≥ 0, f → 0 as u → −∞ and f → 1 as u → +∞")
        var found: [String] = []
        let budget = analysis.pieces[0].context.budget
        for (k, piece) in analysis.pieces.enumerated() {
            let interval = piece.interval
            log.require(piece.context.undecided.isEmpty, "on \(interval): every comparison in the code is decided for the whole piece\(piece.context.undecided.isEmpty ? "" : ": " + piece.context.undecided.joined(separator: "; "))")
            guard piece.context.undecided.isEmpty else { continue }
            log.note("on \(interval): f = \(piece.f)")
            if piece.f.signClass() == nil {
                if let poles = RootIsolation.isolate(piece.f.denominator, in: interval, width: Rational(1).timesPowerOfTwo(-40), budget: budget), let pole = poles.first {
                    counterexample(&log, &found, "f has a pole at \(show(pole)) (a root of its denominator \(piece.f.denominator))")
                } else { log.require(false, "on \(interval): f has a pole, not isolated within the budget") }
                continue
            }
            let derivative = piece.f.derivative
            if piece.df == derivative {
                log.note("on \(interval): f′ = \(piece.df) equals df/du (quotient rule, exact)\(family.pieces[k].derivativeGiven ? "" : "; f′ was derived symbolically")")
            } else if !family.pieces[k].derivativeGiven {
                log.require(false, "on \(interval): the symbolically derived f′ = \(piece.df) differs from df/du = \(derivative)")
            } else {
                let difference = piece.df - derivative
                let points = RootIsolation.samplePoints(difference.numerator * difference.denominator * piece.df.denominator, in: interval, budget: budget) ?? []
                if let x = points.first(where: { !piece.df.denominator($0).isZero && !derivative.denominator($0).isZero && !difference.numerator($0).isZero }) {
                    counterexample(&log, &found, "the given f′ is not df/du: at u = \(x), given f′ = \(piece.df(x)), df/du = \(derivative(x))")
                } else { log.require(false, "on \(interval): the given f′ = \(piece.df) differs from df/du = \(derivative), no point found within the budget") }
            }
            if let sign = derivative.signClass(), sign.isNonNegative {
                log.note("on \(interval): df/du = \(derivative) is \(sign.rawValue) (Sturm)")
            } else if let point = RootIsolation.negativePoint(derivative, in: interval, budget: budget) {
                if let x = point { counterexample(&log, &found, "f decreases: at u = \(x), f′ = \(derivative(x)) < 0") }
                else { log.require(false, "on \(interval): df/du is not shown ≥ 0 and no negative point exists (undecided)") }
            } else { log.require(false, "on \(interval): sign of df/du: \(budget.exhausted ?? "undecided")") }
        }
        for (name, piece, target, towardsPlus) in [("−∞", analysis.pieces[0], Rational(0), false), ("+∞", analysis.pieces[analysis.pieces.count - 1], Rational(1), true)]
        where piece.context.undecided.isEmpty {
            let limit = piece.f.limit(toPositiveInfinity: towardsPlus)
            if limit == target { log.note("lim_{u→\(name)} f(u) = \(target) (exact)") }
            else { counterexample(&log, &found, "lim_{u→\(name)} f(u) = \(limit.map { "\($0)" } ?? "∞"), not \(target)") }
        }
        let jumps = analysis.jumps
        for (k, b) in analysis.breakpoints.enumerated() where !jumps.contains(where: { $0.point == b }) {
            log.note("continuous at u = \(b): one-sided limits and f(\(b)) all equal \(analysis.atBreakpoints[k].f!) (exact)")
        }
        for jump in jumps { counterexample(&log, &found, "f is not continuous " + jump.description) }
        for (k, b) in analysis.breakpoints.enumerated() where analysis.atBreakpoints[k].df == nil && analysis.atBreakpoints[k].f != nil {
            counterexample(&log, &found, "the code's f′ divides by zero at the breakpoint u = \(b)")
        }
        if let exhausted = budget.exhausted { log.require(false, exhausted) }
        return finish(log, counterexamples: found, figure: "sigmoid: continuous, non-decreasing, limits 0 and 1")
    }

    static func monotonicityCertificate(_ family: PiecewiseRationalSigmoid, _ analysis: PiecewiseSigmoidAnalysis) -> Certificate {
        var log = ProofLog(
            name: "custom.monotonicity.\(family.name)",
            claim: "\(family.name): the relaxed swap is monotonic — f continuous away from u = 0 and g(u) = f(u) + u·f′(u) ∈ [0, 1] on every piece")
        // ∂min_f/∂a = α + d·α′ = g(d), checked on the library's Jacobian code with opaque α, α′.
        NetworkMonotonicityProofs.jacobianOfAnySwap(log: &log)
        var found: [String] = []
        var weak = false
        let budget = analysis.pieces[0].context.budget
        for piece in analysis.pieces where piece.context.undecided.isEmpty {
            let u = PieceFunction.variable(on: piece.context)
            let g = piece.f + u * piece.f.derivative
            for (q, name) in [(g, "g"), (1 - g, "1 − g")] {
                if let sign = q.signClass(), sign.isNonNegative {
                    log.note("on \(piece.interval): \(name) = \(q) is \(sign.rawValue) (Sturm)")
                    if name == "g", sign == .zero { weak = true }
                } else if let point = RootIsolation.negativePoint(q, in: piece.interval, budget: budget) {
                    if let x = point {
                        let gx = g(x)
                        counterexample(&log, &found, name == "g"
                            ? "g(\(x)) = \(gx) < 0: at (a, b) = (0, \(x)), s = 1, ∂min_f/∂a = \(gx) < 0"
                            : "g(\(x)) = \(gx) > 1: at (a, b) = (0, \(x)), s = 1, ∂max_f/∂a = \(1 - gx) < 0")
                    } else { log.require(false, "on \(piece.interval): \(name) not shown ≥ 0 and no negative point exists (undecided)") }
                } else { log.require(false, "on \(piece.interval): sign of \(name): \(budget.exhausted ?? "undecided")") }
            }
        }
        for piece in analysis.pieces where !piece.context.undecided.isEmpty {
            log.require(false, "on \(piece.interval): " + piece.context.undecided.joined(separator: "; "))
        }
        for jump in analysis.jumps {
            if jump.point.isZero {
                log.require(jump.left != nil && jump.value != nil && jump.right != nil,
                            "f jumps at u = 0 with finite one-sided limits and value (\(jump.description)); min_f = b − d·f(d) multiplies f by d → 0 there, so min_f and max_f stay continuous")
                continue
            }
            if let drop = dropAcross(jump.point, family, budget: budget) { counterexample(&log, &found, drop) }
            else { log.require(false, "f is not continuous \(jump.description); no decreasing pair found within the budget") }
        }
        if let exhausted = budget.exhausted { log.require(false, exhausted) }
        return finish(log, counterexamples: found, figure: weak ? "0 ≤ g ≤ 1 on ℝ (weak: g ≡ 0 on a piece)" : "0 ≤ g ≤ 1 on ℝ")
    }

    /// Two exact points where raising one input lowers the soft minimum across a jump of `f` at
    /// `u₀` (s = 1): raising `a` in `(a, 0)` (`min_f = a·f(−a)`, near `a = −u₀`) or raising `b`
    /// in `(0, b)` (`min_f = b·(1 − f(b))`, near `b = u₀`).
    static func dropAcross(_ u0: Rational, _ family: PiecewiseRationalSigmoid, budget: ProofBudget) -> String? {
        func minRaisingA(_ x: Rational) -> Rational? { exactPoint(family, -x).f.map { x * $0 } }
        func minRaisingB(_ y: Rational) -> Rational? { exactPoint(family, y).f.map { y * (1 - $0) } }
        for k in 4...120 {
            guard budget.spend() else { return nil }
            let delta = Rational(1).timesPowerOfTwo(-k)
            for (center, softMin, pair) in [(-u0, minRaisingA, "(a, 0) with a"), (u0, minRaisingB, "(0, b) with b")] {
                for (x1, x2) in [(center - delta, center), (center, center + delta), (center - delta, center + delta)] {
                    if let m1 = softMin(x1), let m2 = softMin(x2), m2 < m1 {
                        return "\(pair) = \(x1) < \(x2): min_f drops from \(m1) to \(m2) (s = 1, exact): raising an input lowers the soft minimum"
                    }
                }
            }
        }
        return nil
    }
}
