import AlgorithmicSupervision
import ExactArithmetic
import Foundation
import ProofSupport

/// The algorithmic-supervision entries of the proof catalogue (`relax prove NAME`,
/// `relax verify`); names `algorithm.<topic>.<variant>`.
///
/// Exact proofs about the relaxed-program language of arXiv 2110.05651, computed by running the
/// reference interpreter itself on GMP rationals where β plays no part (blends, `While`
/// weights, t-conorm accumulation, probabilistic writes, the traceback's mass transport). Each
/// exhaustive check over a stated finite domain is `proved` (or `failed` with the first
/// counterexample); the sampled check is `tested`.
public enum AlgorithmProofs {
    public static let catalogue = Catalogue([
        CatalogueEntry("algorithm.while.weights", claim: whileClaim, domain: whileDomain, expected: .proved) { _, _ in whileWeights() },
        CatalogueEntry("algorithm.while.weights-sampled", claim: whileClaim, domain: whileSampledDomain, expected: .tested) { _, _ in
            whileWeightsSampled()
        },
        CatalogueEntry("algorithm.if.blend", claim: ifClaim, domain: ifDomain, expected: .proved) { _, _ in ifBlend() },
        CatalogueEntry("algorithm.tconorm.properties", claim: tConormClaim, domain: tConormDomain, expected: .proved) { _, _ in tConorms() },
        CatalogueEntry("algorithm.write.probabilistic", claim: writeClaim, domain: writeDomain, expected: .proved) { _, _ in probabilisticWrites() },
        CatalogueEntry("algorithm.traceback.mass", claim: massClaim, domain: massDomain, expected: .proved) { _, _ in tracebackMass() },
    ])

    /// A small grid of probabilities.
    static let quarters: [Rational] = [0, 1, 2, 3, 4].map { Rational($0) / Rational(4) }

    /// Runs `body` (which returns the first counterexample, or `nil`) and turns the outcome into
    /// a certificate: `proved` when every case of the stated finite domain held.
    static func exhaustive(_ name: String, _ claim: String, _ domain: String, evidence: [String] = [],
                           _ body: (inout Int) throws -> String?) -> Certificate {
        var log = ProofLog(name: name, claim: claim, domain: domain)
        for line in evidence { log.note(line) }
        var cases = 0
        do {
            let failure = try body(&cases)
            log.require(failure == nil, failure.map { "counterexample (exact): \($0)" } ?? "all \(cases) cases checked exactly")
        } catch {
            log.fail("error: \(error)")
        }
        return log.finish(figure: log.verdict == .proved ? "\(cases) cases, exhaustive" : "failed")
    }
}
