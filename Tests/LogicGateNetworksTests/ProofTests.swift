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

    /// The symbolic checker can fail: a wrong identity or a non-polynomial division is refused.
    @Test func symbolicPolynomialsDistinguish() {
        let a = SymbolicPolynomial.a, b = SymbolicPolynomial.b
        #expect((a + b) * (a - b) == a * a - b * b)
        #expect(a * b != b * b && (a * b).derivative(0) == b)
        #expect(a / b != a / b, "division by a non-constant is invalid and equals nothing")
        #expect((a * a).degree(in: 0) == 2)
    }

    @Test func registryIsExactAndNamed() {
        #expect(LogicProofs.exactFieldName == "Rational")
        #expect(LogicProofs.catalogue.duplicateNames.isEmpty)
    }
}
