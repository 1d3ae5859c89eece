import LogicGateNetworksProofs
import Testing

@Suite struct ProofTests {
    @Test(arguments: LogicProofs.all.map(\.name))
    func proofHolds(name: String) throws {
        let proof = try #require(LogicProofs.named(name))
        let certificate = proof.run()
        #expect(certificate.holds, "\(certificate)")
        #expect(!certificate.evidence.isEmpty)
    }
}
