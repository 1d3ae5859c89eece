import ExactArithmetic
import SortingNetworks

/// Monotonicity of the whole relaxed network, for every n and every comparator network
/// (arXiv 2203.09630, Theorem 5 and its corollary for networks).
///
/// The relaxed network is the composition of its relaxed comparators (arXiv 2105.04019, §3;
/// `RelaxedSortingNetwork.forward` applies them one after another, in place). One comparator on
/// wires (a, b), with d = b − a and u = s·d, has the Jacobian `[[g(u), 1 − g(u)], [1 − g(u), g(u)]]`
/// on its two wires (identity elsewhere), where `g(u) = f(u) + u·f′(u)`. Every step is checked
/// by code:
///
/// 1. per family, the monotonicity certificate (`sorting.monotonicity.<family>`) proves
///    `0 ≤ g ≤ 1` on all of ℝ;
/// 2. the library's generic Jacobian code, run on one comparator with `α`, `α′` and `d` as opaque
///    symbols, yields `[[α + d·α′, 1 − α − d·α′], …]` for *any* swap (``jacobianOfAnySwap``); for
///    the rational families the library's swap and Jacobian code, run over ``ScaledFunction``
///    (every steepness s > 0 at once), yields exactly `[[g(s·d), 1 − g(s·d)], …]`; for cauchy the
///    swap `α(d) = f(s·d)`, `α′(d) = s·f′(s·d)` gives `α + d·α′ = f(u) + u·f′(u)` as a polynomial
///    identity in the symbols f, f′, s, d;
/// 3. the Jacobian of the network is the product of its comparator Jacobians (chain rule); the
///    step "a product of entrywise non-negative matrices is entrywise non-negative" is checked as
///    a polynomial identity too: an entry of `C·M` for a comparator `C` is `α·m₁ + (1 − α)·m₂`, a
///    polynomial with non-negative coefficients in the non-negative quantities α, 1 − α, m₁, m₂.
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
        jacobianOfAnySwap(log: &log)
        if let rational = family.rationalFamily {
            comparatorJacobianMatchesG(rational, log: &log)
        } else if family == .cauchy {
            chainRuleScaling(log: &log)
        } else {
            log.fail("step 2: no symbolic comparator check for \(family.rawValue)")
        }
        productStep(log: &log)
        return log.finish(.proved, figure: log.verdict == .failed ? "a step failed" : "∂y/∂x ≥ 0 for every n, network, x and s > 0")
    }

    /// Step 2 for every swap: the library's Jacobian code on the 2-wire network at x = (0, d) with
    /// a swap returning the opaque symbols (α, α′).
    static func jacobianOfAnySwap(log: inout ProofLog) {
        guard let network = try? SortingNetwork(kind: .bitonic, n: 2, construction: .valid) else {
            log.fail("cannot build the 2-wire network")
            return
        }
        let recorder = PieceContext(interval: .realLine)
        let d = OpaqueSymbols.symbol(0, recorder: recorder)
        let alpha = OpaqueSymbols.symbol(1, recorder: recorder), alphaPrime = OpaqueSymbols.symbol(2, recorder: recorder)
        let swap = ConditionalSwap<OpaqueSymbols> { _ in (alpha, alphaPrime) }
        let J = RelaxedSortingNetwork.jacobian(x: [0, d], network: network, swap: swap)
        let G = alpha + d * alphaPrime
        log.require(recorder.undecided.isEmpty && J == [[G, 1 - G], [1 - G, G]],
                    "step 2 (any family): with α = x1, α′ = x2 opaque and d = x0, the code's comparator Jacobian is [[G, 1 − G], [1 − G, G]] with G = \(G) (polynomial identity)")
    }

    /// Step 2 for cauchy (not rational): `α(d) = f(s·d)`, `α′(d) = s·f′(s·d)` (the library's swap
    /// closure) make `α + d·α′ = f(u) + u·f′(u)` at `u = s·d`, as a polynomial identity in f, f′, s, d.
    static func chainRuleScaling(log: inout ProofLog) {
        let recorder = PieceContext(interval: .realLine)
        let (f, fPrime, s, d) = (OpaqueSymbols.symbol(0, recorder: recorder), OpaqueSymbols.symbol(1, recorder: recorder),
                                 OpaqueSymbols.symbol(2, recorder: recorder), OpaqueSymbols.symbol(3, recorder: recorder))
        let u = s * d
        log.require(f + d * (s * fPrime) == f + u * fPrime,
                    "step 2 (cauchy): α + d·α′ = f + d·(s·f′) = f(u) + u·f′(u) = g(u) at u = s·d, every s (polynomial identity in f, f′, s, d)")
    }

    /// Step 3: rows lo, hi of `C·M` are `α·M_lo + (1 − α)·M_hi` and `(1 − α)·M_lo + α·M_hi` (the
    /// comparator on two wires; other rows are unchanged); with β standing for 1 − α every entry has
    /// non-negative coefficients in the non-negative α, β and entries of M.
    static func productStep(log: inout ProofLog) {
        let recorder = PieceContext(interval: .realLine)
        let alpha = OpaqueSymbols.symbol(0, recorder: recorder), beta = OpaqueSymbols.symbol(1, recorder: recorder)
        let C = [[alpha, beta], [beta, alpha]]
        // Rows lo and hi of the running product M (columns j = 0, 1 stand for any two columns).
        let M = [[OpaqueSymbols.symbol(2, recorder: recorder), OpaqueSymbols.symbol(3, recorder: recorder)],
                 [OpaqueSymbols.symbol(4, recorder: recorder), OpaqueSymbols.symbol(5, recorder: recorder)]]
        let product = (0..<2).map { i in (0..<2).map { j in C[i][0] * M[0][j] + C[i][1] * M[1][j] } }
        let nonNegative = product.joined().allSatisfy { entry in entry.terms.values.allSatisfy { $0 > 0 } }
        log.require(nonNegative && recorder.undecided.isEmpty,
                    "step 3: ∂y/∂x = J_m ⋯ J_1 (chain rule, comparators in application order); multiplying by one comparator J = [[α, β], [β, α]] (α = g ∈ [0, 1] by step 1, β = 1 − α ≥ 0) gives entries \(product[0][0]), … with non-negative coefficients in non-negative quantities, so by induction over the comparators every ∂y_i/∂x_j ≥ 0")
    }

    /// The library's reference Jacobian of the 2-wire network at x = (0, d), over exact rational
    /// functions of u = s·d on each piece of the family and for every steepness s > 0 at once
    /// (``ScaledFunction``), equals `[[g, 1 − g], [1 − g, g]]` with `g(u) = f(u) + u·f′(u)`
    /// computed from the library's `Sigmoid` code.
    static func comparatorJacobianMatchesG(_ family: RationalSigmoidFamily, log: inout ProofLog) {
        guard let network = try? SortingNetwork(kind: .bitonic, n: 2, construction: .valid) else {
            log.fail("cannot build the 2-wire network")
            return
        }
        let breakpoints = MonotonicityProofs.breakpoints(family)
        let swap = family.conditionalSwap(steepness: ScaledFunction.steepness, guardEpsilon: ScaledFunction(power: 0, PieceFunction(constant: 0)))
        for piece in MonotonicityProofs.pieces(between: breakpoints) {
            let context = PieceContext(interval: piece)
            let d = ScaledFunction.difference(on: context)
            let J = RelaxedSortingNetwork.jacobian(x: [0, d], network: network, swap: swap)
            let u = PieceFunction.variable(on: context)
            let (f, df) = MonotonicityProofs.sigmoid(family, u)
            let g = ScaledFunction(power: 0, f + u * df)
            let expected = [[g, 1 - g], [1 - g, g]]
            log.require(context.undecided.isEmpty && J == expected,
                        "step 2, u = s·d ∈ \(piece), every s > 0: the code's comparator Jacobian at steepness s is [[g(s·d), 1 − g(s·d)], …] with g(u) = \(g) (exact rational functions of u; powers of s checked)")
        }
        for point in breakpoints {
            let context = PieceContext(interval: .realLine)
            let d = ScaledFunction(power: -1, PieceFunction(numerator: Polynomial(constant: point), context: context))
            let J = RelaxedSortingNetwork.jacobian(x: [0, d], network: network, swap: swap)
            let (f, df) = MonotonicityProofs.sigmoid(family, point)
            let g = ScaledFunction(power: 0, PieceFunction(constant: f + point * df))
            log.require(context.undecided.isEmpty && J == [[g, 1 - g], [1 - g, g]],
                        "step 2, u = s·d = \(point), every s > 0: the code's comparator Jacobian is [[g, 1 − g], [1 − g, g]], g = \(g) (exact)")
        }
    }
}
