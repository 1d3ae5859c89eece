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

    /// The same generic proofs instantiated with Double (all points are dyadic, so exact there too).
    @Test func proofsAlsoHoldInDouble() {
        for certificate in [GateProofs<Double>.truthTables(), GateProofs<Double>.multilinearAndRange(),
                            GateProofs<Double>.partials(), NetworkProofs<Double>.mixtureForms(),
                            NetworkProofs<Double>.oneHotEqualsHard(networks: 4)] {
            #expect(certificate.holds, "\(certificate)")
        }
    }

    @Test func registryIsExactAndNamed() {
        #expect(LogicProofs.exactFieldName == "Rational")
        #expect(Set(LogicProofs.all.map(\.name)).count == LogicProofs.all.count)
    }
}
