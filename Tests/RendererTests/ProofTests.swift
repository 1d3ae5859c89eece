import ProofSupport
import RendererProofs
import Testing

@Suite("Renderer proofs")
struct RendererProofTests {
    @Test("every renderer catalogue entry reaches its expected verdict", arguments: RendererProofs.catalogue.entries.map(\.name))
    func entry(_ name: String) {
        let entry = RendererProofs.catalogue.entries.first { $0.name == name }!
        let result = entry.run()
        #expect(result.isExpected, "\(result.certificate)")
    }
}
