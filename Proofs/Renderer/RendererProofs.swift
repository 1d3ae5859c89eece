import ExactArithmetic
import ProofSupport
import Renderer

/// The renderer (GenDR, arXiv 2204.13845) entries of the proof catalogue (`relax prove NAME`,
/// `relax verify`). Names: `render.<topic>.<variant>`.
public enum RendererProofs {
    public static let catalogue = Catalogue([
        CatalogueEntry("render.tconorm.axioms",
                       claim: "the rational T-conorms (max, probabilistic, Einstein, Hamacher p ∈ {0, ½, 1, 2, 3}, Łukasiewicz) are commutative, associative, monotone, have identity 0, absorbing 1 and range [max(a,b), 1]; Hamacher 2 = Einstein, Hamacher 1 = probabilistic",
                       domain: "every triple of the grid {0, 1/12, …, 1}³ (exhaustive, exact rationals)", expected: .proved) { _, _ in
            RationalProofs.tconormAxioms()
        },
        CatalogueEntry("render.cdf.rational",
                       claim: "the uniform, cubic Hermite and reciprocal CDFs are non-decreasing, in [0, 1], symmetric, with F(−1) = 0, F(1) = 1 (finite support) and their density consistent with the CDF",
                       domain: "605 grid points k/100 in [−3, 3] plus ±10³, ±10⁶ (exhaustive, exact rationals)", expected: .proved) { _, _ in
            RationalProofs.cdfProperties()
        },
        CatalogueEntry("render.distance.exact",
                       claim: "the generic pixel–triangle squared distance and strict inside test equal the geometric definition (segment minimum, positive barycentrics)",
                       domain: "a fixed list of 50 dyadic triangles × 16×16 pixel centres (exhaustive, exact rationals)", expected: .proved) { _, _ in
            RationalProofs.distanceExact()
        },
        CatalogueEntry("render.culling.certified",
                       claim: "at the culling radius r* the renderer uses, F(−r*) ≤ 1e-6 (so, F being non-decreasing, culled pixels would have been skipped anyway)",
                       domain: "every family with an exact or enclosed CDF at r* (rational families exactly, transcendental ones by certified enclosures; parameters as listed)", expected: .proved) { _, _ in
            CullingProofs.cullingIsSafeCertified()
        },
        CatalogueEntry("render.culling.sampled",
                       claim: "the same for the families without a certified evaluation (non-integer gamma_rev shapes and the like)",
                       domain: "F sampled in Double at 10 001 points in [r*, 101 r*]", expected: .tested) { _, _ in
            CullingProofs.cullingSampled()
        },
        CatalogueEntry("render.agreement.simd",
                       claim: "the SIMD rasterizer's silhouette equals the reference's bit for bit, its gradient within SIMDSoftRasterizer.gradientAgreementBound",
                       domain: "every distribution × every T-conorm family, random triangles", expected: .tested) { _, _ in
            AgreementProofs.simdAgreesWithReference()
        },
    ])
}
