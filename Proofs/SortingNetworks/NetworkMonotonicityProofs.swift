import ExactArithmetic
import SortingNetworks

/// Monotonicity of the whole relaxed network, for every n and every comparator network
/// (arXiv 2203.09630, Theorem 5 and its corollary for networks).
///
/// The relaxed network is the composition of its relaxed comparators (arXiv 2105.04019, §3;
/// `RelaxedSortingNetwork.forward` applies them one after another, in place). One comparator on
/// wires (a, b), with d = b − a and u = s·d, has the Jacobian `[[g(u), 1 − g(u)], [1 − g(u), g(u)]]`
/// on its two wires (identity elsewhere), where `g(u) = f(u) + u·f′(u)`. So:
///
/// 1. per family, the monotonicity certificate (`sorting.monotonicity.<family>`) proves
///    `0 ≤ g ≤ 1` on all of ℝ — every comparator Jacobian is entrywise non-negative, whatever
///    the steepness s > 0 and the inputs;
/// 2. for the rational families, the library's generic reference Jacobian code, run on one
///    comparator over exact rational functions of d, is checked to produce exactly that matrix;
/// 3. the Jacobian of the network is the product of its comparator Jacobians (chain rule), and a
///    product of entrywise non-negative matrices is entrywise non-negative (sums of products of
///    non-negative numbers), so `∂y_i/∂x_j ≥ 0` for every n, every network, every x.
enum NetworkMonotonicityProofs {
    /// The families whose certificate is expected to be `proved`.
    static let families: [SigmoidFamily] = [.reciprocal, .optimal, .cauchy]

    /// The per-family certificate this proof consumes.
    static func familyCertificate(_ family: SigmoidFamily) -> Certificate {
        switch family {
        case .reciprocal: MonotonicityProofs.rational(.reciprocal)
        case .optimal: MonotonicityProofs.rational(.optimal)
        case .cauchy: MonotonicityProofs.cauchy()
        case .logistic: MonotonicityProofs.logistic()
        case .logisticPhi: MonotonicityProofs.logisticPhi()
        case .gaussian: MonotonicityProofs.gaussian()
        }
    }

    static func run(_ family: SigmoidFamily) -> Certificate {
        var log = ProofLog(name: "sorting.monotonicity.network.\(family.rawValue)", claim: "")
        let certificate = familyCertificate(family)
        log.require(certificate.verdict == .proved,
                    "step 1: the family certificate (0 ≤ g ≤ 1 on ℝ) is \(certificate.verdict.rawValue): \(certificate.figure)")
        if let rational = family.rationalFamily {
            comparatorJacobianMatchesG(rational, log: &log)
        } else {
            log.note("step 2 (symbolic check of the code's comparator Jacobian) needs a rational family; for \(family.rawValue) the comparator Jacobian is checked on samples by sorting.jacobian.sampled.* only for the rational families, and by the Double gradient tests")
        }
        log.note("step 3: ∂y/∂x = J_m ⋯ J_1 (chain rule over the comparators in application order); each J_k ≥ 0 entrywise by steps 1–2; products and sums of non-negative numbers are non-negative ⇒ ∂y_i/∂x_j ≥ 0")
        return log.finish(.proved, figure: log.verdict == .failed ? "a step failed" : "∂y/∂x ≥ 0 for every n, network, x and s > 0")
    }

    /// The library's reference Jacobian of the 2-wire network at x = (0, d), over exact rational
    /// functions of d on each piece of the family (s = 1), equals `[[g, 1 − g], [1 − g, g]]` with
    /// `g(d) = f(d) + d·f′(d)` computed from the library's `Sigmoid` code.
    static func comparatorJacobianMatchesG(_ family: RationalSigmoidFamily, log: inout ProofLog) {
        guard let network = try? SortingNetwork(kind: .bitonic, n: 2, construction: .valid) else {
            log.fail("cannot build the 2-wire network")
            return
        }
        let breakpoints = MonotonicityProofs.breakpoints(family)
        var checked = 0
        for piece in MonotonicityProofs.pieces(between: breakpoints) {
            let context = PieceContext(interval: piece)
            let d = PieceFunction.variable(on: context)
            let swap = family.conditionalSwap(steepness: PieceFunction(constant: 1), guardEpsilon: PieceFunction(constant: 0))
            let J = RelaxedSortingNetwork.jacobian(x: [PieceFunction(constant: 0), d], network: network, swap: swap)
            let (f, df) = MonotonicityProofs.sigmoid(family, d)
            let g = f + d * df
            let expected = [[g, 1 - g], [1 - g, g]]
            log.require(context.undecided.isEmpty && J == expected,
                        "step 2, d ∈ \(piece): the code's comparator Jacobian is [[g, 1 − g], [1 − g, g]] with g = \(g) (exact rational functions)")
            checked += 1
        }
        for point in breakpoints {
            let swap = family.conditionalSwap(steepness: Rational(1), guardEpsilon: Rational(0))
            let J = RelaxedSortingNetwork.jacobian(x: [0, point], network: network, swap: swap)
            let (f, df) = MonotonicityProofs.sigmoid(family, point)
            let g = f + point * df
            log.require(J == [[g, 1 - g], [1 - g, g]], "step 2, d = \(point): the code's comparator Jacobian is [[g, 1 − g], [1 − g, g]], g = \(g) (exact)")
        }
        log.note("step 2 covers s = 1; the library's swap at steepness s is α(d) = f(s·d), α′(d) = s·f′(s·d), so its Jacobian entries are g(s·d) and 1 − g(s·d), again in [0, 1] by step 1")
        _ = checked
    }
}
