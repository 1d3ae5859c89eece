// The silhouette kernels of SIMDSoftRasterizer (GenDR, arXiv 2204.13845), compiled twice from one
// body (render_kernel_body.h, which includes render_kernel_cdf.h and render_kernel_geometry.h):
// once for the baseline target (SSE2: each 8-lane vector is two xmm registers) and once for
// AVX2 + FMA (one ymm register), chosen at run time so that the default build runs on any x86-64.
// Floating-point contraction is off: every fused multiply–add is written as MADD, so the edge
// functions (and with them the inside test) are evaluated exactly as the reference evaluates them.
//
// Goals, in priority order: (1) the reference's numbers — geometry, rational CDFs and folds with
// the reference's IEEE operations (bit-identical forward for uniform, cubic Hermite, reciprocal),
// the transcendental CDFs within `kernelCDFError`, images within `kernelForwardBound`, gradients
// within `gradientAgreementBound` (SIMDSoftRasterizer+Bounds.swift); (2) speed on the case where
// nothing can be culled (Cauchy); (3) portable source (vector extensions; the only target builtins
// are rsqrt, movmsk and blendv, defined per build below as RSQRT, ALL and SELECT).
//
// Layout: per face, the constants are broadcast once (edges, |e|², the orientation folded into
// the edge functions) and the products that depend on the pixel column only (w_x·e_x, −o·e_y·w_x)
// are computed once per column vector of the face's box; per face row, two passes over the row's
// 8-pixel vectors — the geometry (three clamped projections, |r|², the oriented edge functions),
// then coverage and fold (forward) or coverage and chain rule (backward). A gradient's forward
// also writes, per face, row and vector, one word with the lanes' nearest edge and inside masks;
// its backward then computes only that edge (`nearest_cached`: the same operations on the same
// constants, so bit-identical to recomputing all three). Plain-mode Cauchy works from d²
// (`cauchy_tail_sq`): 1/d from vrsqrtps and one Newton step gives −τ/d, the argument of its tail,
// so the coverage needs no square root and no division (a vector with a lane within about 2.4·τ
// of an edge takes the exact √ and the division instead), and the backward's 1/d comes from the
// same estimate. The backward's remaining divisions (∂A/∂b's denominator, /τ, Cauchy's
// 1/(1 + u²)) are one per pair; its face-independent factor g·(1 − A) is computed once per pixel.
//
// Roofline, AVX2, Cauchy + probabilistic, plain mode, forward + backward per 8 pairs, on the
// machine measured (AMD EPYC, Zen 3, ~2.9 GHz). Benchmarks/cpu-throughput.sh measures its
// execution pipes: add/sub/min/max/compare share one pair of pipes (2 per cycle), mul/FMA/blend
// the other pair (2 per cycle), bitwise operations run on either; vdivps takes 1.1–1.2 ns (3.5
// cycles) of the divider, vsqrtps 1.8 ns (a divisor of 1 or a zero dividend is no faster; a
// subnormal dividend takes 2.1 ns, which is why quotients that underflow read ~2 ns). The
// geometry must stay unfused and divided (bit-identity). Minimal sequence per 8 pairs: the
// forward's geometry 3 × 13 for the edges and ~9 for the minima, the masks, the inside test and
// the sign (12 on the multiply pipes, 34 on the add pipes), its coverage and fold ~26 (16 / 7);
// the backward's nearest edge ~33 with the 20 selects that pick its constants and weights (24 /
// 9), its coverage, chain rule and six accumulations ~42 (28 / 10); ~17 bitwise; 5 divisions. So
// ≥ max(80 / 2, 60 / 2, 157 / 4) = 40 cycles (the divider's 17.5 overlap) → ≈ 0.58 G pairs/s per
// core; without the forward → backward cache it was 177 operations, ≥ 44 cycles, ≈ 0.53 G pairs/s.
// Measured: forward alone 19.8 ms (0.56 G pairs/s), forward + backward 51–65 ms across runs on
// this shared VM (0.17–0.22 G pairs/s), i.e. 2.6–3.4× the roofline, at about 2.4 instructions
// per cycle (hot loops read in the assembly, common path: forward 75 + 47, backward 73 + 84).
// This VM exposes no performance counters (perf: "cycles not supported"), so what holds the loops
// there is inferred from the experiments below, not observed: neither the divider nor the
// dependency chains.
// Gained (same-run A/B in a C harness calling these kernels on 2 700 random triangles, 64×64,
// and in `relax render bench`): two passes per row instead of one (−20 to −25 %); Cauchy's
// coverage from d² with rsqrt + Newton and 1/d in the chain rule (9 divisions + 2 square roots →
// 7 divisions per 8 pairs: −10 %); vblendvps selects in the AVX2 build (−4 %); the column products
// once per face (−2 to −3 %); the forward → backward nearest-edge cache (C harness: backward
// −8 to −15 %, forward +1 %; `relax render bench`, AVX2, 12 alternating runs each: median 62.1
// against 60.9 ms, minimum 50.2 against 51.2 — within this VM's noise; SSE2 −15 to −20 %).
// Tried without gain: interleaving two pixel vectors per iteration (5–10 % slower: more live
// registers); exact additions moved to the FMA pipes as fma(a, 1, b); the square root in the
// second pass; the two passes over a face's whole box instead of per row; fusing the two passes
// again (4 % slower; with the cache 35 % slower); splitting the geometry pass in two (projections,
// then residuals); edge-major geometry (one loop per edge over the row, 17 % slower); software
// pipelining across rows (the geometry of row r + 1 interleaved with the coverage of row r);
// the six geometry divisions replaced by Markstein's correction (q = a·RN(1/b), r = fma(−b, q, a),
// q + r·RN(1/b): equal to the division on 4e8 random pairs, but not proved correctly rounded for
// every pair, and no faster — the divider is not the limit); -funroll-loops; -mtune=znver3.
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
#define MASK8(m) (__builtin_ia32_movmskps((v4f)__builtin_shufflevector(m, m, 0, 1, 2, 3)) |                      \
                  __builtin_ia32_movmskps((v4f)__builtin_shufflevector(m, m, 4, 5, 6, 7)) << 4)
#include "render_kernel_body.h"
#undef SUFFIX
#undef ATTR
#undef MADD
#undef BARRIER
#undef RSQRT
#undef ALL
#undef MASK8

#if defined(__x86_64__)
#define SUFFIX _avx2
#define ATTR __attribute__((target("avx2,fma")))
#define MADD(a, b, c) __builtin_elementwise_fma((a), (b), (c))
#define BARRIER(v) __asm__ volatile("" : "+x"(v))
#define RSQRT(v) __builtin_ia32_rsqrtps256(v)
#define ALL(m) (__builtin_ia32_movmskps256((v8f)(m)) == 255)
#define MASK8(m) __builtin_ia32_movmskps256((v8f)(m))
#define SELECT(m, a, b) __builtin_ia32_blendvps256((b), (a), (v8f)(m))
#include "render_kernel_body.h"
#undef SUFFIX
#undef ATTR
#undef MADD
#undef BARRIER
#undef RSQRT
#undef ALL
#undef MASK8
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

long relax_render_cache_words(const relax_render_face *faces, long count, int32_t row0, int32_t row1) {
    long words = 0;
    for (long f = 0; f < count; f++) {
        int32_t r0 = faces[f].row0 > row0 ? faces[f].row0 : row0, r1 = faces[f].row1 < row1 ? faces[f].row1 : row1;
        if (r0 < r1) words += (long)(r1 - r0) * (faces[f].vec1 - faces[f].vec0);
    }
    return words;
}

relax_render_isa relax_render_forward(relax_render_isa isa, const relax_render_params *p,
                                      const relax_render_face *faces, long count,
                                      int32_t row0, int32_t row1, float *acc, uint32_t *cache) {
#if defined(__x86_64__)
    if (use_avx2(isa)) { forward_avx2(p, faces, count, row0, row1, acc, cache); return RELAX_RENDER_AVX2_FMA; }
#endif
    forward_baseline(p, faces, count, row0, row1, acc, cache);
    return RELAX_RENDER_BASELINE;
}

relax_render_isa relax_render_backward(relax_render_isa isa, const relax_render_params *p,
                                       const relax_render_face *faces, long count,
                                       int32_t row0, int32_t row1, const float *image,
                                       const float *cotangent, int32_t *tie, float *grad,
                                       const uint32_t *cache) {
#if defined(__x86_64__)
    if (use_avx2(isa)) { backward_avx2(p, faces, count, row0, row1, image, cotangent, tie, grad, cache); return RELAX_RENDER_AVX2_FMA; }
#endif
    backward_baseline(p, faces, count, row0, row1, image, cotangent, tie, grad, cache);
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
