// The 8-lane CDFs of the silhouette kernels (GenDR, arXiv 2204.13845, Eq. 1 and Table 1: the
// smoothing distributions): exp, the Cauchy tail from x and τ or from x², and the CDF and
// density of each kernel family. Included by render_kernel_body.h for each build (needs its K,
// INL, sel/vmin/vmax/vabs, MADD, RSQRT and ALL).

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

/// atan(z) for |z| ≤ tan(π/8) (+ rounding): Cephes' atanf polynomial, z + z³·P(z²).
INL v8f K(atan_reduced)(v8f z) {
    v8f zz = z * z, p = SPLAT(8.05374449538e-2f);
    p = MADD(p, zz, SPLAT(-1.38776856032e-1f));
    p = MADD(p, zz, SPLAT(1.99777106478e-1f));
    p = MADD(p, zz, SPLAT(-3.33329491539e-1f));
    return MADD(p * zz, z, z);
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
    v8f p = K(atan_reduced)(num / den);
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
    return K(atan_reduced)(-(tau * y)) * SPLAT(-0.318309886183790672f);
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
