// The body of the silhouette kernels, included twice by render_kernels.c: once for the
// baseline target and once for AVX2 + FMA. Needs: SUFFIX, ATTR, MADD(a, b, c) (a·b + c, fused
// where the target has FMA). See SIMDSoftRasterizer.swift for goals and the agreement bound.

#define K(name) CAT(name, SUFFIX)
#define INL static inline __attribute__((always_inline)) ATTR

INL v8f K(sel)(v8i m, v8f a, v8f b) { return (v8f)((m & (v8i)a) | (~m & (v8i)b)); }
INL v8f K(vmin)(v8f a, v8f b) { return K(sel)(a < b, a, b); }
INL v8f K(vmax)(v8f a, v8f b) { return K(sel)(a > b, a, b); }
INL v8f K(vabs)(v8f a) { return (v8f)((v8i)a & SPLATI(0x7fffffff)); }
INL v8f K(load)(const float *p) { v8f v; __builtin_memcpy(&v, p, sizeof v); return v; }
INL v8i K(loadi)(const int32_t *p) { v8i v; __builtin_memcpy(&v, p, sizeof v); return v; }
INL void K(store)(float *p, v8f v) { __builtin_memcpy(p, &v, sizeof v); }
INL void K(storei)(int32_t *p, v8i v) { __builtin_memcpy(p, &v, sizeof v); }

/// e^x for x ≤ 0 (Cody–Waite reduction by ln 2, degree-5 polynomial of Cephes' expf, 2^n by
/// exponent bits); 0 below −87.3. Relative error ≤ 2.5e-7 (tested against Double).
INL v8f K(vexp)(v8f x) {
    v8i under = x < SPLAT(-87.3f);
    x = K(vmax)(x, SPLAT(-87.3f));
    v8f k = x * SPLAT(1.44269504088896341f) + SPLAT(12582912.0f);
    v8i n = (v8i)k - SPLATI(0x4B400000);
    k = k - SPLAT(12582912.0f);
    v8f r = x - k * SPLAT(0.693359375f);
    r = r - k * SPLAT(-2.12194440e-4f);
    v8f p = SPLAT(1.9875691500e-4f);
    p = MADD(p, r, SPLAT(1.3981999507e-3f));
    p = MADD(p, r, SPLAT(8.3334519073e-3f));
    p = MADD(p, r, SPLAT(4.1665795894e-2f));
    p = MADD(p, r, SPLAT(1.6666665459e-1f));
    p = MADD(p, r, SPLAT(5.0000001201e-1f));
    v8f y = MADD(p, r * r, r) + SPLAT(1.0f);
    y = y * (v8f)((n + SPLATI(127)) << 23);
    return K(sel)(under, SPLAT(0.0f), y);
}

/// Coverage b = F(u) and, when `want_f`, the density f(u) for the family `cdf` (a constant
/// after inlining). The rational families repeat the reference's operations exactly; the others
/// use the approximations named in the file header.
INL v8f K(cdf)(v8f u, v8f *f, const int cdf, const int want_f) {
    const v8f one = SPLAT(1.0f), half = SPLAT(0.5f), zero = SPLAT(0.0f);
    v8i neg = u < zero;
    switch (cdf) {
    case RELAX_CDF_UNIFORM: {
        v8f b = (u + one) * half;
        b = K(sel)(u < SPLAT(-1.0f), zero, b);
        b = K(sel)(u >= one, one, b);
        if (want_f) *f = K(sel)((u > SPLAT(-1.0f)) & (u < one), half, zero);
        return b;
    }
    case RELAX_CDF_CUBIC_HERMITE: {
        v8f y = (u + one) * half;
        v8f b = (y * y) * (SPLAT(3.0f) - SPLAT(2.0f) * y);
        b = K(sel)(u < SPLAT(-1.0f), zero, b);
        b = K(sel)(u >= one, one, b);
        if (want_f) *f = K(sel)((u > SPLAT(-1.0f)) & (u < one), (SPLAT(3.0f) * (one - u * u)) * SPLAT(0.25f), zero);
        return b;
    }
    case RELAX_CDF_RECIPROCAL: {
        v8f a1 = K(vabs)(u) + one;
        if (want_f) *f = one / ((SPLAT(2.0f) * a1) * a1);
        return half + u / (SPLAT(2.0f) * a1);
    }
    case RELAX_CDF_GAUSSIAN: {
        // Φ(−|u|) = ½ erfc(|u|/√2), erfc by the Chebyshev fit of Numerical Recipes (erfcc,
        // fractional error < 1.2e-7); the upper half by 1 − Φ(−|u|).
        v8f z = K(vabs)(u) * SPLAT(0.70710678118654752f);
        v8f t = one / MADD(half, z, one);
        v8f q = SPLAT(0.17087277f);
        q = MADD(q, t, SPLAT(-0.82215223f));
        q = MADD(q, t, SPLAT(1.48851587f));
        q = MADD(q, t, SPLAT(-1.13520398f));
        q = MADD(q, t, SPLAT(0.27886807f));
        q = MADD(q, t, SPLAT(-0.18628806f));
        q = MADD(q, t, SPLAT(0.09678418f));
        q = MADD(q, t, SPLAT(0.37409196f));
        q = MADD(q, t, SPLAT(1.00002368f));
        q = MADD(q, t, SPLAT(-1.26551223f));
        v8f L = half * t * K(vexp)(q - z * z);
        if (want_f) *f = SPLAT(0.398942280401432678f) * K(vexp)(SPLAT(-0.5f) * (u * u));
        return K(sel)(neg, L, one - L);
    }
    case RELAX_CDF_LAPLACE: {
        v8f e = K(vexp)(-K(vabs)(u));
        v8f L = half * e;
        if (want_f) *f = L;
        return K(sel)(neg, L, one - L);
    }
    case RELAX_CDF_LOGISTIC: {
        v8f e = K(vexp)(-K(vabs)(u));
        v8f r = one / (one + e);
        if (want_f) *f = e * r * r;
        return K(sel)(neg, e * r, r);
    }
    default: { // RELAX_CDF_CAUCHY
        // F(−a) = ½ − atan(a)/π for a = |u|, with Cephes' atanf reduction folded in so that the
        // lower tail keeps its relative accuracy: a > tan(3π/8): F(−a) = −atan(−1/a)/π;
        // a > tan(π/8): ¼ − atan((a − 1)/(a + 1))/π; else ½ − atan(a)/π. One division.
        v8f a = K(vabs)(u);
        v8i big = a > SPLAT(2.414213562373095f);
        v8i mid = (a > SPLAT(0.4142135623730950f)) & ~big;
        v8f num = K(sel)(big, SPLAT(-1.0f), K(sel)(mid, a - one, a));
        v8f den = K(sel)(big, a, K(sel)(mid, a + one, one));
        v8f z = num / den, zz = z * z;
        v8f p = SPLAT(8.05374449538e-2f);
        p = MADD(p, zz, SPLAT(-1.38776856032e-1f));
        p = MADD(p, zz, SPLAT(1.99777106478e-1f));
        p = MADD(p, zz, SPLAT(-3.33329491539e-1f));
        p = MADD(p * zz, z, z);
        v8f c0 = K(sel)(big, zero, K(sel)(mid, SPLAT(0.25f), half));
        v8f L = c0 - p * SPLAT(0.318309886183790672f);
        if (want_f) *f = SPLAT(0.318309886183790672f) / MADD(u, u, one);
        return K(sel)(neg, L, one - L);
    }
    }
}

/// One edge: clamped projection parameter, residual r = P_k + t·e_k − p, |r|², and the edge
/// function e_k × (p − P_k) evaluated exactly as the reference does (so `inside` agrees bit for bit).
typedef struct { v8f t, rx, ry, D, cross; } K(edge_t);

INL K(edge_t) K(edge)(v8f px, v8f py, const relax_render_face *fc, int k, v8f wy, v8f wyey, v8f exwy) {
    K(edge_t) e;
    const v8f ex = SPLAT(fc->ex[k]), ey = SPLAT(fc->ey[k]);
    v8f wx = px - SPLAT(fc->ax[k]);
    v8f t = (wx * ex + wyey) / SPLAT(fc->len2[k]);
    t = K(vmin)(K(vmax)(t, SPLAT(0.0f)), SPLAT(1.0f));
    t = K(sel)(SPLAT(fc->len2[k]) > SPLAT(0.0f), t, SPLAT(0.0f));
    e.t = t;
    e.rx = (t * ex + SPLAT(fc->ax[k])) - px;
    e.ry = (t * ey + SPLAT(fc->ay[k])) - py;
    e.D = e.rx * e.rx + e.ry * e.ry;
    e.cross = exwy - ey * wx;
    (void)wy;
    return e;
}

/// Per-row constants of a face: w_y = p_y − a_y, w_y·e_y, e_x·w_y for each edge.
typedef struct { v8f py, wy[3], wyey[3], exwy[3]; } K(row_t);

INL K(row_t) K(row)(const relax_render_face *fc, float py) {
    K(row_t) r;
    r.py = SPLAT(py);
    for (int k = 0; k < 3; k++) {
        float wy = py - fc->ay[k];
        r.wy[k] = SPLAT(wy);
        r.wyey[k] = SPLAT(wy * fc->ey[k]);
        r.exwy[k] = SPLAT(fc->ex[k] * wy);
    }
    return r;
}

INL v8i K(inside)(const relax_render_face *fc, v8f c0, v8f c1, v8f c2) {
    const v8f zero = SPLAT(0.0f);
    if (fc->orient > 0) return (c0 > zero) & (c1 > zero) & (c2 > zero);
    if (fc->orient < 0) return (c0 < zero) & (c1 < zero) & (c2 < zero);
    return SPLATI(0);
}

/// u = s·x/τ from the squared distance and the inside mask.
INL v8f K(argument)(const relax_render_params *P, v8f D, v8i in, const int squared) {
    v8f x = squared ? D : __builtin_elementwise_sqrt(D);
    v8f u = x / SPLAT(P->tau);
    return (v8f)((v8i)u ^ (~in & SPLATI((int32_t)0x80000000)));
}

INL v8f K(fold)(v8f a, v8f b, const int fold) {
    switch (fold) {
    case RELAX_FOLD_MAX: return K(sel)(a < b, b, a);
    case RELAX_FOLD_PROBABILISTIC: return (a + b) - a * b;
    default: return (a + b) / (SPLAT(1.0f) + a * b);
    }
}

/// b for 8 pixels of one row and one face.
INL v8f K(forward_pair)(const relax_render_params *P, const relax_render_face *fc, const K(row_t) *R, v8f px,
                        const int cdf, const int squared) {
    K(edge_t) e0 = K(edge)(px, R->py, fc, 0, R->wy[0], R->wyey[0], R->exwy[0]);
    K(edge_t) e1 = K(edge)(px, R->py, fc, 1, R->wy[1], R->wyey[1], R->exwy[1]);
    K(edge_t) e2 = K(edge)(px, R->py, fc, 2, R->wy[2], R->wyey[2], R->exwy[2]);
    v8f D = K(vmin)(K(vmin)(e0.D, e1.D), e2.D);
    v8i in = K(inside)(fc, e0.cross, e1.cross, e2.cross);
    return K(cdf)(K(argument)(P, D, in, squared), 0, cdf, 0);
}

typedef struct { v8f g0x, g0y, g1x, g1y, g2x, g2y; } K(grad_t);

/// The gradient contributions of 8 pixels of one row for one face, added to `G`. `A` and `g`
/// are the pixels' silhouette and cotangent; `tp` the max-ties mask (max only).
INL void K(backward_pair)(const relax_render_params *P, const relax_render_face *fc, const K(row_t) *R, v8f px,
                          v8i valid, v8f A, v8f g, int32_t *tp, K(grad_t) *G,
                          const int cdf, const int fold, const int squared) {
    const v8f threshold = SPLAT(P->threshold), one = SPLAT(1.0f), zero = SPLAT(0.0f);
    K(edge_t) e0 = K(edge)(px, R->py, fc, 0, R->wy[0], R->wyey[0], R->exwy[0]);
    K(edge_t) e1 = K(edge)(px, R->py, fc, 1, R->wy[1], R->wyey[1], R->exwy[1]);
    K(edge_t) e2 = K(edge)(px, R->py, fc, 2, R->wy[2], R->wyey[2], R->exwy[2]);
    // Arg-min with strict <, the first edge winning ties (as the reference).
    v8i m1 = e1.D < e0.D;
    v8f D = K(sel)(m1, e1.D, e0.D), t = K(sel)(m1, e1.t, e0.t);
    v8f rx = K(sel)(m1, e1.rx, e0.rx), ry = K(sel)(m1, e1.ry, e0.ry);
    v8i m2 = e2.D < D;
    D = K(sel)(m2, e2.D, D); t = K(sel)(m2, e2.t, t);
    rx = K(sel)(m2, e2.rx, rx); ry = K(sel)(m2, e2.ry, ry);
    v8i on1 = m1 & ~m2, on0 = ~m1 & ~m2;
    v8i in = K(inside)(fc, e0.cross, e1.cross, e2.cross);
    v8f u = K(argument)(P, D, in, squared);
    v8f dens;
    v8f b = K(cdf)(u, &dens, cdf, 1);
    v8i active = (b > threshold) & valid;
    v8f dAdb;
    switch (fold) {
    case RELAX_FOLD_MAX: {
        v8i hit = (A == b) & active;
        if (!P->all_ties) {
            v8i taken = K(loadi)(tp);
            K(storei)(tp, taken | hit);
            hit = hit & ~taken;
        }
        dAdb = K(sel)(hit, one, zero);
        break;
    }
    case RELAX_FOLD_PROBABILISTIC: {
        v8f x = K(vmax)(one - b, SPLAT(P->floor));
        dAdb = K(sel)(x > zero, (one - A) / x, zero);
        break;
    }
    default: {
        v8f x = K(vmax)(one - b * b, SPLAT(P->floor));
        dAdb = K(sel)(x > zero, (one - A * A) / x, zero);
        break;
    }
    }
    v8f C = ((g * dAdb) * dens) / SPLAT(P->tau);
    C = (v8f)((v8i)C ^ (~in & SPLATI((int32_t)0x80000000)));
    v8f factor;
    if (squared) {
        factor = SPLAT(2.0f) * C;
    } else {
        v8f d = __builtin_elementwise_sqrt(D);
        factor = K(sel)(d > zero, C / d, zero);
    }
    factor = K(sel)(active, factor, zero);
    v8f wFar = factor * t, wNear = factor * (one - t);
    // Edge k runs from vertex k to k+1: vertex k gets (1 − t), vertex k+1 gets t.
    v8f w0 = K(sel)(on0, wNear, K(sel)(m2, wFar, zero));
    v8f w1 = K(sel)(on1, wNear, K(sel)(on0, wFar, zero));
    v8f w2 = K(sel)(m2, wNear, K(sel)(on1, wFar, zero));
    G->g0x = MADD(w0, rx, G->g0x); G->g0y = MADD(w0, ry, G->g0y);
    G->g1x = MADD(w1, rx, G->g1x); G->g1y = MADD(w1, ry, G->g1y);
    G->g2x = MADD(w2, rx, G->g2x); G->g2y = MADD(w2, ry, G->g2y);
}

INL void K(forward_impl)(const relax_render_params *P, const relax_render_face *F, long nf,
                         int32_t row0, int32_t row1, float *acc, const int cdf, const int fold, const int squared) {
    const int V = P->vectors;
    const v8f threshold = SPLAT(P->threshold);
    for (long f = 0; f < nf; f++) {
        const relax_render_face face = F[f], *fc = &face; // a local copy: no aliasing with the outputs
        int32_t r0 = fc->row0 > row0 ? fc->row0 : row0, r1 = fc->row1 < row1 ? fc->row1 : row1;
        for (int32_t row = r0; row < r1; row++) {
            K(row_t) R = K(row)(fc, P->py[row]);
            float *arow = acc + (long)(row - row0) * V * 8;
            for (int32_t v = fc->vec0; v < fc->vec1; v++) {
                v8f b = K(forward_pair)(P, fc, &R, K(load)(P->px + 8 * v), cdf, squared);
                v8i active = (b > threshold) & K(loadi)(P->valid + 8 * v);
                v8f a = K(load)(arow + 8 * v);
                K(store)(arow + 8 * v, K(sel)(active, K(fold)(a, b, fold), a));
            }
        }
    }
}

INL float K(hsum)(v8f v) {
    float s = 0;
    for (int i = 0; i < 8; i++) s += v[i];
    return s;
}

INL void K(backward_impl)(const relax_render_params *P, const relax_render_face *F, long nf,
                          int32_t row0, int32_t row1, const float *image, const float *cot,
                          int32_t *tie, float *grad, const int cdf, const int fold, const int squared) {
    const int V = P->vectors;
    const v8f zero = SPLAT(0.0f);
    for (long f = 0; f < nf; f++) {
        const relax_render_face face = F[f], *fc = &face; // a local copy: no aliasing with the outputs
        int32_t r0 = fc->row0 > row0 ? fc->row0 : row0, r1 = fc->row1 < row1 ? fc->row1 : row1;
        K(grad_t) G = {zero, zero, zero, zero, zero, zero};
        for (int32_t row = r0; row < r1; row++) {
            K(row_t) R = K(row)(fc, P->py[row]);
            for (int32_t v = fc->vec0; v < fc->vec1; v++) {
                long i = ((long)row * V + v) * 8;
                int32_t *tp = fold == RELAX_FOLD_MAX ? tie + ((long)(row - row0) * V + v) * 8 : 0;
                K(backward_pair)(P, fc, &R, K(load)(P->px + 8 * v), K(loadi)(P->valid + 8 * v),
                                 K(load)(image + i), K(load)(cot + i), tp, &G, cdf, fold, squared);
            }
        }
        float *out = grad + 6 * f;
        out[0] = K(hsum)(G.g0x); out[1] = K(hsum)(G.g0y);
        out[2] = K(hsum)(G.g1x); out[3] = K(hsum)(G.g1y);
        out[4] = K(hsum)(G.g2x); out[5] = K(hsum)(G.g2y);
    }
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
                            int32_t row0, int32_t row1, float *acc) {
#define FWD(C, FO, SQ) K(forward_impl)(P, F, nf, row0, row1, acc, C, FO, SQ)
    DISPATCH(FWD)
#undef FWD
}

static ATTR void K(backward)(const relax_render_params *P, const relax_render_face *F, long nf,
                             int32_t row0, int32_t row1, const float *image, const float *cot,
                             int32_t *tie, float *grad) {
#define BWD(C, FO, SQ) K(backward_impl)(P, F, nf, row0, row1, image, cot, tie, grad, C, FO, SQ)
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
        default: c = K(cdf)(x, &dens, RELAX_CDF_CAUCHY, 1); break;
        }
        K(store)(b + i, c);
        K(store)(f + i, dens);
    }
}

/// The Cauchy + probabilistic forward and backward pair sequences of the kernels, with the face
/// and pixel data in registers (no loads or stores, no loop over a box): the throughput the
/// instruction mix alone allows on this core.
static ATTR float K(probe)(long iterations) {
    relax_render_face fc = {{-0.3f, 0.4f, 0.1f}, {-0.2f, -0.1f, 0.5f}, {0.7f, -0.3f, -0.4f},
                            {0.1f, 0.6f, -0.7f}, {0, 0, 0}, 1.0f, 0, 1, 0, 1};
    for (int k = 0; k < 3; k++) fc.len2[k] = fc.ex[k] * fc.ex[k] + fc.ey[k] * fc.ey[k];
    relax_render_params P = {0};
    P.tau = 3.1623e-4f;
    P.threshold = 1e-6f;
    v8f px = {-0.9f, -0.65f, -0.4f, -0.15f, 0.1f, 0.35f, 0.6f, 0.85f};
    v8f zero = SPLAT(0.0f), acc = zero, g = SPLAT(1.0f);
    v8i valid = SPLATI(-1);
    K(grad_t) G = {zero, zero, zero, zero, zero, zero};
    K(row_t) R = K(row)(&fc, 0.3f);
    for (long it = 0; it < iterations; it++) {
        BARRIER(px);
        v8f b = K(forward_pair)(&P, &fc, &R, px, RELAX_CDF_CAUCHY, 0);
        acc = K(sel)(b > SPLAT(1e-6f), K(fold)(acc, b, RELAX_FOLD_PROBABILISTIC), acc);
        BARRIER(px);
        K(backward_pair)(&P, &fc, &R, px, valid, acc, g, 0, &G, RELAX_CDF_CAUCHY, RELAX_FOLD_PROBABILISTIC, 0);
    }
    return K(hsum)(acc + G.g0x + G.g0y + G.g1x + G.g1y + G.g2x + G.g2y);
}

#undef K
#undef INL
#undef DISPATCH
#undef DISPATCH_SQ
#undef DISPATCH_CDF
