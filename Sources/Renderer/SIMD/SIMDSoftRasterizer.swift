import RealModule

// SIMDSoftRasterizer — the fast soft silhouette of GenDR (arXiv 2204.13845).
//
// Goals, in priority order:
//  1. The same numbers as ReferenceSoftRasterizer. Lane path (every Double render, and Float
//     settings the C kernels do not cover): the reference's scalar operations on 8 lanes,
//     bit-identical forward (`forwardAgreementBound` = 0), gradients within
//     `gradientAgreementBound` (summation order only). Float C kernels (Sources/CRendererKernels):
//     the same IEEE operations for the geometry, the rational CDFs and the folds, so uniform,
//     cubic Hermite and reciprocal stay bit-identical; Gaussian, Laplace, logistic and Cauchy use
//     polynomial exp/erfc/atan with `kernelCDFError` = 2.5e-7, which gives the derived forward bound
//     `kernelForwardBound(_:faces:)` (SIMDSoftRasterizer+Bounds.swift); gradients stay within
//     `gradientAgreementBound`.
//  2. Speed. Face-major order: each face visits only the pixels of its bounding box grown by the
//     distribution's culling distance r*·τ (√(r*·τ) in squared mode) plus one pixel — outside it
//     the coverage is provably ≤ 1e-6 (Proofs/Renderer certifies F(−r*) ≤ 1e-6), so culled faces
//     cost nothing and the result equals visiting every pixel; each pixel's accumulator still sees
//     the faces in index order. In Float, the C kernels (8 pixels per vector: two xmm registers in
//     the baseline SSE2 build, one ymm register in the AVX2 + FMA build chosen at run time by cpuid)
//     evaluate distance, coverage, fold and backward with no per-lane code; the generated assembly is
//     vsubps/vmulps/vdivps/vfmadd…ps/vblendvps/vsqrtps on ymm (checked with llvm-objdump).
//  3. Optional threads: row bands, each with its own gradient buffer, summed in band order
//     (deterministic).
//
// Tried and measured (`relax render bench`, see the README for the table and the machine):
//  - the generic SIMD8<T> lane code alone: 4–12× the reference with culling, 0.3× for Cauchy
//    (the generic operations are not lowered to vector instructions, transcendentals run per lane);
//  - C kernels with a precomputed 1/|e|² and FMA in the geometry: ~30 % faster for Cauchy, but
//    the distances then differ from the reference's by rounding, and at pixels where A is close to 1
//    the gradient's ∂A/∂b = (1 − A)/(1 − b) amplifies that (uniform/cubic Hermite gradients differed by
//    270 units of `gradientAgreementBound`); the exact divisions were kept;
//  - the C kernels' layout and roofline (render_kernels.c header): two passes per face row, one
//    division for the backward's chain rule, Cauchy's CDF from x and τ (~1.5× faster); then plain
//    Cauchy from d² with rsqrt + Newton (no square root; 7 instead of 9 divisions and 2 square roots
//    per 8 pairs), column-only products once per face and blendv selects (~1.15× more), and the
//    forward's nearest-edge masks kept for the backward (C harness: backward 8–15 % faster; within
//    noise in `relax render bench` with AVX2, 15–20 % with SSE2): 0.17–0.22 G
//    pairs/s forward + backward, 2.6–3.4× the issue roofline (≈ 0.58 G pairs/s per core); the
//    divider and the dependency chains were ruled out as the limit by experiment.

/// SIMD (8 pixels per vector), bounding-box-culled soft rasterizer; see the file header.
public struct SIMDSoftRasterizer: SoftRasterizer {
    /// Largest |image difference| to the reference allowed on the lane path (every `Double`
    /// render, and `Float` settings the C kernels do not cover): bit-identical.
    public static let forwardAgreementBound = 0.0
    /// Largest |gradient difference| to the reference on the lane path, relative to
    /// max(1, largest |gradient entry|), in units of the scalar's epsilon times the number of
    /// pixels (summation-order rounding only).
    public static let gradientAgreementBound = 4.0

    /// The C kernels' instruction set.
    public enum InstructionSet: String, Sendable, CaseIterable {
        /// The build's target (any x86-64: SSE2).
        case baseline
        /// AVX2 + FMA when the CPU has them (checked at run time), else the baseline.
        case avx2FMA = "avx2-fma"
    }

    /// Row bands processed concurrently (1 or 2 are sensible on two cores).
    public var threads: Int
    /// Instruction set of the `Float` kernels.
    public var instructionSet: InstructionSet
    /// Whether a `Float` kernel gradient keeps, per face, row and 8-pixel vector, the forward's
    /// nearest-edge and inside masks (4 bytes, up to 64 MB) so that the backward computes only the
    /// nearest edge. The gradient is bit-identical either way (tested); off, the backward
    /// recomputes all three edges.
    public var cachesNearestEdges: Bool = true

    public init(threads: Int = 1, instructionSet: InstructionSet = .avx2FMA) {
        self.threads = max(1, threads)
        self.instructionSet = instructionSet
    }

    /// The silhouette: `Float` settings the C kernels cover go there, everything else to the
    /// generic lane path.
    public func render<T: RendererScalar>(_ triangles: [T], _ s: SilhouetteSettings) throws(RendererError) -> [T] {
        if T.self == Float.self, let plan = KernelPlan(s) {
            return unsafeBitCast(try kernelRender(unsafeBitCast(triangles, to: [Float].self), s, plan), to: [T].self)
        }
        return try silhouette(triangles, s)
    }

    public func gradient<T: RendererScalar>(_ triangles: [T], _ s: SilhouetteSettings, cotangent: [T]) throws(RendererError) -> SilhouetteGradient<T> {
        if T.self == Float.self, let plan = KernelPlan(s) {
            let g = try kernelGradient(unsafeBitCast(triangles, to: [Float].self), s, plan, cotangent: unsafeBitCast(cotangent, to: [Float].self))
            return SilhouetteGradient(image: unsafeBitCast(g.image, to: [T].self), triangles: unsafeBitCast(g.triangles, to: [T].self))
        }
        return try backward(triangles, s, cotangent: cotangent)
    }

    /// Whether `Float` renders with these settings run in the C kernels (else the lane path).
    public static func usesKernel(_ s: SilhouetteSettings) -> Bool { KernelPlan(s) != nil }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    func silhouette<T: RendererScalar>(_ triangles: [T], _ s: SilhouetteSettings) throws(RendererError) -> [T] {
        let faces = try s.validate(triangles: triangles)
        let layout = RowLayout<T>(size: s.size)
        let reach = s.distribution.cullingDistance(scale: s.scale, squared: s.squaredDistance)
        let plans = (0..<faces).map { FacePlan(triangles, $0, reach: reach, layout) }
        let bands = layout.bands(threads)
        var parts = [[SIMD8<T>]](repeating: [], count: bands.count)
        if bands.count == 1 {
            parts[0] = forwardBand(plans, s, layout, rows: bands[0])
        } else {
            let results = ConcurrentSlots<[SIMD8<T>]>(count: bands.count)
            let shared = SharedInput(value: (plans, layout))
            runConcurrently(bands.count) { i in
                let (plans, layout) = shared.value
                results.set(i, forwardBand(plans, s, layout, rows: bands[i]))
            }
            parts = results.values
        }
        return layout.unpack(parts, bands)
    }

    /// The left fold for the rows of one band: accumulators of 8 pixels, faces in order.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    func forwardBand<T: RendererScalar>(_ plans: [FacePlan<T>], _ s: SilhouetteSettings,
                                                                  _ layout: RowLayout<T>, rows: Range<Int>) -> [SIMD8<T>] {
        let V = layout.vectorsPerRow
        var acc = [SIMD8<T>](repeating: .zero, count: rows.count * V)
        let kernel = CoverageKernel<T>(s)
        for plan in plans {
            let r0 = max(plan.rows.lowerBound, rows.lowerBound), r1 = min(plan.rows.upperBound, rows.upperBound)
            if r0 >= r1 { continue }
            for row in r0..<r1 {
                let py = layout.y[row]
                for v in plan.vectors {
                    let g = plan.geometry(px: layout.x[v], py: py)
                    var (b, _) = kernel.coverage(g, plan)
                    let active = (b .> kernel.threshold) .& layout.valid[v]
                    if !any(active) { continue }
                    b.replace(with: 0, where: .!active)
                    let i = (row - rows.lowerBound) * V + v
                    acc[i] = kernel.fold(acc[i], b, active)
                }
            }
        }
        return acc
    }
}
