// The pixel–triangle geometry of the silhouette kernels (GenDR, arXiv 2204.13845, Sec. 3: the signed
// pixel–triangle distance): per-face, per-row and per-column constants, the three clamped edge
// projections with the reference's IEEE operations, the inside test, and the nearest edge for
// the backward (recomputed, or from the forward's packed masks). Included by
// render_kernel_body.h for each build (needs its K, INL, sel/vmin/vmax, load and MASK8).

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


/// s·x from the squared distance: x = d² when `squared`, else d; the sign bit set unless `in`
/// (strictly inside), so −0 outside at d = 0, where every F is ½.
INL v8f K(with_sign)(v8f D, v8i in, const int squared) {
    v8f x = squared ? D : __builtin_elementwise_sqrt(D);
    return (v8f)((v8i)x ^ (~in & SPLATI((int32_t)0x80000000)));
}

/// s·x (x = d or d², s = +1 strictly inside, else −1), and the 8 lanes' arg-min and inside masks
/// packed in one word for the backward (`nearest_cached`): bit i (lane i) edge 1 is nearer than
/// edge 0 (strict <), bit 8 + i edge 2 is nearer than both, bit 16 + i strictly inside.
/// `squared` here means "return d²": also set for plain-mode Cauchy, which works from d² (`via_square`).
INL v8f K(signed_distance_cached)(const K(consts_t) *C, const K(column_t) *col, v8f px, const int squared, uint32_t *word) {
    K(edge_t) e0 = K(edge)(px, C, col, 0), e1 = K(edge)(px, C, col, 1), e2 = K(edge)(px, C, col, 2);
    v8i m1 = e1.D < e0.D;
    v8f D01 = K(vmin)(e0.D, e1.D);
    v8i m2 = e2.D < D01;
    v8i in = K(inside)(e0.cross, e1.cross, e2.cross);
    *word = (uint32_t)MASK8(m1) | (uint32_t)MASK8(m2) << 8 | (uint32_t)MASK8(in) << 16;
    return K(with_sign)(K(vmin)(D01, e2.D), in, squared);
}

/// s·x alone (the masks are dead code after inlining).
INL v8f K(signed_distance)(const K(consts_t) *C, const K(column_t) *col, v8f px, const int squared) {
    uint32_t unused;
    return K(signed_distance_cached)(C, col, px, squared, &unused);
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
    n.sx = K(with_sign)(D, K(inside)(e0.cross, e1.cross, e2.cross), ret_square);
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
    n.sx = K(with_sign)(D, in, ret_square);
    return n;
}
