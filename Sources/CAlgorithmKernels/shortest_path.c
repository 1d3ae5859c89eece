// The relaxed shortest path kernel (see SIMDShortestPath+Kernel.swift for goals, the agreement
// bound and measurements), compiled twice from one body: once for the baseline target and once
// for AVX2 + FMA, chosen at run time so that the default build runs on any x86-64.
#include "CAlgorithmKernels.h"
#include "CPUFeatures.h"

// Every helper is always inlined, so the 4-lane vectors never cross a call boundary.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double v4 __attribute__((vector_size(32), aligned(8)));
typedef long long i4 __attribute__((vector_size(32), aligned(8)));
typedef unsigned long long u4 __attribute__((vector_size(32), aligned(8)));

#define LD(ptr) (*(const v4 *)(ptr))
#define ST(ptr, v) (*(v4 *)(ptr) = (v))
#define SPLAT(x) ((v4){(x), (x), (x), (x)})
#define SEL(mask, a, b) ((v4)(((mask) & (i4)(a)) | (~(mask) & (i4)(b))))
#define ALL(mask) ((mask)[0] & (mask)[1] & (mask)[2] & (mask)[3])

#define SUFFIX baseline
#define ATTR
#include "shortest_path_body.h"
#undef SUFFIX
#undef ATTR
#if defined(__x86_64__)
#define SUFFIX avx2
#define ATTR __attribute__((target("avx2,fma")))
#include "shortest_path_body.h"
#undef SUFFIX
#undef ATTR
#endif

long relax_shortest_path_workspace(const relax_sp_params *p) {
    const long T = p->iterations, L = 4 * p->groups, MAP = (p->H + 2) * (p->W + 2) * L;
    const long P = (p->H + 2) * (p->W + 2);
    return (7 * T + 15) * MAP + (T * p->H * p->W * p->groups + T * P * p->groups + 7) / 8 + 1;
}

relax_sp_status relax_shortest_path_f64(relax_algo_kernel kernel, const relax_sp_params *p, const double *cost,
                                        const double *grad_path, double *path, double *grad_cost,
                                        double *workspace, relax_algo_kernel *used) {
    if (p->H < 1 || p->W < 1 || p->groups < 1 || p->iterations < 1 || p->tconorm < 0 || p->tconorm > 2)
        return RELAX_SP_UNSUPPORTED;
#if defined(__x86_64__)
    if (kernel == RELAX_ALGO_KERNEL_AVX2_FMA && relax_cpu_has_avx2_fma()) {
        *used = RELAX_ALGO_KERNEL_AVX2_FMA;
        return (relax_sp_status)sp_avx2(p, cost, grad_path, path, grad_cost, workspace);
    }
#endif
    *used = RELAX_ALGO_KERNEL_BASELINE;
    return (relax_sp_status)sp_baseline(p, cost, grad_path, path, grad_cost, workspace);
}
