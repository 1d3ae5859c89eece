import ExactArithmetic
import SortingNetworks

/// Catalogue entries for the prover of user-given families (`relax prove sigmoid`): the shipped
/// rational families written as rational pieces must reproduce their certificates, and the
/// families that must fail are refuted at their exact points. The same pieces are in
/// `examples/sigmoids/*.json`.
enum CustomSigmoidEntries {
    static let families: [(name: String, pieces: [String], expected: Certificate.Verdict, claim: String)] = [
        ("reciprocal", ["u < 0: (u/(2 - u) + 1)/2 | 1/(2 - u)^2", "u >= 0: (u/(2 + u) + 1)/2 | 1/(2 + u)^2"], .proved,
         "reciprocal as rational pieces: a sigmoid, a monotonic swap, and c = sup d·f(−d) = 1 (not attained)"),
        ("optimal", ["u < -1/4: -1/(16u)", "-1/4 <= u <= 1/4: u + 1/2", "u > 1/4: 1 - 1/(16u)"], .proved,
         "optimal (no guard) as rational pieces: a sigmoid, a monotonic swap, and c = 1/16 attained at d = 1/4"),
        ("optimal-guarded", ["u < -1/4: 1/(16(-u + 1e-10))", "-1/4 <= u <= 1/4: u + 1/2", "u > 1/4: 1 - 1/(16(u + 1e-10))"], .refuted,
         "optimal with the authors' 1e−10 guard as rational pieces: a continuous sigmoid with a monotonic swap"),
        ("cubic-smoothstep", ["u < -1/2: 0", "-1/2 <= u <= 1/2: 3(u + 1/2)^2 - 2(u + 1/2)^3", "u > 1/2: 1"], .refuted,
         "the cubic smoothstep: a sigmoid with a monotonic swap"),
    ]

    static let entries: [CatalogueEntry] = families.map { family in
        CatalogueEntry("sorting.custom-sigmoid.\(family.name)", claim: family.claim,
                       domain: "every real u (exact: the family's own evaluate run over rational functions)",
                       expected: family.expected) { _, _ in
            let sigmoid = try PiecewiseRationalSigmoid(name: family.name, parsing: family.pieces)
            return combined(CustomSigmoidProofs.certify(sigmoid))
        }
    }

    /// One certificate from the three: refuted if any claim is refuted, else proved only if all are.
    static func combined(_ report: CustomSigmoidProofs.Report) -> Certificate {
        let parts = report.certificates
        let verdict: Certificate.Verdict = parts.contains { $0.verdict == .refuted } ? .refuted
            : (parts.allSatisfy { $0.verdict == .proved } ? .proved : .failed)
        return Certificate(
            name: parts[0].name, claim: parts.map(\.claim).joined(separator: "; "), verdict: verdict,
            evidence: parts.flatMap { part in ["\(part.name): \(part.verdict.rawValue)"] + part.evidence.map { "  " + $0 } },
            figure: parts.map { "\($0.name.split(separator: ".")[1]): \($0.verdict.rawValue) (\($0.figure))" }.joined(separator: "; "),
            seconds: parts.map(\.seconds).reduce(0, +))
    }
}
