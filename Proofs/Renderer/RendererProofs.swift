import ExactArithmetic
import ProofSupport
import Renderer

/// One named renderer claim; `run` computes its certificate.
public struct RendererProof: Sendable {
    public let name: String
    public let claim: String
    public let run: @Sendable () -> Certificate
}

/// The registry of renderer proofs for `relax prove` / `relax verify`.
public enum RendererProofs {
    public static let all: [RendererProof] = [
        RendererProof(name: "render-tconorm-axioms", claim: "rational T-conorm axioms (exact, grid)", run: { RationalProofs.tconormAxioms() }),
        RendererProof(name: "render-rational-cdfs", claim: "rational CDF properties (exact, grid)", run: { RationalProofs.cdfProperties() }),
        RendererProof(name: "render-distance-exact", claim: "pixel–triangle distance = geometric definition (exact)", run: { RationalProofs.distanceExact() }),
        RendererProof(name: "render-culling-certified", claim: "F(−r*) ≤ 1e-6, certified families", run: { CullingProofs.cullingIsSafeCertified() }),
        RendererProof(name: "render-culling-safe", claim: "F(−r*) ≤ 1e-6, every family", run: { CullingProofs.cullingIsSafe() }),
    ]

    public static func named(_ name: String) -> RendererProof? { all.first { $0.name == name } }
}
