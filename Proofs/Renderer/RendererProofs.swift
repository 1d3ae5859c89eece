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
    public static let all: [RendererProof] = []

    public static func named(_ name: String) -> RendererProof? { all.first { $0.name == name } }
}
