// The P panel kernel of SIMDRelaxedSorter (see that file's header for goals, the agreement
// bound and measurements), compiled twice from one body: once for the baseline target and once
// for AVX2 + FMA, chosen at run time so that the default build runs on any x86-64.
#include "CSortingKernels.h"
#include "CPUFeatures.h"
#include <string.h>

typedef double f64x8 __attribute__((vector_size(64)));
typedef double f64x4 __attribute__((vector_size(32)));
typedef float f32x8 __attribute__((vector_size(32)));
typedef float f32x4 __attribute__((vector_size(16)));

#define T double
#define V8 f64x8
#define V4 f64x4
#define FN panels_f64_baseline
#define ATTR
#include "panel_kernel_body.h"
#undef FN
#undef ATTR
#if defined(__x86_64__)
#define FN panels_f64_avx2
#define ATTR __attribute__((target("avx2,fma")))
#include "panel_kernel_body.h"
#undef FN
#undef ATTR
#endif
#undef T
#undef V8
#undef V4

#define T float
#define V8 f32x8
#define V4 f32x4
#define FN panels_f32_baseline
#define ATTR
#include "panel_kernel_body.h"
#undef FN
#undef ATTR
#if defined(__x86_64__)
#define FN panels_f32_avx2
#define ATTR __attribute__((target("avx2,fma")))
#include "panel_kernel_body.h"
#undef FN
#undef ATTR
#endif
#undef T
#undef V8
#undef V4

long relax_panel_workspace_bytes(long n, long comparators, long scalarBytes) {
    // panel, cotangent, differences (8 lanes each), α and ᾱ by slot with spare room, then the
    // list of segments a panel runs (at most one per comparator).
    return ((2 * n + comparators) * 8 + 2 * comparators + 16) * scalarBytes + 4 * comparators + 64;
}

relax_kernel relax_panels_f64(relax_kernel kernel, const relax_schedule *s, const double *alpha,
                              double *p, const double *cp, double *alphaBar, void *workspace) {
#if defined(__x86_64__)
    if (kernel == RELAX_KERNEL_AVX2_FMA && relax_cpu_has_avx2_fma()) {
        panels_f64_avx2(s, alpha, p, cp, alphaBar, workspace);
        return RELAX_KERNEL_AVX2_FMA;
    }
#endif
    panels_f64_baseline(s, alpha, p, cp, alphaBar, workspace);
    return RELAX_KERNEL_BASELINE;
}

relax_kernel relax_panels_f32(relax_kernel kernel, const relax_schedule *s, const float *alpha,
                              float *p, const float *cp, float *alphaBar, void *workspace) {
#if defined(__x86_64__)
    if (kernel == RELAX_KERNEL_AVX2_FMA && relax_cpu_has_avx2_fma()) {
        panels_f32_avx2(s, alpha, p, cp, alphaBar, workspace);
        return RELAX_KERNEL_AVX2_FMA;
    }
#endif
    panels_f32_baseline(s, alpha, p, cp, alphaBar, workspace);
    return RELAX_KERNEL_BASELINE;
}
