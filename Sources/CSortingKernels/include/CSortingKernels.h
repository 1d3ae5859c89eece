#ifndef C_SORTING_KERNELS_H
#define C_SORTING_KERNELS_H

#include <stdint.h>

/// The comparators of a relaxed sorting network as a schedule of operations: single
/// comparators, and "quads" — two comparators of one layer and two of the next that close on the
/// same four wires, applied while those wires stay in registers. Built by relax_schedule_build.
typedef struct {
    long n;              ///< wires
    long count;          ///< comparators (= slots)
    long ops;            ///< operations
    const int32_t *op;   ///< 8 per operation: kind (0 single, 1 quad), wires w0…w3, straight bits, 0, first slot
    const int32_t *perm; ///< slot → comparator index in the network's flattened order
    long segments;       ///< runs of operations of one kind, direction mask and hull
    const int32_t *seg;  ///< 8 per segment: first operation, operations, hull lo, hull hi, code (mask, or 16 + mask for quads), 0, 0, 0
} relax_schedule;

/// Which instruction set the panel kernel uses.
typedef enum {
    RELAX_KERNEL_BASELINE = 0,  ///< the build's target (any x86-64: SSE2)
    RELAX_KERNEL_AVX2_FMA = 1   ///< AVX2 + FMA, chosen at run time (falls back to baseline)
} relax_kernel;


/// Builds the schedule of a network given layer by layer (`layerStart` has layers + 1 entries;
/// comparator c has wires lo[c] < hi[c] and straight[c] = 1 iff its minimum goes to lo[c]).
/// `op` and `seg` have room for 8 · count entries, `perm` for count. Returns the number of
/// operations and stores the number of segments in `*segments`.
long relax_schedule_build(long n, long count, const int32_t *lo, const int32_t *hi, const uint8_t *straight,
                          const int32_t *layerStart, long layers, int32_t *op, int32_t *perm,
                          int32_t *seg, long *segments);

/// Bytes of workspace the panel kernel needs (the caller aligns it to 64 bytes).
long relax_panel_workspace_bytes(long n, long comparators, long scalarBytes);

/// P of one row (n × n, row-major, `p`) from the per-comparator α (network order); with a
/// cotangent `cp` on P, adds the P part of ∂L/∂α to `alphaBar` (network order). Returns the
/// kernel actually run.
relax_kernel relax_panels_f64(relax_kernel kernel, const relax_schedule *s, const double *alpha,
                              double *p, const double *cp, double *alphaBar, void *workspace);
relax_kernel relax_panels_f32(relax_kernel kernel, const relax_schedule *s, const float *alpha,
                              float *p, const float *cp, float *alphaBar, void *workspace);


/// A (pruned) top-k network for the batched kernel: comparator c acts on wires lo[c] < hi[c] and
/// writes its soft minimum to minWire[c], its maximum to maxWire[c]; the top K wires are the last K.
typedef struct {
    long n, count, k;
    const int32_t *lo, *hi, *minWire, *maxWire;
} relax_topk_network;

/// Floats of workspace the batched top-k kernel needs (the caller aligns it to 32 bytes).
long relax_topk_workspace_floats(long n, long comparators, long k);

/// Forward of eight rows at once (Cauchy family): `values` holds n × 8 floats, wire-major with
/// one lane per row, and is sorted in place; `labels` gives each lane's label (−1: unused lane).
/// Leaves α, s·f′, a − b, the differences of row y of P and ⟨w, R_min − R_max⟩ per comparator,
/// and the n × (K + 1) attribution buffer R (lane-major after the wire: R[(wire·(K+1) + j)·8 + row],
/// j = K holding R·w), in `workspace` after its first 8n floats.
relax_kernel relax_topk_forward_f32(relax_kernel kernel, const relax_topk_network *net, float steepness,
                                    const float *weights, const int32_t *labels, float *values, float *workspace);
/// The exact gradient through the network for the rank-one cotangent factor[row]·w on row y of A,
/// written to `gradient` (n × 8, wire-major), from the workspace of the forward call.
relax_kernel relax_topk_backward_f32(relax_kernel kernel, const relax_topk_network *net, const float *factor,
                                     float *gradient, const float *workspace);

#endif
