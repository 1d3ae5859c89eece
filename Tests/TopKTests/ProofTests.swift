import SortingNetworks
import Testing
import TopKProofs
@testable import TopK

/// Runs every registered top-k proof at the test scale (n ≤ 20 exhaustive; seconds in debug,
/// the proofs module is compiled -O). Larger runs: `relax prove NAME --max-n 24`.
@Suite struct ProofTests {
    @Test(arguments: TopKProofs.all.map(\.name))
    func proofHolds(_ name: String) throws {
        let proof = try #require(TopKProofs.proof(named: name))
        let certificate = proof.run(.test)
        #expect(certificate.verdict == .proved, "\(certificate)")
        #expect(!certificate.evidence.isEmpty)
    }

    /// The checkers must be able to fail: a network with a comparator removed from the cone is
    /// caught by the 0-1 selector check.
    @Test func selectorCheckCatchesBrokenNetwork() throws {
        let net = TopKNetwork.splitterSelection(n: 9, k: 3)
        var layers = net.layers
        layers[layers.count - 1].removeLast()
        let broken = TopKNetwork(n: 9, k: 3, name: "broken", layers: layers)
        let certificateInput = TopKProofs.selectorCounterexampleForTesting(broken)
        #expect(certificateInput != nil)
    }
}
