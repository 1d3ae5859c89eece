import AlgorithmicSupervision
import AlgorithmicSupervisionProofs
import ExactArithmetic
import ProofSupport
import Testing

/// Every algorithm entry of the proof catalogue reaches its expected verdict.
@Suite struct ProofTests {
    @Test(arguments: AlgorithmProofs.catalogue.entries.map(\.name))
    func entryReachesItsVerdict(_ name: String) {
        let result = AlgorithmProofs.catalogue.named(name)!.run(scale: .test)
        #expect(result.isExpected, "\(result.certificate)")
    }
}
