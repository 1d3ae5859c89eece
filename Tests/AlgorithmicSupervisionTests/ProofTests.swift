import AlgorithmicSupervision
import AlgorithmicSupervisionProofs
import ExactArithmetic
import Testing

/// The exact proofs reach `proved`; the sampled versions of the same claims (larger random
/// rational domains) hold on every sample.
@Suite struct ProofTests {
    @Test(arguments: AlgorithmProofs.all.map(\.name))
    func proofIsProved(_ name: String) {
        let c = AlgorithmProofs.all.first { $0.name == name }!.run()
        #expect(c.verdict == .proved, "\(c)")
    }

    /// The While weights for random rational continue-probabilities (denominators up to 2^20,
    /// up to 12 iterations) sum to exactly 1 — sampled, seed 41, 60 sequences.
    @Test func whileWeightsOnRandomRationals() throws {
        var draw = Draw(seed: 41)
        for _ in 0..<60 {
            let L = draw.int(in: 0...12)
            let c = (0..<L).map { _ in Rational(draw.int(in: 0...(1 << 20))) / Rational(1 << 20) }
            let failure = try AlgorithmProofsSampling.checkWhile(c, maxIterations: draw.int(in: 1...14))
            #expect(failure == nil, "\(failure ?? "")")
        }
    }
}
