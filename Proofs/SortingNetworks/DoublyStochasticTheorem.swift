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
///    block on its wires (the code updates the two columns of P in place); such a matrix is
///    doubly stochastic, and a product of doubly stochastic matrices is doubly stochastic
///    (`(AB)·1 = A·(B·1) = 1`, `1ᵀ·(AB) = 1ᵀ`, non-negative entries stay non-negative).
/// 3. α = f(s·d) ∈ [0, 1] for every real d: for the rational families checked by exact sign
///    analysis of f and 1 − f on every piece of the library's `Sigmoid` code and at its
///    breakpoints.
enum DoublyStochasticTheorem {
    static func run() -> Certificate {
        var log = ProofLog(name: "sorting.doubly-stochastic.every-n", claim: "")
        comparatorStep(log: &log)
        for family in RationalSigmoidFamily.allCases { sigmoidRange(family, log: &log) }
        log.note("step 2: P = C_1 ⋯ C_m, each C_k doubly stochastic with entries in [0, 1] ⇒ P doubly stochastic (row sums (AB)·1 = A·1 = 1, column sums likewise, entries are sums of products of non-negative numbers, ≤ 1 because rows sum to 1)")
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
