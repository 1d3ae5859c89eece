import ExactArithmetic
import SortingNetworks

/// Exact proofs about a user-given sigmoid family (`PiecewiseRationalSigmoid`), with the same
/// machinery as the shipped rational families: the family's own `evaluate` is run over exact
/// rational functions on every open piece (`PiecewiseSigmoidAnalysis`), and every claim is
/// decided by Sturm sign analysis, exact evaluation and certified enclosures.
///
/// Three certificates, each `proved`, `refuted` (with an exact counterexample point) or `failed`
/// (undecided, or the ``ProofBudget`` ran out):
/// 1. **sigmoid**: `f` defined and continuous on ℝ, `f′` (given or derived) is `df/du` on every
///    piece, `f′ ≥ 0`, `f(u) → 0` as `u → −∞` and `→ 1` as `u → +∞`;
/// 2. **monotonicity** (Theorem 5 of arXiv 2203.09630): `0 ≤ g(u) = f(u) + u·f′(u) ≤ 1` on every
///    piece and `f` continuous away from `u = 0`. `∂min_f(a, b)/∂a = g(b − a)` exactly, so a point
///    with `g < 0` (or `g > 1`, for max) is a counterexample;
/// 3. **error bound**: `c = sup_{d>0} d·f(−d)`, so that `sup_{d>0} d·f(−s·d) = c/s` (substitute
///    `v = s·d`); exact where attained or approached as a limit, a certified enclosure otherwise.
public enum CustomSigmoidProofs {
    public struct Report: Sendable {
        public let sigmoid: Certificate
        public let monotonicity: Certificate
        public let errorBound: Certificate
        /// `c` when it is known exactly.
        public let errorBoundConstant: Rational?
        public var certificates: [Certificate] { [sigmoid, monotonicity, errorBound] }
    }

    public static func certify(_ family: PiecewiseRationalSigmoid, budget: ProofBudget = ProofBudget()) -> Report {
        let analysis = analyse(family, budget: budget)
        let sigmoid = sigmoidCertificate(family, analysis)
        let monotonicity = monotonicityCertificate(family, analysis)
        let (errorBound, constant) = errorBoundCertificate(family, analysis, isSigmoid: sigmoid.verdict == .proved)
        return Report(sigmoid: sigmoid, monotonicity: monotonicity, errorBound: errorBound, errorBoundConstant: constant)
    }

    static func exact(_ c: SigmoidFraction) -> Rational { Rational(Int(c.numerator), Int(c.denominator)) }

    /// The exact value of `e` at `x` as the code computes it, `nil` where it divides by zero.
    static func exactValue(_ e: SigmoidExpression, at x: Rational) -> Rational? {
        switch e {
        case .u: return x
        case .constant(let c): return exact(c)
        case .negate(let a): return exactValue(a, at: x).map { -$0 }
        case .add(let a, let b): guard let p = exactValue(a, at: x), let q = exactValue(b, at: x) else { return nil }; return p + q
        case .subtract(let a, let b): guard let p = exactValue(a, at: x), let q = exactValue(b, at: x) else { return nil }; return p - q
        case .multiply(let a, let b): guard let p = exactValue(a, at: x), let q = exactValue(b, at: x) else { return nil }; return p * q
        case .divide(let a, let b):
            guard let p = exactValue(a, at: x), let q = exactValue(b, at: x), !q.isZero else { return nil }
            return p / q
        case .power(let a, let k):
            guard let base = exactValue(a, at: x), k >= 0 || !base.isZero else { return nil }
            let r = base.power(Int(k.magnitude))
            return k < 0 ? 1 / r : r
        }
    }

    /// `(f, f′)` of the family's code at `x`, exactly (`nil` entries: division by zero).
    static func exactPoint(_ family: PiecewiseRationalSigmoid, _ x: Rational) -> (f: Rational?, df: Rational?) {
        let piece = family.pieces.first { $0.contains(x, exact) } ?? family.pieces[family.pieces.count - 1]
        return (exactValue(piece.f, at: x), exactValue(piece.df, at: x))
    }

    static func analyse(_ family: PiecewiseRationalSigmoid, budget: ProofBudget) -> PiecewiseSigmoidAnalysis {
        PiecewiseSigmoidAnalysis(
            breakpoints: family.breakpoints.map(exact), budget: budget,
            symbolic: { u in family.evaluate(u) { PieceFunction(constant: exact($0)) } },
            exact: { x in exactPoint(family, x) })
    }

    /// Shown for a root enclosure `[a, b]` (a single point when exact).
    static func show(_ range: (Rational, Rational)) -> String {
        range.0 == range.1 ? "u = \(range.0)" : "u ∈ \(Enclosure(range.0, range.1).decimal(digits: 12))"
    }

    /// Records a counterexample line and returns it (certified: every number in it is exact).
    static func counterexample(_ log: inout ProofLog, _ found: inout [String], _ line: String) {
        found.append(line)
        log.note("COUNTEREXAMPLE: " + line)
    }

    /// `proved`/`failed` from the log, overridden by `refuted` when a certified counterexample
    /// was found (a counterexample stands even if another step could not be decided).
    static func finish(_ log: ProofLog, counterexamples: [String], figure: String) -> Certificate {
        var certificate = log.finish(.proved, figure: counterexamples.first.map { "refuted: " + $0 } ?? figure)
        if !counterexamples.isEmpty { certificate.verdict = .refuted }
        return certificate
    }
}
