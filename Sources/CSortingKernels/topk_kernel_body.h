// One instantiation of the batched top-k network kernel, included by topk_kernels.c with
//   FN_FWD, FN_BWD  the names;  ATTR  the target attribute.
// Eight rows of the batch are one f32x8 lane group: every comparator of the (pruned) network
// runs on eight rows at once, with the Cauchy sigmoid of arXiv 2105.04019 evaluated as a vector.
// Formulas and their order follow SIMDTopKLoss (see SIMDTopKLoss+Batched.swift for goals, the
// agreement bound and measurements).

// atan of eight lanes: argument reduction to |x| ≤ tan(π/8) with tan(3π/8) and tan(π/8) as
// thresholds, then the odd degree-9 minimax polynomial of the Cephes single-precision atan
// (relative error ≈ 1e-7, i.e. within about 1 ulp of Float).
ATTR static inline __attribute__((always_inline)) f32x8 SEL8(i32x8 m, f32x8 a, f32x8 b) { return (f32x8)(((i32x8)a & m) | ((i32x8)b & ~m)); }
ATTR static inline __attribute__((always_inline)) f32x8 ATAN8(f32x8 x) {
    const f32x8 zero = {0}, one = zero + 1.0f;
    const i32x8 neg = x < zero;
    const f32x8 ax = SEL8(neg, -x, x);
    const i32x8 big = ax > 2.414213562373095f, mid = (ax > 0.4142135623730950f) & ~big;
    const f32x8 num = SEL8(big, zero - one, SEL8(mid, ax - one, ax));
    const f32x8 den = SEL8(big, ax, SEL8(mid, ax + one, one));
    const f32x8 y0 = SEL8(big, zero + 1.5707963267948966f, SEL8(mid, zero + 0.7853981633974483f, zero));
    const f32x8 r = num / den, z = r * r;
    const f32x8 poly = (((8.05374449538e-2f * z - 1.38776856032e-1f) * z + 1.99777106478e-1f) * z - 3.33329491539e-1f) * z * r + r;
    const f32x8 y = y0 + poly;
    return SEL8(neg, -y, y);
}

ATTR static void FN_FWD(const relax_topk_network *net, float steepness, const float *weights,
                        const int32_t *labels, float *values, float *workspace) {
    const long n = net->n, count = net->count, k = net->k, lanes = k + 1;
    const int32_t *const restrict lo = net->lo, *const restrict hi = net->hi;
    const int32_t *const restrict mn = net->minWire, *const restrict mx = net->maxWire;
    f32x8 *const v = (f32x8 *)values;
    f32x8 *const p = (f32x8 *)workspace, *const alpha = p + n, *const dAlpha = alpha + count;
    f32x8 *const diff = dAlpha + count, *const pDelta = diff + count, *const sDot = pDelta + count;
    f32x8 *const R = sDot + count;
    const f32x8 zero = {0}, one = zero + 1.0f, half = zero + 0.5f;
    const f32x8 s = zero + steepness, pi = zero + 3.14159265358979323846f, invPi = one / pi;
    // p: row y of the partial permutation matrix (e_y), pushed forward with the values.
    for (long i = 0; i < n; i++) {
        f32x8 e = zero;
        for (int r = 0; r < 8; r++) e[r] = labels[r] == i ? 1.0f : 0.0f;
        p[i] = e;
    }
    for (long c = 0; c < count; c++) {
        const f32x8 a = v[lo[c]], b = v[hi[c]];
        const f32x8 u = s * (b - a);
        const f32x8 al = half + ATAN8(u) * invPi;       // Cauchy: f(u) = 1/2 + atan(u)/π
        const f32x8 bl = one - al;
        alpha[c] = al;
        dAlpha[c] = s * (one / (pi * (one + u * u))); // s·f′(u), f′(u) = 1/(π(1 + u²))
        diff[c] = a - b;
        v[mn[c]] = al * a + bl * b;
        v[mx[c]] = bl * a + al * b;
        const f32x8 pl = p[lo[c]], ph = p[hi[c]];
        pDelta[c] = pl - ph;
        p[mn[c]] = al * pl + bl * ph;
        p[mx[c]] = bl * pl + al * ph;
    }
    // R ← E (the last K columns of the identity), lane K ← E·w; then the assembly backwards.
    for (long i = 0; i < n * lanes; i++) R[i] = zero;
    for (long j = 0; j < k; j++) {
        R[(n - k + j) * lanes + j] = one;
        R[(n - k + j) * lanes + k] = zero + weights[j];
    }
    for (long c = count - 1; c >= 0; c--) {
        const f32x8 al = alpha[c], bl = one - al;
        f32x8 *const rMin = R + mn[c] * lanes, *const rMax = R + mx[c] * lanes;
        f32x8 *const rLo = R + lo[c] * lanes, *const rHi = R + hi[c] * lanes;
        sDot[c] = rMin[k] - rMax[k];
        for (long j = 0; j < lanes; j++) {
            const f32x8 x = rMin[j], y = rMax[j];
            rLo[j] = al * x + bl * y;
            rHi[j] = bl * x + al * y;
        }
    }
}

ATTR static void FN_BWD(const relax_topk_network *net, const float *factor, float *gradient, const float *workspace) {
    const long n = net->n, count = net->count;
    const int32_t *const restrict lo = net->lo, *const restrict hi = net->hi;
    const int32_t *const restrict mn = net->minWire, *const restrict mx = net->maxWire;
    f32x8 *const g = (f32x8 *)gradient;
    const f32x8 *const alpha = (const f32x8 *)workspace + n, *const dAlpha = alpha + count;
    const f32x8 *const diff = dAlpha + count, *const pDelta = diff + count, *const sDot = pDelta + count;
    f32x8 f, zero = {0}, one = zero + 1.0f;
    for (int r = 0; r < 8; r++) f[r] = factor[r];
    for (long i = 0; i < n; i++) g[i] = zero;
    for (long c = count - 1; c >= 0; c--) {
        const f32x8 al = alpha[c], gMin = g[mn[c]], gMax = g[mx[c]];
        const f32x8 dBar = (diff[c] * (gMin - gMax) + f * pDelta[c] * sDot[c]) * dAlpha[c];
        g[lo[c]] = al * gMin + (one - al) * gMax - dBar;
        g[hi[c]] = (one - al) * gMin + al * gMax + dBar;
    }
}
