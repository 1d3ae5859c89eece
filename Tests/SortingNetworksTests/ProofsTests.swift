import ExactArithmetic
import SortingNetworks
@testable import SortingNetworksProofs
import Testing

/// Every sorting entry of the proof catalogue reaches its expected verdict (at the test scale).
@Suite(.timeLimit(.minutes(5))) struct ProofsTests {
    @Test(arguments: SortingProofs.catalogue.entries.map(\.name))
    func entryReachesExpectedVerdict(_ name: String) throws {
        let entry = try #require(SortingProofs.catalogue.named(name))
        let result = entry.run(scale: .test)
        let certificate = result.certificate
        #expect(result.isExpected, "\(certificate)")
        #expect(!certificate.evidence.isEmpty && !certificate.figure.isEmpty)
        #expect(!certificate.evidence.contains { $0.hasPrefix("FAILED") }, "\(certificate)")
        #expect((certificate.verdict == .tested) == (certificate.sample != nil), "tested ⇔ a stated sample")
    }

    /// Monotonicity verdicts match arXiv 2203.09630 (Theorem 5) as recorded in the library's
    /// `SigmoidFamily.isMonotonic`.
    @Test(arguments: SigmoidFamily.allCases)
    func monotonicityVerdictMatchesPaper(_ family: SigmoidFamily) throws {
        let entry = try #require(SortingProofs.catalogue.named("sorting.monotonicity.\(family.rawValue)"))
        #expect(entry.expected == (family.isMonotonic ? .proved : .refuted))
        let network = SortingProofs.catalogue.named("sorting.monotonicity.network.\(family.rawValue)")
        #expect((network != nil) == family.isMonotonic, "the whole-network proof exists exactly for the monotonic families")
    }

    @Test func everyFamilyHasAnErrorBoundAndMonotonicityEntry() {
        let names = Set(SortingProofs.catalogue.entries.map(\.name))
        #expect(SortingProofs.catalogue.duplicateNames.isEmpty)
        for family in SigmoidFamily.allCases.map(\.rawValue) {
            #expect(names.contains("sorting.monotonicity.\(family)") && names.contains("sorting.error-bound.\(family)"))
        }
        #expect(names.contains("sorting.doubly-stochastic.every-n") && names.contains("sorting.doubly-stochastic.sampled.optimal-guarded"))
    }

    @Test func certificateDescriptionNamesVerdictAndEvidence() throws {
        let certificate = try #require(SortingProofs.catalogue.named("sorting.monotonicity.reciprocal")).run().certificate
        let text = certificate.description
        #expect(text.contains("sorting.monotonicity.reciprocal: PROVED") && text.contains("evidence:") && text.contains("Sturm"))
        #expect(text.contains("domain: every real u"))
    }

    /// An exact proof whose rationals outgrow its budget ends `failed`, naming the budget.
    @Test func exhaustedBudgetFails() {
        let certificate = DoublyStochasticProofs.run(DoublyStochasticProofs.settings[0], scale: ProofScale(maxOperandBits: 64), progress: .silent)
        #expect(certificate.verdict == .failed && certificate.evidence.contains { $0.contains("operand budget exhausted") })
        let jacobian = JacobianSignProofs.run(.reciprocal, scale: ProofScale(maxSeconds: 0), progress: .silent)
        #expect(jacobian.verdict == .failed && jacobian.evidence.contains { $0.contains("time budget") })
    }

    /// The 0-1 check of the authors' wiring must be able to disagree with its claim: claiming
    /// that n = 22 sorts is refuted by a concrete input.
    @Test func zeroOneClaimCanBeRefuted() {
        let certificate = ZeroOneProofs.run(.bitonic, .authors, expectedFailures: [], scale: ProofScale(maxExhaustiveN: 22), progress: .silent)
        #expect(certificate.verdict == .refuted && certificate.evidence.contains { $0.contains("COUNTEREXAMPLE: n = 22") })
    }
}
