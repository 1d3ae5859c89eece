#ifndef C_RENDERER_KERNELS_H
#define C_RENDERER_KERNELS_H

#include <stdint.h>

/// Which instruction set the silhouette kernels use.
typedef enum {
    RELAX_RENDER_BASELINE = 0,  ///< the build's target (any x86-64: SSE2, 4-wide halves)
    RELAX_RENDER_AVX2_FMA = 1   ///< AVX2 + FMA, chosen at run time (falls back to baseline)
} relax_render_isa;

/// The coverage CDFs the kernels evaluate on 8 lanes (the others use the Swift lane path).
typedef enum {
    RELAX_CDF_UNIFORM = 0,
    RELAX_CDF_CUBIC_HERMITE = 1,
    RELAX_CDF_RECIPROCAL = 2,
    RELAX_CDF_GAUSSIAN = 3,
    RELAX_CDF_LAPLACE = 4,
    RELAX_CDF_LOGISTIC = 5,
    RELAX_CDF_CAUCHY = 6,
    /// `relax_render_cdf_eval` only: Cauchy as plain-mode renders evaluate it, from u² (τ = 1).
    RELAX_CDF_CAUCHY_FROM_SQUARE = 7
} relax_render_cdf;

/// The T-conorms the kernels fold with.
typedef enum {
    RELAX_FOLD_MAX = 0,
    RELAX_FOLD_PROBABILISTIC = 1,
    RELAX_FOLD_EINSTEIN = 2
} relax_render_fold;

/// One face: its vertices P_k = (ax[k], ay[k]), edges e_k = P_{k+1} − P_k, 1/|e_k|² (0 for a
/// degenerate edge: the projection parameter is then 0), the orientation sign of the triangle (0 when its area is 0), and the pixel
/// box it can reach: rows [row0, row1), 8-pixel column vectors [vec0, vec1).
typedef struct {
    float ax[3], ay[3], ex[3], ey[3], len2[3];
    float orient;
    int32_t row0, row1, vec0, vec1;
} relax_render_face;

/// Everything but the faces (`tau` = τ, `floor` = the derivative floor, 0 or 1e-6). `px` has 8·vectors column centres, `valid` 8·vectors lane masks
/// (−1 for a pixel, 0 for padding), `py` has `size` row centres.
typedef struct {
    int32_t size, vectors;
    int32_t cdf, fold, squared, all_ties;
    float tau, floor, threshold;
    const float *px, *py;
    const int32_t *valid;
} relax_render_params;


/// Words of the forward → backward cache for these faces and rows [row0, row1): one per face,
/// row and 8-pixel vector of the face's box within the rows.
long relax_render_cache_words(const relax_render_face *faces, long count, int32_t row0, int32_t row1);

/// The left fold over faces in order for rows [row0, row1): `acc` holds (row1 − row0)·vectors·8
/// accumulators (row-major, padded), updated in place. `cache` (NULL for none) receives
/// `relax_render_cache_words` words, each face's nearest-edge and inside masks per vector, which
/// spare a backward with the same faces, parameters and rows the geometry of the other two edges.
/// Returns the kernel actually run.
relax_render_isa relax_render_forward(relax_render_isa isa, const relax_render_params *p,
                                      const relax_render_face *faces, long count,
                                      int32_t row0, int32_t row1, float *acc, uint32_t *cache);

/// The vector–Jacobian product for rows [row0, row1): `image` and `cotangent` are the whole
/// packed image (size·vectors·8), `tie` (max only) holds (row1 − row0)·vectors·8 zeros on entry,
/// `grad` receives 6 sums per face (overwritten). `cache`: NULL, or what `relax_render_forward`
/// wrote for the same faces, parameters and rows (the result is bit-identical either way).
relax_render_isa relax_render_backward(relax_render_isa isa, const relax_render_params *p,
                                       const relax_render_face *faces, long count,
                                       int32_t row0, int32_t row1, const float *image,
                                       const float *cotangent, int32_t *tie, float *grad,
                                       const uint32_t *cache);

/// The kernels' CDF and density at `n` points (n a multiple of 8), for tests.
relax_render_isa relax_render_cdf_eval(relax_render_isa isa, int32_t cdf, const float *u,
                                       float *b, float *f, long n);

/// A measurement probe: the Cauchy + probabilistic forward and backward kernels on a 64×64 image
/// and 8 copies of one face covering it (`iterations` × 8 pairs, rounded up to whole calls): the
/// throughput of the kernels' own loops without a mesh; returns a checksum.
float relax_render_roofline_probe(relax_render_isa isa, long iterations);

#endif
