import SortingNetworks
import Testing
import TopKProofs
@testable import TopK

/// Runs every top-k catalogue entry at the test scale (n ≤ 20 exhaustive; seconds in debug,
/// the proofs module is compiled -O). Larger runs: `relax prove NAME --max-n 24`.
@Suite(.timeLimit(.minutes(5))) struct ProofTests {
    @Test(arguments: TopKProofs.catalogue.entries.map(\.name))
    func entryReachesExpectedVerdict(_ name: String) throws {
        let entry = try #require(TopKProofs.catalogue.named(name))
        let result = entry.run(scale: .test)
        #expect(result.isExpected, "\(result.certificate)")
        #expect(!result.certificate.evidence.isEmpty)
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
