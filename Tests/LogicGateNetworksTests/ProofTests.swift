import LogicGateNetworksProofs
import Testing

@Suite(.timeLimit(.minutes(5))) struct ProofTests {
    @Test(arguments: LogicProofs.catalogue.entries.map(\.name))
    func entryReachesExpectedVerdict(name: String) throws {
        let entry = try #require(LogicProofs.catalogue.named(name))
        let result = entry.run()
        #expect(result.isExpected, "\(result.certificate)")
        #expect(!result.certificate.evidence.isEmpty)
    }

    /// The same generic proofs instantiated with Double (all points are dyadic, so exact there too).
    @Test func proofsAlsoHoldInDouble() {
        for certificate in [GateProofs<Double>.truthTables(), GateProofs<Double>.multilinearAndRange(),
                            GateProofs<Double>.partials(), NetworkProofs<Double>.mixtureForms(),
                            NetworkProofs<Double>.oneHotEqualsHard(networks: 0)] {
            #expect(certificate.holds, "\(certificate)")
        }
        #expect(NetworkProofs<Double>.oneHotEqualsHard(networks: 4).verdict == .tested)
    }

    @Test func registryIsExactAndNamed() {
        #expect(LogicProofs.exactFieldName == "Rational")
        #expect(LogicProofs.catalogue.duplicateNames.isEmpty)
    }
}
