/// The agreement bounds of the `Float` C kernels against ``ReferenceSoftRasterizer``.
///
/// The kernels evaluate the geometry (edge projections, `|r|²`, edge functions, `s·x/τ`), the
/// rational CDFs (uniform, cubic Hermite, reciprocal) and the folds (max, probabilistic, Einstein)
/// with the reference's IEEE operations in the reference's order (no FMA there, true divisions).
/// So for the rational families the forward image is **bit-identical** and the gradient differs
/// only by summation order, as on the lane path. For the transcendental families (Gaussian,
/// Laplace, logistic, Cauchy) the coverage comes from polynomial approximations of exp, erfc and
/// atan with `|F̃(u) − F(u)| ≤ kernelCDFError` (tested on dense grids against `Double` in
/// `KernelAgreementTests`); the reference rounds the `Double` CDF to `Float`, ½ ulp ≤ 3e-8 more.
/// Cauchy is evaluated from x and τ without forming u = x/τ (reduced arguments x/τ, (x − τ)/(x + τ),
/// −τ/x with one to three roundings, as many as the u-based form's; x − τ is exact for x ∈ [τ/2, 2τ]).
/// In plain mode it starts from d² (the geometry's own |r|², bit-identical to the reference's):
/// where d > (1 + √2)·τ, −τ/d is −τ·y with y = 1/d from the CPU's reciprocal-square-root estimate
/// (architectural relative error ≤ 1.5·2⁻¹², so the bits differ between CPU vendors) and one Newton
/// step, relative error ≤ 1.5·(1.5·2⁻¹²)² + 3ε ≈ 3.8e-7, 4.4e-7 after the product with τ; arctan's
/// relative condition number is ≤ 1, so F changes by ≤ 4.4e-7·F ≤ 5.5e-8 (F ≤ ⅛ there); nearer to
/// an edge the exact square root and division are taken. The grid test runs both forms at τ = 1
/// (plain mode's from u², worst 5.0e-8), the render agreement tests at the benchmark scales.
/// A face that one side drops at the 1e-6 threshold and the other keeps changes its pixel by at
/// most `1e-6 + |b̃ − b|`. Max, probabilistic and Einstein sums are 1-Lipschitz in each argument on
/// [0, 1]², and each fold step rounds by ≤ 4ε (ε = 2⁻²⁴) on either side, so after `F` faces
///
///     |Ã − A| ≤ F · (kernelCDFError + 3e-8 + 1e-6 + 8ε).
///
/// The gradient of a pixel's face term is `g·∂A/∂b·f(u)/τ·s·∂x/∂P`. With `b`, `u` and the geometry
/// equal, the kernels differ from the reference in `f` (relative ``kernelDensityError``), in the
/// rounding of the chain rule (one quotient `g·(1 − A)·f / ((1 − b)·τ·d)` per pair, for Cauchy with
/// `f/τ = 1/(π(τ + x²/τ))`: a few ε relative per term), in the summation order, and — transcendental families only — through `A` in `∂A/∂b` (probabilistic
/// `(1 − A)/(1 − b)`, Einstein `(1 − A²)/(1 − b²)`, max `[A = b]`). The kernels are held to the lane
/// path's ``gradientAgreementBound`` (4 ε·N²·max(1, max|gradient|)), unchanged. What is derived
/// is only its summation-order part; the `∂A/∂b` part is first order in `ΔA` times the hazard rate
/// `f/(1 − F)` (≤ 1 for logistic, Laplace and Cauchy, ≤ |u| + 1 for the Gaussian) over τ, and an a
/// priori bound from the worst-case `ΔA` above is uselessly large (it is dominated by threshold
/// crossings that do not occur in practice). So for the transcendental families the gradient
/// agreement is **tested**, not derived: 84 cases per instruction set, worst 0.017 of the bound.
extension SIMDSoftRasterizer {
    /// `|F̃(u) − F(u)|` of the kernels' coverage for every `u` (Float arithmetic included; measured
    /// worst 1.9e-7, Gaussian, AVX2).
    public static let kernelCDFError = 2.5e-7

    /// The kernels' density error: `|f̃(u) − f(u)| ≤ kernelDensityError·f(u) + 1e-37` (the
    /// Gaussian's exponent −u²/2 is rounded, which costs up to ε·u²/2 relative; 1e-37 covers
    /// `Float` underflow). Tested with the CDF.
    public static let kernelDensityError = 1e-5

    /// The bound above on `|Ã − A|` for a `Float` render with `faces` faces: 0 for the lane path
    /// and the rational families in the kernels (bit-identical).
    public static func kernelForwardBound(_ s: SilhouetteSettings, faces: Int) -> Double {
        guard usesKernel(s), !s.distribution.family.isRational else { return forwardAgreementBound }
        let eps = Double(Float.ulpOfOne) / 2
        return Double(faces) * (kernelCDFError + 3e-8 + SmoothingDistribution.coverageThreshold + 8 * eps)
    }
}
