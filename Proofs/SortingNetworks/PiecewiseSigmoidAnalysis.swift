import ExactArithmetic
import SortingNetworks

/// The exact symbolic form of a piecewise sigmoid: its code run over ``PieceFunction`` on every
/// open piece between the breakpoints, plus the code's exact value at each breakpoint.
///
/// Shared by the proofs of the shipped rational families (``MonotonicityProofs``) and of
/// user-given families (``CustomSigmoidProofs``), so both check the same things: `f′` is the
/// derivative of `f` on each piece, and `f` is continuous at each breakpoint.
struct PiecewiseSigmoidAnalysis {
    struct Piece {
        let interval: OpenInterval
        let context: PieceContext
        /// `f` and `f′` as the code computes them on the piece (exact rational functions).
        let f: PieceFunction
        let df: PieceFunction
    }

    /// A discontinuity: the one-sided limits and the code's value at the breakpoint
    /// (`nil`: infinite / undefined).
    struct Jump {
        let point: Rational
        let left: Rational?
        let value: Rational?
        let right: Rational?

        var description: String {
            func t(_ x: Rational?) -> String { x.map { "\($0)" } ?? "undefined (pole)" }
            return "at u = \(point): lim_{u→\(point)⁻} f = \(t(left)), f(\(point)) = \(t(value)), lim_{u→\(point)⁺} f = \(t(right))"
        }
    }

    let breakpoints: [Rational]
    let pieces: [Piece]
    /// `(f, f′)` of the code at each breakpoint, exact (`nil`: the code divides by zero there).
    let atBreakpoints: [(f: Rational?, df: Rational?)]

    /// Runs `symbolic` on every open piece and `exact` at every breakpoint.
    init(breakpoints: [Rational], budget: ProofBudget,
         symbolic: (PieceFunction) -> (f: PieceFunction, df: PieceFunction),
         exact: (Rational) -> (f: Rational?, df: Rational?)) {
        self.breakpoints = breakpoints
        pieces = MonotonicityProofs.pieces(between: breakpoints).map { interval in
            let context = PieceContext(interval: interval, budget: budget)
            let (f, df) = symbolic(PieceFunction.variable(on: context))
            return Piece(interval: interval, context: context, f: f, df: df)
        }
        atBreakpoints = breakpoints.map(exact)
    }

    /// One-sided limit of a rational function at `x` (`nil`: a pole there).
    static func limit(_ q: PieceFunction, at x: Rational) -> Rational? {
        let d = q.denominator(x)
        return d.isZero ? nil : q.numerator(x) / d
    }

    /// Breakpoints where `f` is not continuous (limits from both sides and the value must agree).
    var jumps: [Jump] {
        breakpoints.indices.compactMap { k in
            // Only decided pieces give certified limits (an undecided piece may have collapsed).
            guard pieces[k].context.undecided.isEmpty, pieces[k + 1].context.undecided.isEmpty else { return nil }
            let b = breakpoints[k]
            let left = Self.limit(pieces[k].f, at: b), right = Self.limit(pieces[k + 1].f, at: b)
            let value = atBreakpoints[k].f
            return left != nil && left == right && right == value ? nil : Jump(point: b, left: left, value: value, right: right)
        }
    }

    /// Logs the two structural checks every piecewise proof needs; `true` if both hold.
    func requireStructure(_ log: inout ProofLog) -> Bool {
        var ok = true
        for piece in pieces {
            let undecided = piece.context.undecided
            log.require(undecided.isEmpty, "on \(piece.interval): every comparison in the code is decided for the whole piece\(undecided.isEmpty ? "" : ": " + undecided.joined(separator: "; "))")
            let matches = piece.df == piece.f.derivative
            log.require(matches, "on \(piece.interval): the code's f′ = \(piece.df) equals d/du of its f = \(piece.f) (quotient rule, exact)")
            ok = ok && undecided.isEmpty && matches
        }
        let jumps = jumps
        for (k, b) in breakpoints.enumerated() where !jumps.contains(where: { $0.point == b }) {
            // `jumps` skips breakpoints next to an undecided piece: continuity is then not shown.
            guard let value = atBreakpoints[k].f, pieces[k].context.undecided.isEmpty, pieces[k + 1].context.undecided.isEmpty else {
                log.fail("continuity at u = \(b) not established (a neighbouring piece is undecided or the code has no value there)")
                continue
            }
            log.note("continuous at u = \(b): both one-sided limits and the code's value f(\(b)) equal \(value) (exact)")
        }
        for jump in jumps { log.require(false, "f is continuous " + jump.description) }
        return ok && jumps.isEmpty
    }
}

