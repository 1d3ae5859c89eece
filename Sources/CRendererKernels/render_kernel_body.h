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

/// F(−x/τ) of the Cauchy distribution from the distance x ≥ 0 and τ directly (no division x/τ):
/// Cephes' atanf reduction written in x and τ, a = x/τ: a > tan(3π/8): F(−a) = −atan(−τ/x)/π;
/// a > tan(π/8): ¼ − atan((x − τ)/(x + τ))/π; else ½ − atan(x/τ)/π. One division; the lower
/// tail keeps its relative accuracy. With τ = 1 this is the `cdf` above.
INL v8f K(cauchy_tail)(v8f x, v8f tau) {
    const v8f zero = SPLAT(0.0f);
    v8i big = x > tau * SPLAT(2.414213562373095f);
    v8i mid = x > tau * SPLAT(0.4142135623730950f);
    v8f num = K(sel)(big, -tau, K(sel)(mid, x - tau, x));
    v8f den = K(sel)(big, x, K(sel)(mid, x + tau, tau));
    v8f z = num / den, zz = z * z;
    v8f p = SPLAT(8.05374449538e-2f);
    p = MADD(p, zz, SPLAT(-1.38776856032e-1f));
    p = MADD(p, zz, SPLAT(1.99777106478e-1f));
    p = MADD(p, zz, SPLAT(-3.33329491539e-1f));
    p = MADD(p * zz, z, z);
    v8f c0 = K(sel)(big, zero, K(sel)(mid, SPLAT(0.25f), SPLAT(0.5f)));
    return c0 - p * SPLAT(0.318309886183790672f);
}

/// 1/√D for D ≥ 0 without the divider: the architectural estimate (relative error ≤ 1.5·2⁻¹² on
/// every x86-64 CPU; the bits differ between vendors) and one Newton step y·(1.5 − ½D·y²), whose
/// relative error is ≤ 1.5·(1.5·2⁻¹²)² + 3ε ≈ 3.8e-7 (ε = 2⁻²⁴, three roundings). D below the
/// smallest normal is raised to it, so D = 0 gives a finite y (and D·y = 0).
INL v8f K(rsqrt_nr)(v8f D) {
    v8f d = K(vmax)(D, SPLAT(1.17549435e-38f));
    v8f y = RSQRT(d);
    v8f h = (SPLAT(0.5f) * d) * y;
    return y * MADD(-h, y, SPLAT(1.5f));
}

/// F(−x/τ) of the Cauchy distribution from D = x² (plain mode: the squared distance the geometry
/// gives), with y = 1/x returned for the backward. Where x > (1 + √2)·τ — every lane but those
/// within about 2.4·τ of an edge — this is −atan(−τ·y)/π with y from `rsqrt_nr`: no square root and
/// no division (relative error of τ·y ≤ 4.4e-7, so of F ≤ 4.4e-7·F ≤ 5.5e-8 absolute, F ≤ ⅛ there).
/// A vector with any other lane takes `cauchy_tail(√D, τ)` for all its lanes.
INL v8f K(cauchy_tail_sq)(v8f D, v8f tau, v8f big2, v8f *yout) {
    v8f y = K(rsqrt_nr)(D);
    *yout = y;
    if (!ALL(D > big2)) return K(cauchy_tail)(__builtin_elementwise_sqrt(D), tau);
    v8f z = -(tau * y), zz = z * z;
    v8f p = SPLAT(8.05374449538e-2f);
    p = MADD(p, zz, SPLAT(-1.38776856032e-1f));
    p = MADD(p, zz, SPLAT(1.99777106478e-1f));
    p = MADD(p, zz, SPLAT(-3.33329491539e-1f));
    p = MADD(p * zz, z, z);
    return p * SPLAT(-0.318309886183790672f);
}

/// (1 + √2)²·τ²: above it, x = √D is in `cauchy_tail`'s first range.
static inline float K(cauchy_big2)(float tau) {
    float t = tau * 2.414213562373095f;
    return t * t;
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
    default: { // RELAX_CDF_CAUCHY: `cauchy_tail` below with τ = 1
        v8f L = K(cauchy_tail)(K(vabs)(u), one);
        if (want_f) *f = SPLAT(0.318309886183790672f) / MADD(u, u, one);
        return K(sel)(neg, L, one - L);
    }
    }
}

/// Per-face constants, broadcast once per face (per row for the row-dependent ones), so that the
/// pair loop is vector arithmetic with memory or register operands only. `len2` is +∞ for a
/// degenerate edge (|e|² = 0): the projection parameter is then num/∞ = 0, which is the
/// reference's t = 0, without a per-pair mask. `eyC`, `exwyC` are e_y and e_x·w_y times the
/// orientation o ∈ {−1, 0, 1} (`eyN` = −o·e_y): o·(e_x·w_y − e_y·w_x) is then computed exactly
/// (rounding is symmetric), so "strictly inside" is min of the three oriented edge functions > 0.
typedef struct {
    v8f ax[3], ay[3], ex[3], ey[3], len2[3], eyN[3];
    v8f wyey[3], exwyC[3], py;
} K(consts_t);

INL void K(face_consts)(const relax_render_face *fc, K(consts_t) *C) {
    float o = fc->orient > 0 ? 1.0f : (fc->orient < 0 ? -1.0f : 0.0f);
    for (int k = 0; k < 3; k++) {
        C->ax[k] = SPLAT(fc->ax[k]); C->ay[k] = SPLAT(fc->ay[k]);
        C->ex[k] = SPLAT(fc->ex[k]); C->ey[k] = SPLAT(fc->ey[k]);
        C->len2[k] = SPLAT(fc->len2[k] > 0 ? fc->len2[k] : __builtin_inff());
        C->eyN[k] = SPLAT(-(o * fc->ey[k]));
    }
}

/// Per-row constants of a face: w_y = p_y − a_y, w_y·e_y (0 for a degenerate edge), o·e_x·w_y.
INL void K(row_consts)(const relax_render_face *fc, float py, K(consts_t) *C) {
    float o = fc->orient > 0 ? 1.0f : (fc->orient < 0 ? -1.0f : 0.0f);
    C->py = SPLAT(py);
    for (int k = 0; k < 3; k++) {
        float wy = py - fc->ay[k];
        C->wyey[k] = SPLAT(wy * fc->ey[k]);
        C->exwyC[k] = SPLAT(o * (fc->ex[k] * wy));
    }
}

/// The products of a face that depend on the pixel column only, computed once per face for each
/// column vector of its box and reused by every row: w_x = p_x − a_x (not kept), w_x·e_x and
/// −o·e_y·w_x (the reference's rounded products, so the sums below round as the reference's do).
typedef struct { v8f wex[3], cw[3]; } K(column_t);

INL void K(face_columns)(const K(consts_t) *C, const float *px, int32_t v0, int32_t v1, K(column_t) *col) {
    for (int32_t v = v0; v < v1; v++) {
        v8f x = K(load)(px + 8 * v);
        for (int k = 0; k < 3; k++) {
            v8f wx = x - C->ax[k];
            col[v].wex[k] = wx * C->ex[k];
            col[v].cw[k] = C->eyN[k] * wx;
        }
    }
}

/// One edge: clamped projection parameter t, residual r = P_k + t·e_k − p, |r|² and the oriented
/// edge function, with the reference's IEEE operations in the reference's order (no FMA).
typedef struct { v8f t, rx, ry, D, cross; } K(edge_t);

INL K(edge_t) K(edge)(v8f px, const K(consts_t) *C, const K(column_t) *col, int k) {
    K(edge_t) e;
    v8f t = (col->wex[k] + C->wyey[k]) / C->len2[k];
    e.t = K(vmin)(K(vmax)(t, SPLAT(0.0f)), SPLAT(1.0f)); // NaN (0/0 cannot occur: len2 > 0) → 0
    e.rx = (e.t * C->ex[k] + C->ax[k]) - px;
    e.ry = (e.t * C->ey[k] + C->ay[k]) - C->py;
    e.D = e.rx * e.rx + e.ry * e.ry;
    e.cross = col->cw[k] + C->exwyC[k];
    return e;
}

INL v8i K(inside)(v8f c0, v8f c1, v8f c2) {
    return K(vmin)(K(vmin)(c0, c1), c2) > SPLAT(0.0f);
}

INL v8f K(fold)(v8f a, v8f b, const int fold) {
    switch (fold) {
    case RELAX_FOLD_MAX: return K(sel)(a < b, b, a);
    case RELAX_FOLD_PROBABILISTIC: return (a + b) - a * b;
    default: return (a + b) / (SPLAT(1.0f) + a * b);
    }
}

/// s·x (x = d or d², s = +1 strictly inside, else −1: −0 outside at d = 0, where every F is ½).
/// `squared` here means "return d²": also set for plain-mode Cauchy, which works from d² (`via_square`).
INL v8f K(signed_distance)(const K(consts_t) *C, const K(column_t) *col, v8f px, const int squared) {
    K(edge_t) e0 = K(edge)(px, C, col, 0), e1 = K(edge)(px, C, col, 1), e2 = K(edge)(px, C, col, 2);
    v8f D = K(vmin)(K(vmin)(e0.D, e1.D), e2.D);
    v8f x = squared ? D : __builtin_elementwise_sqrt(D);
    v8i in = K(inside)(e0.cross, e1.cross, e2.cross);
    return (v8f)((v8i)x ^ (~in & SPLATI((int32_t)0x80000000)));
}

/// `signed_distance`, and for the backward (`nearest_cached`) the 8 lanes' arg-min and inside masks
/// packed in one word: bit i (lane i) edge 1 is nearer than edge 0 (strict <), bit 8 + i edge 2 is
/// nearer than both, bit 16 + i strictly inside. The minimum is the same value either way.
INL v8f K(signed_distance_cached)(const K(consts_t) *C, const K(column_t) *col, v8f px, const int squared, uint32_t *word) {
    K(edge_t) e0 = K(edge)(px, C, col, 0), e1 = K(edge)(px, C, col, 1), e2 = K(edge)(px, C, col, 2);
    v8i m1 = e1.D < e0.D;
    v8f D01 = K(vmin)(e0.D, e1.D);
    v8i m2 = e2.D < D01;
    v8f D = K(vmin)(D01, e2.D);
    v8f x = squared ? D : __builtin_elementwise_sqrt(D);
    v8i in = K(inside)(e0.cross, e1.cross, e2.cross);
    *word = (uint32_t)MASK8(m1) | (uint32_t)MASK8(m2) << 8 | (uint32_t)MASK8(in) << 16;
    return (v8f)((v8i)x ^ (~in & SPLATI((int32_t)0x80000000)));
}

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

/// The geometry half of the backward for 8 pixels of one row: the nearest edge (arg-min with
/// strict <, the first edge winning ties, as the reference), its residual, s·x (x = d, or d² when
/// `ret_square`), and the weights c_k of the three vertices in ∂d/∂P_k = c_k·r/d: edge k runs from
/// vertex k to k + 1, so vertex k gets 1 − t and vertex k + 1 gets t, the third vertex 0.
typedef struct { v8f sx, rx, ry, c0, c1, c2; } K(near_t);

INL K(near_t) K(nearest)(const K(consts_t) *C, const K(column_t) *col, v8f px, const int ret_square) {
    const v8f one = SPLAT(1.0f), zero = SPLAT(0.0f);
    K(near_t) n;
    K(edge_t) e0 = K(edge)(px, C, col, 0), e1 = K(edge)(px, C, col, 1), e2 = K(edge)(px, C, col, 2);
    v8i m1 = e1.D < e0.D;
    v8f D = K(sel)(m1, e1.D, e0.D);
    v8f rx = K(sel)(m1, e1.rx, e0.rx), ry = K(sel)(m1, e1.ry, e0.ry);
    v8f c0 = K(sel)(m1, zero, one - e0.t), c1 = K(sel)(m1, one - e1.t, e0.t), c2 = K(sel)(m1, e1.t, zero);
    v8i m2 = e2.D < D;
    D = K(sel)(m2, e2.D, D);
    n.rx = K(sel)(m2, e2.rx, rx); n.ry = K(sel)(m2, e2.ry, ry);
    n.c0 = K(sel)(m2, e2.t, c0); n.c1 = K(sel)(m2, zero, c1); n.c2 = K(sel)(m2, one - e2.t, c2);
    v8f x = ret_square ? D : __builtin_elementwise_sqrt(D);
    v8i in = K(inside)(e0.cross, e1.cross, e2.cross);
    n.sx = (v8f)((v8i)x ^ (~in & SPLATI((int32_t)0x80000000)));
    return n;
}

/// `nearest` from the forward's packed masks (`signed_distance_cached`): only the nearest edge's
/// projection and residual, with the same operations on the same per-lane constants, so every
/// field is bit-identical to `nearest`'s.
INL K(near_t) K(nearest_cached)(const K(consts_t) *C, const K(column_t) *col, v8f px, uint32_t word, const int ret_square) {
    const v8f one = SPLAT(1.0f), zero = SPLAT(0.0f);
    const v8i lane = {1, 2, 4, 8, 16, 32, 64, 128}, lane2 = lane << 8, lane3 = lane << 16;
    v8i w = SPLATI((int32_t)word);
    v8i m1 = (w & lane) == lane, m2 = (w & lane2) == lane2, in = (w & lane3) == lane3;
#define PICK(f) K(sel)(m2, (f)[2], K(sel)(m1, (f)[1], (f)[0]))
    v8f t = (PICK(col->wex) + PICK(C->wyey)) / PICK(C->len2);
    t = K(vmin)(K(vmax)(t, zero), one);
    K(near_t) n;
    n.rx = (t * PICK(C->ex) + PICK(C->ax)) - px;
    n.ry = (t * PICK(C->ey) + PICK(C->ay)) - C->py;
#undef PICK
    v8f D = n.rx * n.rx + n.ry * n.ry, u = one - t;
    n.c0 = K(sel)(m2, t, K(sel)(m1, zero, u));
    n.c1 = K(sel)(m2, zero, K(sel)(m1, u, t));
    n.c2 = K(sel)(m2, u, K(sel)(m1, t, zero));
    v8f x = ret_square ? D : __builtin_elementwise_sqrt(D);
    n.sx = (v8f)((v8i)x ^ (~in & SPLATI((int32_t)0x80000000)));
    return n;
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
