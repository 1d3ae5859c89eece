import ExactArithmetic
import SortingNetworks
import SortingNetworksProofs
import Testing

/// Every registered proof reaches the verdict of the papers' classification.
@Suite struct ProofsTests {
    @Test(arguments: SortingProofs.all.map(\.name))
    func proofReachesExpectedVerdict(_ name: String) throws {
        let proof = try #require(SortingProofs.named(name))
        let certificate = proof.run()
        #expect(certificate.verdict == proof.expected, "\(certificate)")
        #expect(!certificate.evidence.isEmpty && !certificate.figure.isEmpty)
        #expect(!certificate.evidence.contains { $0.hasPrefix("FAILED") }, "\(certificate)")
    }

    /// Monotonicity verdicts match arXiv 2203.09630 (Theorem 5 / §4.4 of the spec) as recorded
    /// in the library's `SigmoidFamily.isMonotonic`.
    @Test(arguments: SigmoidFamily.allCases)
    func monotonicityVerdictMatchesPaper(_ family: SigmoidFamily) throws {
        let proof = try #require(SortingProofs.named("monotonicity-\(family.rawValue)"))
        #expect(proof.expected == (family.isMonotonic ? .proved : .refuted))
    }

    @Test func everyFamilyHasAnErrorBoundOrMonotonicityProof() {
        let names = Set(SortingProofs.all.map(\.name))
        #expect(names.count == SortingProofs.all.count, "names are unique")
        for family in SigmoidFamily.allCases { #expect(names.contains("monotonicity-\(family.rawValue)")) }
        for family in SigmoidFamily.allCases.map(\.rawValue) { #expect(names.contains("error-bound-\(family)")) }
        #expect(names.contains("doubly-stochastic-reciprocal") && names.contains("doubly-stochastic-optimal-guarded"))
    }

    @Test func certificateDescriptionNamesVerdictAndEvidence() throws {
        let certificate = try #require(SortingProofs.named("monotonicity-reciprocal")).run()
        let text = certificate.description
        #expect(text.contains("monotonicity-reciprocal: PROVED") && text.contains("evidence:") && text.contains("Sturm"))
    }
}
