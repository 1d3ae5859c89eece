// The body of the silhouette kernels, included twice by render_kernels.c: once for the
// baseline target and once for AVX2 + FMA. Needs: SUFFIX, ATTR, MADD(a, b, c) (a·b + c, fused
// where the target has FMA). See SIMDSoftRasterizer.swift for goals and the agreement bound.

#define K(name) CAT(name, SUFFIX)
#define INL static inline __attribute__((always_inline)) ATTR

#ifdef SELECT
INL v8f K(sel)(v8i m, v8f a, v8f b) { return SELECT(m, a, b); }
#else
INL v8f K(sel)(v8i m, v8f a, v8f b) { return (v8f)((m & (v8i)a) | (~m & (v8i)b)); }
#endif
INL v8f K(vmin)(v8f a, v8f b) { return K(sel)(a < b, a, b); }
INL v8f K(vmax)(v8f a, v8f b) { return K(sel)(a > b, a, b); }
INL v8f K(vabs)(v8f a) { return (v8f)((v8i)a & SPLATI(0x7fffffff)); }
INL v8f K(load)(const float *p) { v8f v; __builtin_memcpy(&v, p, sizeof v); return v; }
INL v8i K(loadi)(const int32_t *p) { v8i v; __builtin_memcpy(&v, p, sizeof v); return v; }
INL void K(store)(float *p, v8f v) { __builtin_memcpy(p, &v, sizeof v); }
INL void K(storei)(int32_t *p, v8i v) { __builtin_memcpy(p, &v, sizeof v); }

#include "render_kernel_cdf.h"
#include "render_kernel_geometry.h"

/// Plain-mode Cauchy works from the squared distance (`cauchy_tail_sq`): no square root, no division.
#define VIA_SQUARE(cdf, squared) ((cdf) == RELAX_CDF_CAUCHY && !(squared))

/// b = F(s·x/τ) from s·x: the same operations as the reference's (u = (s·x)/τ = s·(x/τ) exactly);
/// for plain-mode Cauchy (`via_square`) from s·d² and `cauchy_tail_sq`.
INL v8f K(coverage_signed)(v8f sx, v8f tau, v8f big2, const int cdf, const int via_square) {
    if (cdf == RELAX_CDF_CAUCHY) {
        v8f y, L = via_square ? K(cauchy_tail_sq)(K(vabs)(sx), tau, big2, &y) : K(cauchy_tail)(K(vabs)(sx), tau);
        return K(sel)(sx > SPLAT(0.0f), SPLAT(1.0f) - L, L);
    }
    return K(cdf)(sx / tau, 0, cdf, 0);
}

typedef struct { v8f g0x, g0y, g1x, g1y, g2x, g2y; } K(grad_t);

/// The per-pixel factor of the backward that does not depend on the face: g·(∂A/∂b numerator)
/// (probabilistic 1 − A, Einstein 1 − A², max 1), times 1/π for Cauchy (its density's constant)
/// and 2 in squared mode (∂d²/∂r = 2r).
INL v8f K(numerator)(v8f A, v8f g, const int cdf, const int fold, const int squared) {
    v8f n = fold == RELAX_FOLD_PROBABILISTIC ? g * (SPLAT(1.0f) - A)
          : fold == RELAX_FOLD_EINSTEIN ? g * (SPLAT(1.0f) - A * A) : g;
    if (cdf == RELAX_CDF_CAUCHY) n = n * SPLAT(0.318309886183790672f);
    if (squared) n = n * SPLAT(2.0f);
    return n;
}

INL v8f K(fold)(v8f a, v8f b, const int fold) {
    switch (fold) {
    case RELAX_FOLD_MAX: return K(sel)(a < b, b, a);
    case RELAX_FOLD_PROBABILISTIC: return (a + b) - a * b;
    default: return (a + b) / (SPLAT(1.0f) + a * b);
    }
}

/// The chain-rule half: the gradient contributions of those 8 pixels, added to `G`. `A` is the
/// pixels' silhouette, `N` their `numerator`; `tp` the max-ties mask (max only). The divisions
/// of the chain rule (∂A/∂b's denominator, /τ, /d) and Cauchy's density 1/(π(1 + u²)) are one:
/// factor = N·f̂ / (q·τ̂·d) with q = 1 − b (Einstein 1 − b²; max 1), and for Cauchy f̂ = 1,
/// τ̂ = τ(1 + u²) = τ + x²/τ (no u needed), else f̂ = f(u), τ̂ = τ. Plain-mode Cauchy
/// (`via_square`, x = d² here) takes 1/d from `cauchy_tail_sq` into the numerator instead, and
/// τ̂ = τ + d²/τ. The sign s is applied last.
INL void K(chain)(const relax_render_params *P, K(near_t) n, v8i valid, v8f A, v8f N, int32_t *tp, K(grad_t) *G,
                  v8f big2, const int cdf, const int fold, const int squared) {
    const v8f one = SPLAT(1.0f), zero = SPLAT(0.0f), tau = SPLAT(P->tau);
    const int via_square = VIA_SQUARE(cdf, squared);
    v8f x = K(vabs)(n.sx), b, num = N, den;
    v8i out = (v8i)n.sx < SPLATI(0); // the sign bit: s = −1 (−0 outside at d = 0)
    v8i ok = SPLATI(-1);
    if (via_square) {
        v8f y, L = K(cauchy_tail_sq)(x, tau, big2, &y);
        b = K(sel)(out, L, one - L);
        num = num * y;
        den = MADD(x, SPLAT(1.0f / P->tau), tau);
        ok = x > zero; // d = 0: no direction (the reference's 0/0 guard)
    } else if (cdf == RELAX_CDF_CAUCHY) {
        v8f L = K(cauchy_tail)(x, tau);
        b = K(sel)(out, L, one - L);
        den = MADD(x, x * SPLAT(1.0f / P->tau), tau);
    } else {
        v8f dens;
        b = K(cdf)(n.sx / tau, &dens, cdf, 1);
        num = num * dens;
        den = tau;
    }
    v8i active = (b > SPLAT(P->threshold)) & valid;
    switch (fold) {
    case RELAX_FOLD_MAX: {
        v8i hit = (A == b) & active;
        if (!P->all_ties) {
            v8i taken = K(loadi)(tp);
            K(storei)(tp, taken | hit);
            hit = hit & ~taken;
        }
        active = hit;
        break;
    }
    case RELAX_FOLD_PROBABILISTIC: den = den * K(vmax)(one - b, SPLAT(P->floor)); break;
    default: den = den * K(vmax)(one - b * b, SPLAT(P->floor)); break;
    }
    if (!squared && !via_square) den = den * x;
    v8f factor = K(sel)(active & ok & (den > zero), num / den, zero);
    factor = (v8f)((v8i)factor ^ (out & SPLATI((int32_t)0x80000000)));
    v8f w0 = factor * n.c0, w1 = factor * n.c1, w2 = factor * n.c2;
    G->g0x = MADD(w0, n.rx, G->g0x); G->g0y = MADD(w0, n.ry, G->g0y);
    G->g1x = MADD(w1, n.rx, G->g1x); G->g1y = MADD(w1, n.ry, G->g1y);
    G->g2x = MADD(w2, n.rx, G->g2x); G->g2y = MADD(w2, n.ry, G->g2y);
}

INL void K(forward_impl)(const relax_render_params *P, const relax_render_face *F, long nf,
                         int32_t row0, int32_t row1, float *acc, uint32_t *cache,
                         const int cdf, const int fold, const int squared) {
    const int V = P->vectors;
    const relax_render_params Q = *P; // a local copy: no aliasing with the outputs
    const float *px = Q.px;
    const int32_t *valid = Q.valid;
    const v8f threshold = SPLAT(Q.threshold), tau = SPLAT(Q.tau), big2 = SPLAT(K(cauchy_big2)(Q.tau));
    const int via_square = VIA_SQUARE(cdf, squared);
    // Two passes per face row: signed distances s·x of the row's vectors, then coverage and fold.
    // Each pass's dependency chain is half as long, so the out-of-order window overlaps more vectors.
    v8f *sx = aligned_alloc(32, sizeof(v8f) * (V > 0 ? V : 1)); // v8f needs 32-byte alignment
    K(column_t) *cols = aligned_alloc(32, sizeof(K(column_t)) * (V > 0 ? V : 1));
    if (!sx || !cols) { free(sx); free(cols); return; }
    K(consts_t) C;
    for (long f = 0; f < nf; f++) {
        const relax_render_face *fc = &F[f];
        int32_t r0 = fc->row0 > row0 ? fc->row0 : row0, r1 = fc->row1 < row1 ? fc->row1 : row1;
        int32_t v0 = fc->vec0, v1 = fc->vec1;
        if (r0 >= r1) continue;
        K(face_consts)(fc, &C);
        K(face_columns)(&C, px, v0, v1, cols);
        for (int32_t row = r0; row < r1; row++) {
            K(row_consts)(fc, Q.py[row], &C);
            if (cache) {
                for (int32_t v = v0; v < v1; v++)
                    sx[v] = K(signed_distance_cached)(&C, cols + v, K(load)(px + 8 * v), squared || via_square, cache + (v - v0));
                cache += v1 - v0;
            } else {
                for (int32_t v = v0; v < v1; v++) sx[v] = K(signed_distance)(&C, cols + v, K(load)(px + 8 * v), squared || via_square);
            }
            float *arow = acc + (long)(row - row0) * V * 8;
            for (int32_t v = v0; v < v1; v++) {
                v8f b = K(coverage_signed)(sx[v], tau, big2, cdf, via_square);
                v8i active = (b > threshold) & K(loadi)(valid + 8 * v);
                v8f a = K(load)(arow + 8 * v);
                K(store)(arow + 8 * v, K(sel)(active, K(fold)(a, b, fold), a));
            }
        }
    }
    free(sx);
    free(cols);
}

INL float K(hsum)(v8f v) {
    float s = 0;
    for (int i = 0; i < 8; i++) s += v[i];
    return s;
}

INL void K(backward_impl)(const relax_render_params *P, const relax_render_face *F, long nf,
                          int32_t row0, int32_t row1, const float *image, const float *cot,
                          int32_t *tie, float *grad, const uint32_t *cache,
                          const int cdf, const int fold, const int squared) {
    const int V = P->vectors;
    const relax_render_params Q = *P; // a local copy: no aliasing with the outputs
    const float *px = Q.px;
    const int32_t *valid = Q.valid;
    const v8f zero = SPLAT(0.0f), big2 = SPLAT(K(cauchy_big2)(Q.tau));
    const int via_square = VIA_SQUARE(cdf, squared);
    // The face-independent per-pixel factors of the band, once; and one row of geometry results
    // (two passes per face row, as in the forward).
    long band = (long)(row1 - row0) * V * 8;
    float *numer = malloc(sizeof(float) * (band > 0 ? band : 1));
    K(near_t) *near = aligned_alloc(32, sizeof(K(near_t)) * (V > 0 ? V : 1)); // v8f needs 32-byte alignment
    K(column_t) *cols = aligned_alloc(32, sizeof(K(column_t)) * (V > 0 ? V : 1));
    if (!numer || !near || !cols) { free(numer); free(near); free(cols); return; }
    for (long i = 0; i < band; i += 8) {
        long j = (long)row0 * V * 8 + i;
        K(store)(numer + i, K(numerator)(K(load)(image + j), K(load)(cot + j), cdf, fold, squared));
    }
    K(consts_t) C;
    for (long f = 0; f < nf; f++) {
        const relax_render_face *fc = &F[f];
        int32_t r0 = fc->row0 > row0 ? fc->row0 : row0, r1 = fc->row1 < row1 ? fc->row1 : row1;
        int32_t v0 = fc->vec0, v1 = fc->vec1;
        K(grad_t) G = {zero, zero, zero, zero, zero, zero};
        if (r0 < r1) { K(face_consts)(fc, &C); K(face_columns)(&C, px, v0, v1, cols); }
        for (int32_t row = r0; row < r1; row++) {
            K(row_consts)(fc, Q.py[row], &C);
            if (cache) {
                for (int32_t v = v0; v < v1; v++)
                    near[v] = K(nearest_cached)(&C, cols + v, K(load)(px + 8 * v), cache[v - v0], squared || via_square);
                cache += v1 - v0;
            } else {
                for (int32_t v = v0; v < v1; v++) near[v] = K(nearest)(&C, cols + v, K(load)(px + 8 * v), squared || via_square);
            }
            for (int32_t v = v0; v < v1; v++) {
                long i = ((long)row * V + v) * 8, l = ((long)(row - row0) * V + v) * 8;
                int32_t *tp = fold == RELAX_FOLD_MAX ? tie + l : 0;
                v8f A = fold == RELAX_FOLD_MAX ? K(load)(image + i) : zero;
                K(chain)(&Q, near[v], K(loadi)(valid + 8 * v), A, K(load)(numer + l), tp, &G, big2, cdf, fold, squared);
            }
        }
        float *out = grad + 6 * f;
        out[0] = K(hsum)(G.g0x); out[1] = K(hsum)(G.g0y);
        out[2] = K(hsum)(G.g1x); out[3] = K(hsum)(G.g1y);
        out[4] = K(hsum)(G.g2x); out[5] = K(hsum)(G.g2y);
    }
    free(numer);
    free(near);
    free(cols);
}

#define DISPATCH_CDF(CALL, FOLD, SQ)                                   \
    switch (P->cdf) {                                                  \
    case RELAX_CDF_UNIFORM: CALL(RELAX_CDF_UNIFORM, FOLD, SQ); break;  \
    case RELAX_CDF_CUBIC_HERMITE: CALL(RELAX_CDF_CUBIC_HERMITE, FOLD, SQ); break; \
    case RELAX_CDF_RECIPROCAL: CALL(RELAX_CDF_RECIPROCAL, FOLD, SQ); break; \
    case RELAX_CDF_GAUSSIAN: CALL(RELAX_CDF_GAUSSIAN, FOLD, SQ); break; \
    case RELAX_CDF_LAPLACE: CALL(RELAX_CDF_LAPLACE, FOLD, SQ); break;  \
    case RELAX_CDF_LOGISTIC: CALL(RELAX_CDF_LOGISTIC, FOLD, SQ); break; \
    default: CALL(RELAX_CDF_CAUCHY, FOLD, SQ); break;                  \
    }
#define DISPATCH_SQ(CALL, FOLD) \
    if (P->squared) { DISPATCH_CDF(CALL, FOLD, 1) } else { DISPATCH_CDF(CALL, FOLD, 0) }
#define DISPATCH(CALL)                                                        \
    switch (P->fold) {                                                        \
    case RELAX_FOLD_MAX: DISPATCH_SQ(CALL, RELAX_FOLD_MAX) break;             \
    case RELAX_FOLD_PROBABILISTIC: DISPATCH_SQ(CALL, RELAX_FOLD_PROBABILISTIC) break; \
    default: DISPATCH_SQ(CALL, RELAX_FOLD_EINSTEIN) break;                    \
    }

static ATTR void K(forward)(const relax_render_params *P, const relax_render_face *F, long nf,
                            int32_t row0, int32_t row1, float *acc, uint32_t *cache) {
#define FWD(C, FO, SQ) K(forward_impl)(P, F, nf, row0, row1, acc, cache, C, FO, SQ)
    DISPATCH(FWD)
#undef FWD
}

static ATTR void K(backward)(const relax_render_params *P, const relax_render_face *F, long nf,
                             int32_t row0, int32_t row1, const float *image, const float *cot,
                             int32_t *tie, float *grad, const uint32_t *cache) {
#define BWD(C, FO, SQ) K(backward_impl)(P, F, nf, row0, row1, image, cot, tie, grad, cache, C, FO, SQ)
    DISPATCH(BWD)
#undef BWD
}

static ATTR void K(cdf_eval)(int32_t cdf, const float *u, float *b, float *f, long n) {
    for (long i = 0; i + 8 <= n; i += 8) {
        v8f x = K(load)(u + i), dens, c;
        switch (cdf) {
        case RELAX_CDF_UNIFORM: c = K(cdf)(x, &dens, RELAX_CDF_UNIFORM, 1); break;
        case RELAX_CDF_CUBIC_HERMITE: c = K(cdf)(x, &dens, RELAX_CDF_CUBIC_HERMITE, 1); break;
        case RELAX_CDF_RECIPROCAL: c = K(cdf)(x, &dens, RELAX_CDF_RECIPROCAL, 1); break;
        case RELAX_CDF_GAUSSIAN: c = K(cdf)(x, &dens, RELAX_CDF_GAUSSIAN, 1); break;
        case RELAX_CDF_LAPLACE: c = K(cdf)(x, &dens, RELAX_CDF_LAPLACE, 1); break;
        case RELAX_CDF_LOGISTIC: c = K(cdf)(x, &dens, RELAX_CDF_LOGISTIC, 1); break;
        case RELAX_CDF_CAUCHY_FROM_SQUARE: {
            v8f y, L = K(cauchy_tail_sq)(x * x, SPLAT(1.0f), SPLAT(K(cauchy_big2)(1.0f)), &y);
            c = K(sel)(x < SPLAT(0.0f), L, SPLAT(1.0f) - L);
            K(cdf)(x, &dens, RELAX_CDF_CAUCHY, 1);
            break;
        }
        default: c = K(cdf)(x, &dens, RELAX_CDF_CAUCHY, 1); break;
        }
        K(store)(b + i, c);
        K(store)(f + i, dens);
    }
}

/// The Cauchy + probabilistic forward and backward kernels on a 64×64 image and 8 copies of one
/// face covering it (no culling, face data in L1, no mesh): the throughput of the kernels' own
/// loops, `iterations` × 8 pairs (rounded up to whole calls of 8 faces × 64 rows × 8 vectors).
static ATTR float K(probe)(long iterations) {
    enum { FACES = 8, ROWS = 64, VECTORS = 8, PIXELS = ROWS * VECTORS * 8 };
    relax_render_face fc = {{-0.3f, 0.4f, 0.1f}, {-0.2f, -0.1f, 0.5f}, {0.7f, -0.3f, -0.4f},
                            {0.1f, 0.6f, -0.7f}, {0, 0, 0}, 1.0f, 0, ROWS, 0, VECTORS};
    for (int k = 0; k < 3; k++) fc.len2[k] = fc.ex[k] * fc.ex[k] + fc.ey[k] * fc.ey[k];
    relax_render_face faces[FACES];
    float px[8 * VECTORS], py[ROWS], grad[6 * FACES];
    int32_t valid[8 * VECTORS];
    float *acc = malloc(sizeof(float) * PIXELS), *cot = malloc(sizeof(float) * PIXELS);
    int32_t *tie = calloc(PIXELS, sizeof(int32_t));
    uint32_t *cache = malloc(sizeof(uint32_t) * FACES * ROWS * VECTORS);
    if (!acc || !cot || !tie || !cache) { free(acc); free(cot); free(tie); free(cache); return 0; }
    for (int f = 0; f < FACES; f++) faces[f] = fc;
    for (int i = 0; i < 8 * VECTORS; i++) { px[i] = (2 * i + 1 - 8 * VECTORS) / (float)(8 * VECTORS); valid[i] = -1; }
    for (int r = 0; r < ROWS; r++) py[r] = (ROWS - 1 - 2 * r) / (float)ROWS;
    for (int i = 0; i < PIXELS; i++) cot[i] = 1;
    relax_render_params P = {ROWS, VECTORS, RELAX_CDF_CAUCHY, RELAX_FOLD_PROBABILISTIC, 0, 0, 3.1623e-4f, 0, 1e-6f, px, py, valid};
    float sum = 0;
    for (long done = 0; done < iterations; done += FACES * ROWS * VECTORS) {
        for (int i = 0; i < PIXELS; i++) acc[i] = 0;
        K(forward)(&P, faces, FACES, 0, ROWS, acc, cache);
        K(backward)(&P, faces, FACES, 0, ROWS, acc, cot, tie, grad, cache);
        sum += acc[0] + grad[0];
    }
    free(acc); free(cot); free(tie); free(cache);
    return sum;
}

#undef K
#undef INL
#undef DISPATCH
#undef DISPATCH_SQ
#undef DISPATCH_CDF
