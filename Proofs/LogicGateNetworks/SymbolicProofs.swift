import ExactArithmetic
import LogicGateNetworks

/// The gate and mixture claims proved symbolically: the library's generic code runs on
/// ``SymbolicPolynomial`` variables a, b, p₀ … p₁₅ and the polynomials it computes are compared
/// coefficient by coefficient — identities for *every* real a, b and every p ∈ ℝ¹⁶, with no
/// sampling and no "degree by inspection" step.
public enum SymbolicProofs {
    typealias P = SymbolicPolynomial

    /// The multilinear extension of gate `g`'s truth table, built from the table alone.
    static func multilinearExtension(_ gate: LogicGate) -> P {
        var y = P.zero
        for x in [false, true] {
            for z in [false, true] where gate(x, z) {
                y += (x ? P.a : 1 - P.a) * (z ? P.b : 1 - P.b)
            }
        }
        return y
    }

    /// Table 1 of arXiv 2210.08277, the real-valued column, transcribed here independently of the
    /// library (which derives its relaxations from the truth table alone).
    static func paperTable1(_ gate: LogicGate) -> P {
        let a = P.a, b = P.b
        switch gate {
        case .zero: return P.zero
        case .and: return a * b
        case .notImplies: return a - a * b
        case .a: return a
        case .notImpliedBy: return b - a * b
        case .b: return b
        case .xor: return a + b - 2 * a * b
        case .or: return a + b - a * b
        case .notOr: return 1 - (a + b - a * b)
        case .notXor: return 1 - (a + b - 2 * a * b)
        case .notB: return 1 - b
        case .impliedBy: return 1 - b + a * b
        case .notA: return 1 - a
        case .implies: return 1 - a + a * b
        case .notAnd: return 1 - a * b
        case .one: return 1 + P.zero
        }
    }

    /// Each relaxation is the multilinear extension of its truth table and the paper's Table 1
    /// entry (as polynomials), and its range on [0, 1]² is within [0, 1].
    public static func multilinearAndRange() -> Certificate {
        var log = ProofLog(name: "logic.gates.multilinear-extension", claim: "")
        for gate in LogicGate.allCases {
            let g: P = gate.relaxation(P.a, P.b)
            log.require(g == multilinearExtension(gate), "g_\(gate.id) = \(g) is the multilinear extension of its table (polynomial identity)")
            log.require(g == paperTable1(gate), "g_\(gate.id) = \(g) is the arXiv 2210.08277 Table 1 entry \(paperTable1(gate)) (polynomial identity)")
            let corners = [(0, 0), (0, 1), (1, 0), (1, 1)].map { g.evaluate([Rational($0.0), Rational($0.1)] + Array(repeating: 0, count: 16)) }
            log.require(g.degree(in: 0) <= 1 && g.degree(in: 1) <= 1 && corners.allSatisfy { $0 == 0 || $0 == 1 },
                        "g_\(gate.id) has degree ≤ 1 in a and in b, corner values \(corners)")
        }
        // Range: g and 1 − g are sums of products of a, 1 − a, b, 1 − b (non-negative on [0, 1]²).
        for gate in LogicGate.allCases {
            let g: P = gate.relaxation(P.a, P.b)
            var complement = P.zero
            for x in [false, true] {
                for z in [false, true] where !gate(x, z) { complement += (x ? P.a : 1 - P.a) * (z ? P.b : 1 - P.b) }
            }
            log.require(1 - g == complement,
                        "range of g_\(gate.id): g is a sum of products of a, 1 − a, b, 1 − b (its extension above) and 1 − g = \(complement) is one too (polynomial identity), so 0 ≤ g ≤ 1 on [0, 1]²")
        }
        return log.finish(.proved, figure: "16 polynomial identities")
    }

    /// The implemented partial derivatives are the derivatives of the relaxations.
    public static func partials() -> Certificate {
        var log = ProofLog(name: "logic.gates.partials", claim: "")
        for gate in LogicGate.allCases {
            let g: P = gate.relaxation(P.a, P.b)
            let da: P = gate.partialA(P.a, P.b), db: P = gate.partialB(P.a, P.b)
            log.require(da == g.derivative(0) && db == g.derivative(1), "∂g_\(gate.id)/∂a = \(da), ∂g_\(gate.id)/∂b = \(db) (symbolic derivative of the relaxation)")
        }
        return log.finish(.proved, figure: "32 polynomial identities")
    }

    /// The three forms of the mixture agree and the input partials are its derivatives, for
    /// every p ∈ ℝ¹⁶; the logit gradient sums to y·(1 − Σp), hence to 0 on the simplex.
    public static func mixture() -> Certificate {
        var log = ProofLog(name: "logic.mixture.forms", claim: "")
        let p = (0..<16).map { P.p($0) }
        let a = P.a, b = P.b
        let y = GateMixture.output(p: p, a: a, b: b)
        let c = GateMixture.coefficients(p: p)
        let t = GateMixture.corners(p: p)
        log.require(y == c.0 + c.1 * a + c.2 * b + c.3 * a * b, "Σ p_i g_i(a, b) = c0 + c1·a + c2·b + c3·ab with the code's coefficients (polynomial identity in a, b, p)")
        log.require(y == (1 - a) * (1 - b) * t.0 + (1 - a) * b * t.1 + a * (1 - b) * t.2 + a * b * t.3,
                    "= bilinear interpolation of the code's corner probabilities t_xy")
        let (da, db) = GateMixture.inputPartials(p: p, a: a, b: b)
        log.require(da == y.derivative(0) && db == y.derivative(1), "the code's input partials are ∂y/∂a and ∂y/∂b")
        log.require(da == c.1 + c.3 * b && db == c.2 + c.3 * a, "∂y/∂a = c1 + c3·b, ∂y/∂b = c2 + c3·a")
        let logit = GateMixture.logitPartials(p: p, a: a, b: b).reduce(P.zero, +)
        let total = p.reduce(P.zero, +)
        log.require(logit == y * (1 - total), "Σ_j ∂y/∂z_j = y·(1 − Σ p_i): zero for every p on the simplex")
        let uniform = GateMixture.coefficients(p: [P](repeating: P(constant: Rational(1, 16)), count: 16))
        log.require(uniform.0 == P(constant: Rational(1, 2)) && uniform.1 == 0 && uniform.2 == 0 && uniform.3 == 0,
                    "uniform p gives c = (1/2, 0, 0, 0)")
        let gates = LogicGate.allCases.map { gate -> P in gate.relaxation(a, b) }
        let weighted = zip(p, gates).reduce(P.zero) { $0 + $1.0 * $1.1 }
        let weightedComplement = zip(p, gates).reduce(P.zero) { $0 + $1.0 * (1 - $1.1) }
        log.require(y == weighted && 1 - y == (1 - total) + weightedComplement,
                    "y = Σ p_i·g_i and 1 − y = (1 − Σ p_i) + Σ p_i·(1 − g_i) (polynomial identities): on the simplex (p_i ≥ 0, Σ p_i = 1) and a, b ∈ [0, 1], with 0 ≤ g_i ≤ 1 (logic.gates.multilinear-extension), both are ≥ 0, so y ∈ [0, 1]")
        return log.finish(.proved, figure: "polynomial identities in 18 variables")
    }
}
