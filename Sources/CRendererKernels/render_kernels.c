// The silhouette kernels of SIMDSoftRasterizer (GenDR, arXiv 2204.13845), compiled twice from one
// body: once for the baseline target (SSE2: each 8-lane vector is two xmm registers) and once for
// AVX2 + FMA (one ymm register), chosen at run time so that the default build runs on any x86-64.
// Floating-point contraction is off: every fused multiply–add is written as MADD, so the edge
// functions (and with them the inside test) are evaluated exactly as the reference evaluates them.
//
// Goals, in priority order: (1) the reference's numbers — geometry, rational CDFs and folds with
// the reference's IEEE operations (bit-identical forward for uniform, cubic Hermite, reciprocal),
// the transcendental CDFs within `kernelCDFError`, images within `kernelForwardBound`, gradients
// within `gradientAgreementBound` (SIMDSoftRasterizer+Bounds.swift); (2) speed on the case where
// nothing can be culled (Cauchy); (3) portable source (vector extensions, no intrinsics).
//
// Layout: per face, the constants are broadcast once (edges, |e|², the orientation folded into
// the edge functions); per face row, two passes over the row's 8-pixel vectors — the geometry
// (three clamped projections, |r|², the oriented edge functions), then coverage and fold (forward)
// or coverage and chain rule (backward). The backward's divisions (∂A/∂b's denominator, /τ, /d and
// Cauchy's 1/(1 + u²)) are one per pair; its face-independent factor g·(1 − A) is computed once
// per pixel. Cauchy's CDF is evaluated from x and τ (the argument reduction needs no x/τ).
//
// Roofline, AVX2, Cauchy + probabilistic, forward + backward per 8 pairs, on the machine measured
// (AMD EPYC, Zen 3, ~2.9 GHz; measured: 2 add/sub/min/max/compare per cycle on one pipe pair, 2
// mul/FMA/blend on the other, vdivps 3.3 and vsqrtps 4.9 cycles of the divider): the geometry must
// stay unfused and divided (bit-identity), so the minimal sequence is about 176 floating-point
// operations (3 × 17 per pass for the edges, ~20 for the Cauchy CDF, ~30 for the backward's
// arg-min, chain rule and six accumulations) and 9 divisions + 2 square roots: ≥ 44 cycles of
// issue and ≥ 40 of divider → ≈ 0.5 G pairs/s per core. Measured (objdump of the hot loops,
// `relax render bench`): 312 instructions per 8 pairs (forward 66 + 49, backward 103 + 94;
// 9 vdivps, 2 vsqrtps) at ~0.16–0.19 G pairs/s, ~2.2 instructions per cycle: the passes are
// limited by dependency latency (projection division → |r|² → √ → atan division → polynomial),
// not by issue. Before: one pass, 338 instructions (14 vdivps, 69 broadcasts and 43 spills in the
// combined sequence), 0.10–0.11 G pairs/s.
// Tried and measured (same-run ratios on the loaded 2-core machine): two passes per row instead of
// one (forward −24 %, backward −20 %: the shorter dependency chains let the out-of-order window
// overlap more vectors); the two passes over a face's whole box instead of per row: no change;
// interleaving two pixel vectors per iteration ("register tiling"): 5–10 % slower (more live
// registers, no shorter chains); exact additions moved to the FMA pipes as
// fma(a, 1, b): no change; divisions replaced by multiplications (wrong results, timing only):
// geometry pass 25 % faster, so the divider is not what stops it; the square root moved to the
// second pass: no change.
#pragma clang fp contract(off)
// Every helper is always inlined, so the 8-lane vectors never cross a call boundary.
#pragma clang diagnostic ignored "-Wpsabi"
#include "CRendererKernels.h"
#include "CPUFeatures.h"
#include <stdlib.h>

typedef float v8f __attribute__((vector_size(32)));
typedef int32_t v8i __attribute__((vector_size(32)));
typedef float v4f __attribute__((vector_size(16)));

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define SPLAT(s) ((v8f){(s), (s), (s), (s), (s), (s), (s), (s)})
#define SPLATI(s) ((v8i){(s), (s), (s), (s), (s), (s), (s), (s)})

#define SUFFIX _baseline
#define ATTR
#define MADD(a, b, c) ((a) * (b) + (c))
#define BARRIER(v)                                                              \
    do {                                                                        \
        v4f lo_ = __builtin_shufflevector(v, v, 0, 1, 2, 3);                    \
        v4f hi_ = __builtin_shufflevector(v, v, 4, 5, 6, 7);                    \
        __asm__ volatile("" : "+x"(lo_), "+x"(hi_));                            \
        v = __builtin_shufflevector(lo_, hi_, 0, 1, 2, 3, 4, 5, 6, 7);          \
    } while (0)
// rsqrtps on each half (SSE), and "every lane set" from the two halves' sign masks.
#define RSQRT(v) ((v8f)__builtin_shufflevector(__builtin_ia32_rsqrtps(__builtin_shufflevector(v, v, 0, 1, 2, 3)), \
                                               __builtin_ia32_rsqrtps(__builtin_shufflevector(v, v, 4, 5, 6, 7)), \
                                               0, 1, 2, 3, 4, 5, 6, 7))
#define ALL(m) ((__builtin_ia32_movmskps((v4f)__builtin_shufflevector(m, m, 0, 1, 2, 3)) &                       \
                 __builtin_ia32_movmskps((v4f)__builtin_shufflevector(m, m, 4, 5, 6, 7))) == 15)
#include "render_kernel_body.h"
#undef SUFFIX
#undef ATTR
#undef MADD
#undef BARRIER
#undef RSQRT
#undef ALL

#if defined(__x86_64__)
#define SUFFIX _avx2
#define ATTR __attribute__((target("avx2,fma")))
#define MADD(a, b, c) __builtin_elementwise_fma((a), (b), (c))
#define BARRIER(v) __asm__ volatile("" : "+x"(v))
#define RSQRT(v) __builtin_ia32_rsqrtps256(v)
#define ALL(m) (__builtin_ia32_movmskps256((v8f)(m)) == 255)
#define SELECT(m, a, b) __builtin_ia32_blendvps256((b), (a), (v8f)(m))
#include "render_kernel_body.h"
#undef SUFFIX
#undef ATTR
#undef MADD
#undef BARRIER
#undef RSQRT
#undef ALL
#undef SELECT
#endif

static int use_avx2(relax_render_isa isa) {
#if defined(__x86_64__)
    return isa == RELAX_RENDER_AVX2_FMA && relax_cpu_has_avx2_fma();
#else
    (void)isa;
    return 0;
#endif
}

relax_render_isa relax_render_forward(relax_render_isa isa, const relax_render_params *p,
                                      const relax_render_face *faces, long count,
                                      int32_t row0, int32_t row1, float *acc) {
#if defined(__x86_64__)
    if (use_avx2(isa)) { forward_avx2(p, faces, count, row0, row1, acc); return RELAX_RENDER_AVX2_FMA; }
#endif
    forward_baseline(p, faces, count, row0, row1, acc);
    return RELAX_RENDER_BASELINE;
}

relax_render_isa relax_render_backward(relax_render_isa isa, const relax_render_params *p,
                                       const relax_render_face *faces, long count,
                                       int32_t row0, int32_t row1, const float *image,
                                       const float *cotangent, int32_t *tie, float *grad) {
#if defined(__x86_64__)
    if (use_avx2(isa)) { backward_avx2(p, faces, count, row0, row1, image, cotangent, tie, grad); return RELAX_RENDER_AVX2_FMA; }
#endif
    backward_baseline(p, faces, count, row0, row1, image, cotangent, tie, grad);
    return RELAX_RENDER_BASELINE;
}

relax_render_isa relax_render_cdf_eval(relax_render_isa isa, int32_t cdf, const float *u,
                                       float *b, float *f, long n) {
#if defined(__x86_64__)
    if (use_avx2(isa)) { cdf_eval_avx2(cdf, u, b, f, n); return RELAX_RENDER_AVX2_FMA; }
#endif
    cdf_eval_baseline(cdf, u, b, f, n);
    return RELAX_RENDER_BASELINE;
}

float relax_render_roofline_probe(relax_render_isa isa, long iterations) {
#if defined(__x86_64__)
    if (use_avx2(isa)) return probe_avx2(iterations);
#endif
    return probe_baseline(iterations);
}
