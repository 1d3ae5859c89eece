import ExactArithmetic
import LogicGateNetworks

/// The exact field the proofs run in: GMP rationals, so every identity is checked without rounding.
/// (The proofs are generic; the tests also run them on `Double`, where the dyadic points chosen
/// happen to be exact too.)
public typealias LogicExactField = Rational

/// The logic-gate-network entries of the proof catalogue (`relax prove NAME`, `relax verify`).
/// Names: `logic.<topic>.<variant>`.
public enum LogicProofs {
    public static var exactFieldName: String { String(describing: LogicExactField.self) }

    public static let catalogue = Catalogue([
        CatalogueEntry("logic.gates.truth-tables",
                       claim: "the 16 gates in the authors' id order have the truth tables of arXiv 2210.08277 Table 1; each relaxation equals its table at the 4 Boolean corners; gate 15 − i is the complement of gate i",
                       domain: "all 16 gates × 4 corners (exhaustive)", expected: .proved) { _, _ in GateProofs<LogicExactField>.truthTables() },
        CatalogueEntry("logic.gates.multilinear-extension",
                       claim: "each relaxation is the multilinear extension of its truth table and equals the entry of arXiv 2210.08277 Table 1, with range [0, 1] on [0, 1]²",
                       domain: "every real a, b (polynomial identity)", expected: .proved) { _, _ in SymbolicProofs.multilinearAndRange() },
        CatalogueEntry("logic.gates.partials", claim: "the implemented partial derivatives of every gate are the derivatives of its relaxation",
                       domain: "every real a, b (polynomial identity)", expected: .proved) { _, _ in SymbolicProofs.partials() },
        CatalogueEntry("logic.mixture.forms",
                       claim: "16-term sum, coefficient form and corner form of the gate mixture agree; its input partials are exact; the logit gradient sums to 0 on the simplex",
                       domain: "every real a, b and every p ∈ ℝ¹⁶ (Σp = 1 for the logit gradient)", expected: .proved) { _, _ in
            SymbolicProofs.mixture()
        },
        CatalogueEntry("logic.mixture.sampled",
                       claim: "the same identities, the logit gradient and y ∈ [0, 1], evaluated at exact points (cross-check)",
                       domain: "16 unit vectors + 12 simplex points of p × a 5 × 5 grid of (a, b)", expected: .tested) { _, _ in
            var c = NetworkProofs<LogicExactField>.mixtureForms()
            let g = NetworkProofs<LogicExactField>.mixtureLogitGradient()
            c.evidence += g.evidence
            c.sample = g.sample
            c.verdict = c.verdict == .proved && g.verdict == .tested ? .tested : (c.verdict == .refuted || g.verdict == .refuted ? .refuted : .failed)
            return c
        },
        CatalogueEntry("logic.network.one-hot-equals-hard",
                       claim: "with one-hot gate choices and Boolean inputs, the relaxed network's outputs equal the hard network's bits",
                       domain: "every network, every Boolean input (gate corners exhaustive + induction over layers)", expected: .proved) { _, _ in
            NetworkProofs<LogicExactField>.oneHotEqualsHard(networks: 0)
        },
        CatalogueEntry("logic.network.one-hot-sampled",
                       claim: "the same, evaluated end to end on random networks (cross-check of the layer code)",
                       domain: "24 seeded random networks × all 2⁸ inputs", expected: .tested) { _, _ in
            NetworkProofs<LogicExactField>.oneHotEqualsHard(networks: 24)
        },
        CatalogueEntry("logic.gates.word-operations",
                       claim: "the bit-sliced word operation of every gate computes the gate's truth table in every bit of the word",
                       domain: "16 gates × 4 corners × every bit of 64-, 128-, 256- and 512-bit words (exhaustive; bitwise operations act on each bit alone)",
                       expected: .proved) { _, _ in GateProofs<LogicExactField>.wordOperations() },
        CatalogueEntry("logic.agreement.bit-sliced",
                       claim: "every optimized implementation and the bit-sliced programs (plain and simplified, 4 word widths) count exactly like the reference hard network",
                       domain: "24 seeded random networks and batches", expected: .tested) { _, _ in
            LogicAgreementProofs.hardAgreement()
        },
    ])
}
