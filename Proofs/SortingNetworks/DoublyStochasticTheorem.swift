import ExactArithmetic
import SortingNetworks

/// `P` is doubly stochastic for every n and every comparator network (arXiv 2105.04019, §3:
/// the relaxed permutation matrix is the product of the comparators' mixing matrices).
///
/// 1. One comparator, symbolically in α: the library's reference relaxed sort on one comparator,
///    with the mixing weight α left as an exact rational-function variable, returns
///    `P = [[α, 1 − α], [1 − α, α]]`: rows and columns sum to 1 identically in α, and the
///    entries lie in [0, 1] exactly when α does (sign analysis on (0, 1), exact at 0 and 1).
/// 2. In a network of n wires a comparator multiplies P by the n × n identity with that 2 × 2
///    block on its wires (the code updates the two columns of P in place); that one step keeps
///    row sums, column sums and non-negativity, checked as polynomial identities
///    (``compositionStep(log:)``), so by induction the product is doubly stochastic.
/// 3. α = f(s·d) ∈ [0, 1] for every real d: for the rational families checked by exact sign
///    analysis of f and 1 − f on every piece of the library's `Sigmoid` code and at its
///    breakpoints.
enum DoublyStochasticTheorem {
    static func run() -> Certificate {
        var log = ProofLog(name: "sorting.doubly-stochastic.every-n", claim: "")
        comparatorStep(log: &log)
        for family in RationalSigmoidFamily.allCases { sigmoidRange(family, log: &log) }
        compositionStep(log: &log)
        return log.finish(.proved, figure: log.verdict == .failed ? "a step failed" : "P doubly stochastic for every n, network and input (rational families)")
    }

    /// Step 1: the library's code on one comparator with α symbolic.
    static func comparatorStep(log: inout ProofLog) {
        guard let network = try? SortingNetwork(kind: .bitonic, n: 2, construction: .valid) else {
            log.fail("cannot build the 2-wire network")
            return
        }
        let context = PieceContext(interval: OpenInterval(0, 1))
        let alpha = PieceFunction.variable(on: context)
        let swap = ConditionalSwap<PieceFunction> { _ in (alpha, 0) }
        let x = [PieceFunction(constant: 3), PieceFunction(constant: -2)]
        let (_, P) = RelaxedSortingNetwork.sort(x: x, network: network, swap: swap)
        let expected = [[alpha, 1 - alpha], [1 - alpha, alpha]]
        log.require(P == expected, "step 1: the code's P for one comparator with symbolic α is \(P)")
        let rows = P.map { $0.reduce(PieceFunction(constant: 0), +) }
        let columns = (0..<2).map { i in P.reduce(PieceFunction(constant: 0)) { $0 + $1[i] } }
        log.require((rows + columns).allSatisfy { $0 == 1 }, "step 1: its rows and columns sum to 1 identically in α (exact rational functions)")
        let signs = [alpha.signClass(), (1 - alpha).signClass()]
        log.require(signs.allSatisfy { $0?.isNonNegative == true } && context.undecided.isEmpty,
                    "step 1: α and 1 − α are \(signs.map { $0?.rawValue ?? "undefined" }) on (0, 1) (Sturm); at α = 0 and α = 1 the entries are 0 and 1")
    }

    /// Step 2, checked as polynomial identities in opaque symbols: one comparator on wires (lo, hi)
    /// replaces, in every row j of the running product M, the entries (m_lo, m_hi) by
    /// (α·m_lo + (1 − α)·m_hi, (1 − α)·m_lo + α·m_hi) and leaves the rest; so every row sum is kept,
    /// the two touched column sums become α·c_lo + (1 − α)·c_hi and (1 − α)·c_lo + α·c_hi (= 1 when
    /// c_lo = c_hi = 1), and with β for 1 − α the new entries have non-negative coefficients in the
    /// non-negative α, β, m. By induction over the comparators P is doubly stochastic (entries ≤ 1
    /// because they are non-negative and rows sum to 1).
    static func compositionStep(log: inout ProofLog) {
        let recorder = PieceContext(interval: .realLine)
        let alpha = OpaqueSymbols.symbol(0, recorder: recorder), beta = OpaqueSymbols.symbol(1, recorder: recorder)
        let mLo = OpaqueSymbols.symbol(2, recorder: recorder), mHi = OpaqueSymbols.symbol(3, recorder: recorder)
        let cLo = OpaqueSymbols.symbol(4, recorder: recorder), cHi = OpaqueSymbols.symbol(5, recorder: recorder)
        func blend(_ weight: OpaqueSymbols, _ other: OpaqueSymbols, _ a: OpaqueSymbols, _ b: OpaqueSymbols) -> (OpaqueSymbols, OpaqueSymbols) {
            (weight * a + other * b, other * a + weight * b)
        }
        let (rowLo, rowHi) = blend(alpha, 1 - alpha, mLo, mHi)
        let rowsKept = rowLo + rowHi == mLo + mHi
        let (columnLo, columnHi) = blend(alpha, 1 - alpha, cLo, cHi)
        let one = OpaqueSymbols(constant: 1)
        let (columnLoAtOne, columnHiAtOne) = blend(alpha, 1 - alpha, one, one)
        let columnsKept = columnLoAtOne == one && columnHiAtOne == one
        let (entryLo, entryHi) = blend(alpha, beta, mLo, mHi)
        let nonNegative = [entryLo, entryHi].allSatisfy { $0.terms.values.allSatisfy { $0 > 0 } }
        log.require(rowsKept && columnsKept && nonNegative && recorder.undecided.isEmpty,
                    "step 2: P = C_1 ⋯ C_m (the code blends two columns of P per comparator); one comparator keeps every row sum (row lo + row hi = \(rowLo + rowHi) = m_lo + m_hi), maps the column sums to \(columnLo), \(columnHi) (= 1 at c = 1), and gives entries \(entryLo) with non-negative coefficients in non-negative α, β = 1 − α, m (polynomial identities); by induction P is doubly stochastic")
    }

    /// Step 3: 0 ≤ f ≤ 1 on ℝ for a rational family (no guard).
    static func sigmoidRange(_ family: RationalSigmoidFamily, log: inout ProofLog) {
        let breakpoints = MonotonicityProofs.breakpoints(family)
        for piece in MonotonicityProofs.pieces(between: breakpoints) {
            let context = PieceContext(interval: piece)
            let u = PieceFunction.variable(on: context)
            let f = MonotonicityProofs.sigmoid(family, u).f
            let lower = f.signClass(), upper = (1 - f).signClass()
            log.require(context.undecided.isEmpty && lower?.isNonNegative == true && upper?.isNonNegative == true,
                        "step 3, \(family.rawValue), u ∈ \(piece): f = \(f); f is \(lower?.rawValue ?? "undefined"), 1 − f is \(upper?.rawValue ?? "undefined")")
        }
        for point in breakpoints {
            let f = MonotonicityProofs.sigmoid(family, point).f
            log.require(f >= 0 && f <= 1, "step 3, \(family.rawValue), u = \(point): f = \(f) (exact)")
        }
    }
}
