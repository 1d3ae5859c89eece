// The batched top-k network kernel of SIMDTopKLoss (Cauchy family, Float; see
// SIMDTopKLoss+Batched.swift), compiled twice from one body: for the baseline target and for
// AVX2 + FMA, chosen at run time so that the default build runs on any x86-64.
#include "CSortingKernels.h"
#include "CPUFeatures.h"

// The 8-lane helpers are always inlined, so the AVX argument ABI never applies.
#pragma clang diagnostic ignored "-Wpsabi"

typedef float f32x8 __attribute__((vector_size(32)));
typedef int32_t i32x8 __attribute__((vector_size(32)));

#define ATAN8 atan8_baseline
#define SEL8 sel8_baseline
#define FN_FWD topk_forward_baseline
#define FN_BWD topk_backward_baseline
#define ATTR
#include "topk_kernel_body.h"
#undef ATAN8
#undef SEL8
#undef FN_FWD
#undef FN_BWD
#undef ATTR
#if defined(__x86_64__)
#define ATAN8 atan8_avx2
#define SEL8 sel8_avx2
#define FN_FWD topk_forward_avx2
#define FN_BWD topk_backward_avx2
#define ATTR __attribute__((target("avx2,fma")))
#include "topk_kernel_body.h"
#undef ATAN8
#undef SEL8
#undef FN_FWD
#undef FN_BWD
#undef ATTR
#endif

long relax_topk_workspace_floats(long n, long comparators, long k) {
    return 8 * (n + 5 * comparators + n * (k + 1));
}

relax_kernel relax_topk_forward_f32(relax_kernel kernel, const relax_topk_network *net, float steepness,
                                    const float *weights, const int32_t *labels, float *values, float *workspace) {
#if defined(__x86_64__)
    if (kernel == RELAX_KERNEL_AVX2_FMA && relax_cpu_has_avx2_fma()) {
        topk_forward_avx2(net, steepness, weights, labels, values, workspace);
        return RELAX_KERNEL_AVX2_FMA;
    }
#endif
    topk_forward_baseline(net, steepness, weights, labels, values, workspace);
    return RELAX_KERNEL_BASELINE;
}

relax_kernel relax_topk_backward_f32(relax_kernel kernel, const relax_topk_network *net, const float *factor,
                                     float *gradient, const float *workspace) {
#if defined(__x86_64__)
    if (kernel == RELAX_KERNEL_AVX2_FMA && relax_cpu_has_avx2_fma()) {
        topk_backward_avx2(net, factor, gradient, workspace);
        return RELAX_KERNEL_AVX2_FMA;
    }
#endif
    topk_backward_baseline(net, factor, gradient, workspace);
    return RELAX_KERNEL_BASELINE;
}
