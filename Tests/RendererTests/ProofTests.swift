import ProofSupport
import RendererProofs
import Testing

@Suite("Renderer proofs")
struct RendererProofTests {
    @Test("every renderer proof holds (culling: proved for the certified families, tested overall)", arguments: RendererProofs.all.map(\.name))
    func proof(_ name: String) {
        let c = RendererProofs.named(name)!.run()
        if name == "render-culling-safe" {
            #expect(c.verdict == .tested || c.verdict == .proved, "\(c)")
        } else {
            #expect(c.verdict == .proved, "\(c)")
        }
    }
}
