import ExactArithmetic
import RealModule
import SortingNetworks

/// Monotonicity theorem per family (sorting-networks.md §4.2): the relaxed conditional swap is
/// monotonic iff `g(u) = f(u) + u·f′(u)` satisfies `0 ≤ g ≤ 1` for every real `u`.
enum MonotonicityProofs {
    /// The library's generic sigmoid code for a rational family (unguarded: the mathematical `f`).
    static func sigmoid<T: AlgebraicField & Comparable>(_ family: RationalSigmoidFamily, _ u: T) -> (f: T, df: T) {
        switch family {
        case .reciprocal: Sigmoid.reciprocal(u)
        case .optimal: Sigmoid.optimal(u, guardEpsilon: 0)
        }
    }

    static func breakpoints(_ family: RationalSigmoidFamily) -> [Rational] {
        switch family {
        case .reciprocal: [0]
        case .optimal: [Rational(-1, 4), Rational(1, 4)]
        }
    }

    /// The open pieces between consecutive breakpoints (unbounded at both ends).
    static func pieces(between points: [Rational]) -> [OpenInterval] {
        let bounds: [Rational?] = [nil] + points.map { $0 } + [nil]
        return zip(bounds, bounds.dropFirst()).map { OpenInterval($0, $1) }
    }

    /// Exact proof for `reciprocal` / `optimal`: the library's `Sigmoid` code is run symbolically
    /// on each open piece (every branch decided for the whole piece), its `f′` is checked to be the
    /// derivative of its `f`, `f` is checked to be continuous at every breakpoint, and `g` and
    /// `1 − g` are shown non-negative by Sturm-sequence sign analysis. With `f` continuous and
    /// piecewise rational, `∂min/∂a = g(b − a)` off the breakpoints decides monotonicity.
    static func rational(_ family: RationalSigmoidFamily, guardEpsilon: Rational = 0, budget: ProofBudget = ProofBudget()) -> Certificate {
        let guarded = !guardEpsilon.isZero
        let label = family.rawValue + (guarded ? " (guard ε = \(guardEpsilon))" : "")
        let analysis = PiecewiseSigmoidAnalysis(
            breakpoints: breakpoints(family), budget: budget,
            symbolic: { u in
                family == .optimal ? Sigmoid.optimal(u, guardEpsilon: PieceFunction(constant: guardEpsilon)) : sigmoid(family, u)
            },
            exact: { u in
                let r = family == .optimal ? Sigmoid.optimal(u, guardEpsilon: guardEpsilon) : sigmoid(family, u)
                return (r.f, r.df)
            })
        return piecewise(name: "monotonicity-\(family.rawValue)" + (guarded ? "-guarded-piecewise" : ""), label: label, analysis)
    }

    /// The monotonicity certificate of a piecewise rational sigmoid from its exact analysis:
    /// `proved` only if the structure holds (decided branches, `f′ = d f/du`, continuity) and
    /// `0 ≤ g ≤ 1` on every open piece.
    static func piecewise(name: String, label: String, _ analysis: PiecewiseSigmoidAnalysis) -> Certificate {
        var log = ProofLog(
            name: name,
            claim: "\(label): f is continuous and g(u) = f(u) + u·f′(u) ∈ [0, 1] for every real u, so the relaxed swap is monotonic")
        _ = analysis.requireStructure(&log)
        var globalZero = false
        for piece in analysis.pieces {
            let (f, df) = (piece.f, piece.df)
            let g = f + PieceFunction.variable(on: piece.context) * df
            let lower = g.signClass(), upper = (1 - g).signClass()
            log.require(
                lower?.isNonNegative == true && upper?.isNonNegative == true,
                "on \(piece.interval): g(u) = \(g); g is \(lower?.rawValue ?? "undefined"), 1 − g is \(upper?.rawValue ?? "undefined") (Sturm)")
            if lower == .zero { globalZero = true }
            if piece.interval.lower == nil, let limit = g.limit(toPositiveInfinity: false) { log.note("lim_{u→−∞} g(u) = \(limit)") }
        }
        for (k, point) in analysis.breakpoints.enumerated() {
            if let f = analysis.atBreakpoints[k].f, let df = analysis.atBreakpoints[k].df {
                log.note("at the breakpoint u = \(point) the code gives f = \(f), f′ = \(df), g = \(f + point * df) (exact; a kink, so g there does not enter the argument)")
            }
        }
        if let exhausted = analysis.pieces.first?.context.budget.exhausted { log.require(false, exhausted) }
        let figure = globalZero ? "0 ≤ g ≤ 1 on ℝ (weak: g ≡ 0 on a piece)" : "0 < g < 1 on ℝ"
        return log.finish(.proved, figure: figure)
    }

    /// The authors' `optimal` with its `1e−10` guard is *not* exactly monotonic: `f` jumps at
    /// `u = −¼` (from `1/(16(¼ + ε))` to `¼`), so `x ↦ min_f(x, 0) = x·f(−x)` drops at `x = ¼`.
    static func optimalGuarded() -> Certificate {
        var log = ProofLog(
            name: "monotonicity-optimal-guarded",
            claim: "optimal as the authors evaluate it (|u| + 1e−10 in the tails) gives a monotonic swap")
        let epsilon = Rational(exactly: sigmoidGuardEpsilon)!
        log.note("ε = \(sigmoidGuardEpsilon) as an exact rational (the Double the code adds)")
        let swap = RationalSigmoidFamily.optimal.conditionalSwap(steepness: Rational(1), guardEpsilon: epsilon)
        // min_f(x, 0) with a = x, b = 0: α = f(s·(0 − x)), min = α·x.
        func softMin(_ x: Rational) -> Rational { swap.alpha(-x).value * x }
        let x1 = Rational(1, 4), x2 = Rational(1, 4) + Rational(1, 1_000_000_000_000)
        let m1 = softMin(x1), m2 = softMin(x2)
        log.note("min_f(\(x1), 0) = \(m1)")
        log.note("min_f(1/4 + 10⁻¹², 0) = \(Enclosure(exactly: m2).decimal(digits: 16))")
        let refuted = x1 < x2 && m2 < m1
        log.require(refuted, "x₁ < x₂ but min_f(x₂, 0) < min_f(x₁, 0): raising an input lowers the soft minimum (drop \(Enclosure(exactly: m1 - m2).decimal(digits: 16)))")
        log.note("without the guard (ε = 0) the family is monotonic: see monotonicity-optimal")
        return log.finish(.refuted, figure: "min_f drops by \(Enclosure.decimal(m1 - m2, digits: 14, roundUp: false)) at x = 1/4")
    }
}
