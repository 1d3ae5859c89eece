#ifndef RELAX_ALGORITHM_KERNELS_H
#define RELAX_ALGORITHM_KERNELS_H

/// The relaxed shortest path of SIMDShortestPath+Kernel.swift in C (see that file's header for
/// goals, the agreement bound and measurements): the whole For program — the Bellman–Ford
/// sweeps, the traceback and, with a cotangent, the whole backward — for a batch laid out in
/// lanes of four rows (`[cell][group][4]` doubles, the layout of the Swift SIMD kernels).

/// Which build of the kernel to run.
typedef enum { RELAX_ALGO_KERNEL_BASELINE = 0, RELAX_ALGO_KERNEL_AVX2_FMA = 1 } relax_algo_kernel;

/// The program's parameters (soft mode, For traceback).
typedef struct {
    long H, W;          ///< grid rows and columns (≥ 1)
    long groups;        ///< lane groups of four batch rows (≥ 1)
    long iterations;    ///< sweeps and traceback steps T (≥ 1)
    double beta, infinity, q;
    int tconorm;        ///< 0 probabilistic, 1 Hamacher (parameter q), 2 Yager (p = 1)
} relax_sp_params;

/// Results of ``relax_shortest_path_f64``.
typedef enum {
    RELAX_SP_OK = 0,
    /// A cell's soft arg-min needed the per-cell (max-shifted) form, or the last sweep did not
    /// reach every cell: nothing was written; the caller runs its general kernel instead.
    RELAX_SP_UNSUPPORTED = 1,
} relax_sp_status;

/// Doubles of workspace one call needs.
long relax_shortest_path_workspace(const relax_sp_params *p);

/// Forward (`path`, `[H·W][groups][4]`) and, when `grad_path` is not NULL, `grad_cost` (same
/// layout) for the cotangent `grad_path`. `cost` must be positive and finite (the caller
/// validates). `*used` receives the build that ran.
relax_sp_status relax_shortest_path_f64(relax_algo_kernel kernel, const relax_sp_params *p, const double *cost,
                                        const double *grad_path, double *path, double *grad_cost,
                                        double *workspace, relax_algo_kernel *used);

#endif
