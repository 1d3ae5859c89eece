// The silhouette kernels of SIMDSoftRasterizer (see that file's header for goals, the agreement
// bound and measurements), compiled twice from one body: once for the baseline target (SSE2:
// each 8-lane vector is two xmm registers) and once for AVX2 + FMA (one ymm register), chosen at
// run time so that the default build runs on any x86-64. Floating-point contraction is off:
// every fused multiply–add is written as MADD, so the edge functions (and with them the inside
// test) are evaluated exactly as the reference evaluates them.
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
#include "render_kernel_body.h"
#undef SUFFIX
#undef ATTR
#undef MADD
#undef BARRIER

#if defined(__x86_64__)
#define SUFFIX _avx2
#define ATTR __attribute__((target("avx2,fma")))
#define MADD(a, b, c) __builtin_elementwise_fma((a), (b), (c))
#define BARRIER(v) __asm__ volatile("" : "+x"(v))
#include "render_kernel_body.h"
#undef SUFFIX
#undef ATTR
#undef MADD
#undef BARRIER
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
