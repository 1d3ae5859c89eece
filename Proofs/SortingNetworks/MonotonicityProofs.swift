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
    /// on each open piece (every branch decided for the whole piece), `g` and `1 − g` are shown
    /// non-negative by Sturm-sequence sign analysis, and the breakpoints are evaluated exactly.
    static func rational(_ family: RationalSigmoidFamily) -> Certificate {
        var log = ProofLog(
            name: "monotonicity-\(family.rawValue)",
            claim: "\(family.rawValue): g(u) = f(u) + u·f′(u) ∈ [0, 1] for every real u, so the relaxed swap is monotonic")
        var globalZero = false
        for piece in pieces(between: breakpoints(family)) {
            let context = PieceContext(interval: piece)
            let u = PieceFunction.variable(on: context)
            let (f, df) = sigmoid(family, u)
            let g = f + u * df
            log.require(df == f.derivative, "on \(piece): the code's f′ = \(df) equals d/du of its f = \(f)")
            let lower = g.signClass(), upper = (1 - g).signClass()
            log.require(context.undecided.isEmpty, "on \(piece): every comparison in the code is decided for the whole piece\(context.undecided.isEmpty ? "" : ": " + context.undecided.joined(separator: "; "))")
            log.require(
                lower?.isNonNegative == true && upper?.isNonNegative == true,
                "on \(piece): g(u) = \(g); g is \(lower?.rawValue ?? "undefined"), 1 − g is \(upper?.rawValue ?? "undefined") (Sturm)")
            if lower == .zero { globalZero = true }
            if piece.lower == nil, let limit = g.limit(toPositiveInfinity: false) { log.note("lim_{u→−∞} g(u) = \(limit)") }
        }
        for point in breakpoints(family) {
            let (f, df) = sigmoid(family, point)
            let g = f + point * df
            log.require(g >= 0 && g <= 1, "at the breakpoint u = \(point): g = \(g) (exact)")
        }
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
