// One instantiation of the P panel kernel, included by panel_kernels.c with
//   T  the scalar type;  V8, V4  8- and 4-lane vectors of T;  FN  the name;  ATTR  its target.
// Goals, agreement bound and measurements: see SIMDRelaxedSorter.swift.
//
// Slot form of one comparator on wires (X, Y) = (first, second) with t = α·(X − Y):
//   straight (minimum to lo):  X' = Y + t, Y' = X − t;   otherwise X' = X − t, Y' = Y + t.
// These are the network's B + α(A − B) and A − α(A − B) whichever of X, Y is lo, because
// Y − X = −(X − Y) exactly. The backward is the same form on e = Ḡ_X' − Ḡ_Y', and the P part of
// ∂L/∂α is ±⟨X − Y, e⟩ (+ when straight), the sign applied when slots are scattered back.

#define FWD(X, Y, ST, k)                                                      \
    {                                                                         \
        V8 d_ = X - Y;                                                        \
        Dq[k] = d_;                                                           \
        T a_ = aq[k];                                                         \
        if (ST) { V8 x_ = Y + a_ * d_; Y = X - a_ * d_; X = x_; }             \
        else { X = X - a_ * d_; Y = Y + a_ * d_; }                            \
    }
#define BWD(X, Y, ST, k, OUT)                                                 \
    {                                                                         \
        V8 e_ = X - Y, d_ = Dq[k];                                            \
        /* ⟨d, e⟩ over the panel, halved to 4 lanes (one multiply–add). */   \
        OUT = __builtin_shufflevector(d_, d_, 0, 1, 2, 3) * __builtin_shufflevector(e_, e_, 0, 1, 2, 3) \
            + __builtin_shufflevector(d_, d_, 4, 5, 6, 7) * __builtin_shufflevector(e_, e_, 4, 5, 6, 7); \
        T a_ = aq[k];                                                         \
        if (ST) { V8 x_ = Y + a_ * e_; Y = X - a_ * e_; X = x_; }             \
        else { X = X - a_ * e_; Y = Y + a_ * e_; }                            \
    }
// Quad: slots 0, 1 are layer L on (q0, q2), (q1, q3); slots 2, 3 are layer L + 1 on (q0, q1), (q2, q3).
#define QUAD_FWD(m)                                                           \
    case 16 + (m):                                                            \
        for (; o < oe; o += 8) {                                              \
            const long i0 = o[1], i1 = o[2], i2 = o[3], i3 = o[4];            \
            V8 *const Dq = D + o[7];                                          \
            const T *const aq = al + o[7];                                    \
            V8 X0 = S[i0], X1 = S[i1], X2 = S[i2], X3 = S[i3];                \
            FWD(X0, X2, (m) & 1, 0) FWD(X1, X3, (m) & 2, 1)                   \
            FWD(X0, X1, (m) & 4, 2) FWD(X2, X3, (m) & 8, 3)                   \
            S[i0] = X0; S[i1] = X1; S[i2] = X2; S[i3] = X3;                   \
        }                                                                     \
        break;
#define QUAD_BWD(m)                                                           \
    case 16 + (m):                                                            \
        for (; o < oe; o += 8) {                                              \
            const long i0 = o[1], i1 = o[2], i2 = o[3], i3 = o[4], base = o[7]; \
            const V8 *const Dq = D + base;                                    \
            const T *const aq = al + base;                                    \
            V8 X0 = G[i0], X1 = G[i1], X2 = G[i2], X3 = G[i3];                \
            V4 v0, v1, v2, v3;                                                \
            BWD(X2, X3, (m) & 8, 3, v3) BWD(X0, X1, (m) & 4, 2, v2)           \
            BWD(X1, X3, (m) & 2, 1, v1) BWD(X0, X2, (m) & 1, 0, v0)           \
            G[i0] = X0; G[i1] = X1; G[i2] = X2; G[i3] = X3;                   \
            /* Four horizontal sums at once: lanes (slot 0, 1, 2, 3). */      \
            V4 t1 = __builtin_shufflevector(v0, v1, 0, 4, 2, 6) + __builtin_shufflevector(v0, v1, 1, 5, 3, 7); \
            V4 t2 = __builtin_shufflevector(v2, v3, 0, 4, 2, 6) + __builtin_shufflevector(v2, v3, 1, 5, 3, 7); \
            V4 r = __builtin_shufflevector(t1, t2, 0, 1, 4, 5) + __builtin_shufflevector(t1, t2, 2, 3, 6, 7);  \
            V4 acc;                                                           \
            memcpy(&acc, ab + base, sizeof acc);                              \
            acc += r;                                                         \
            memcpy(ab + base, &acc, sizeof acc);                              \
        }                                                                     \
        break;
#define SINGLE_FWD(st)                                                        \
    case st:                                                                  \
        for (; o < oe; o += 8) {                                              \
            const long i0 = o[1], i1 = o[2];                                  \
            V8 *const Dq = D + o[7];                                          \
            const T *const aq = al + o[7];                                    \
            V8 X = S[i0], Y = S[i1];                                          \
            FWD(X, Y, st, 0)                                                  \
            S[i0] = X; S[i1] = Y;                                             \
        }                                                                     \
        break;
#define SINGLE_BWD(st)                                                        \
    case st:                                                                  \
        for (; o < oe; o += 8) {                                              \
            const long i0 = o[1], i1 = o[2], base = o[7];                     \
            const V8 *const Dq = D + base;                                    \
            const T *const aq = al + base;                                    \
            V8 X = G[i0], Y = G[i1];                                          \
            V4 v;                                                             \
            BWD(X, Y, st, 0, v)                                               \
            G[i0] = X; G[i1] = Y;                                             \
            ab[base] += (v[0] + v[1]) + (v[2] + v[3]);                        \
        }                                                                     \
        break;
#define SIXTEEN(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6) M(7) M(8) M(9) M(10) M(11) M(12) M(13) M(14) M(15)

ATTR static void FN(const relax_schedule *s, const T *alpha, T *p, const T *cp, T *alphaBar, void *workspace)
{
    const long n = s->n, count = s->count, ops = s->ops, segments = s->segments;
    const int32_t *const restrict opAll = s->op, *const restrict perm = s->perm, *const restrict segAll = s->seg;
    V8 *S = (V8 *)workspace;            // panel: wire-major, 8 rows of P per vector
    V8 *G = S + n;                      // its cotangent
    V8 *D = G + n;                      // X − Y of every slot, for the backward
    T *al = (T *)(D + count);           // α by slot
    T *ab = al + count;                 // P part of ∂L/∂α by slot (4 spare entries follow)
    int32_t *active = (int32_t *)(ab + count + 8);  // segments run by the current panel
    for (long k = 0; k < count; k++) { al[k] = alpha[perm[k]]; ab[k] = 0; }

    for (long j0 = 0; j0 < n; j0 += 8) {
        const long width = n - j0 < 8 ? n - j0 : 8, last = j0 + width - 1;
        // Panel rows j0 ..< j0 + width of P start as rows of the identity (the write-out of
        // the previous panel left S zero).
        if (j0 == 0) memset(S, 0, (size_t)n * sizeof(V8));
        for (long k = 0; k < width; k++) S[j0 + k][k] = 1;
        // Segments whose hull misses the panel's rows act on wires that are still zero in every
        // lane (0 − 0 = 0, 0 ± α·0 = 0): skipping them changes nothing (see schedule.c).
        long runs = 0;
        for (long g = 0; g < segments; g++) {
            const int32_t *sg = segAll + 8 * g;
            if (sg[3] < j0 || sg[2] > last) continue;
            active[runs++] = (int32_t)g;
            const int32_t *o = opAll + 8L * sg[0], *const oe = o + 8L * sg[1];
            switch (sg[4]) { SINGLE_FWD(0) SINGLE_FWD(1) SIXTEEN(QUAD_FWD) }
        }
        // Write the panel out: P[j0 + k][wire] = S[wire][k], four wires at a time.
        long w0 = 0;
        if (width == 8) {
            for (; w0 + 4 <= n; w0 += 4) {
                const V8 a = S[w0], b = S[w0 + 1], c = S[w0 + 2], d = S[w0 + 3];
                const V8 zero = {0};
                S[w0] = zero; S[w0 + 1] = zero; S[w0 + 2] = zero; S[w0 + 3] = zero;
                const V8 ab0 = __builtin_shufflevector(a, b, 0, 8, 1, 9, 2, 10, 3, 11);
                const V8 ab1 = __builtin_shufflevector(a, b, 4, 12, 5, 13, 6, 14, 7, 15);
                const V8 cd0 = __builtin_shufflevector(c, d, 0, 8, 1, 9, 2, 10, 3, 11);
                const V8 cd1 = __builtin_shufflevector(c, d, 4, 12, 5, 13, 6, 14, 7, 15);
                const V8 r01 = __builtin_shufflevector(ab0, cd0, 0, 1, 8, 9, 2, 3, 10, 11);
                const V8 r23 = __builtin_shufflevector(ab0, cd0, 4, 5, 12, 13, 6, 7, 14, 15);
                const V8 r45 = __builtin_shufflevector(ab1, cd1, 0, 1, 8, 9, 2, 3, 10, 11);
                const V8 r67 = __builtin_shufflevector(ab1, cd1, 4, 5, 12, 13, 6, 7, 14, 15);
                T *row = p + j0 * n + w0;
                const V4 q0 = __builtin_shufflevector(r01, r01, 0, 1, 2, 3), q1 = __builtin_shufflevector(r01, r01, 4, 5, 6, 7);
                const V4 q2 = __builtin_shufflevector(r23, r23, 0, 1, 2, 3), q3 = __builtin_shufflevector(r23, r23, 4, 5, 6, 7);
                const V4 q4 = __builtin_shufflevector(r45, r45, 0, 1, 2, 3), q5 = __builtin_shufflevector(r45, r45, 4, 5, 6, 7);
                const V4 q6 = __builtin_shufflevector(r67, r67, 0, 1, 2, 3), q7 = __builtin_shufflevector(r67, r67, 4, 5, 6, 7);
                memcpy(row, &q0, sizeof q0); memcpy(row + n, &q1, sizeof q1);
                memcpy(row + 2 * n, &q2, sizeof q2); memcpy(row + 3 * n, &q3, sizeof q3);
                memcpy(row + 4 * n, &q4, sizeof q4); memcpy(row + 5 * n, &q5, sizeof q5);
                memcpy(row + 6 * n, &q6, sizeof q6); memcpy(row + 7 * n, &q7, sizeof q7);
            }
        }
        for (long k = 0; k < width; k++) {
            T *row = p + (j0 + k) * n;
            for (long wire = w0; wire < n; wire++) row[wire] = S[wire][k];
        }
        for (long wire = w0; wire < n; wire++) { const V8 zero = {0}; S[wire] = zero; }
        if (!cp) continue;
        // Gather the panel's rows of the cotangent, wire-major (the inverse shuffle).
        w0 = 0;
        if (width == 8) {
            for (; w0 + 4 <= n; w0 += 4) {
                const T *row = cp + j0 * n + w0;
                V4 q0, q1, q2, q3, q4, q5, q6, q7;
                memcpy(&q0, row, sizeof q0); memcpy(&q1, row + n, sizeof q1);
                memcpy(&q2, row + 2 * n, sizeof q2); memcpy(&q3, row + 3 * n, sizeof q3);
                memcpy(&q4, row + 4 * n, sizeof q4); memcpy(&q5, row + 5 * n, sizeof q5);
                memcpy(&q6, row + 6 * n, sizeof q6); memcpy(&q7, row + 7 * n, sizeof q7);
                const V8 x01 = __builtin_shufflevector(q0, q1, 0, 1, 2, 3, 4, 5, 6, 7);
                const V8 x23 = __builtin_shufflevector(q2, q3, 0, 1, 2, 3, 4, 5, 6, 7);
                const V8 x45 = __builtin_shufflevector(q4, q5, 0, 1, 2, 3, 4, 5, 6, 7);
                const V8 x67 = __builtin_shufflevector(q6, q7, 0, 1, 2, 3, 4, 5, 6, 7);
                const V8 t0 = __builtin_shufflevector(x01, x23, 0, 4, 8, 12, 1, 5, 9, 13);
                const V8 t1 = __builtin_shufflevector(x01, x23, 2, 6, 10, 14, 3, 7, 11, 15);
                const V8 u0 = __builtin_shufflevector(x45, x67, 0, 4, 8, 12, 1, 5, 9, 13);
                const V8 u1 = __builtin_shufflevector(x45, x67, 2, 6, 10, 14, 3, 7, 11, 15);
                G[w0] = __builtin_shufflevector(t0, u0, 0, 1, 2, 3, 8, 9, 10, 11);
                G[w0 + 1] = __builtin_shufflevector(t0, u0, 4, 5, 6, 7, 12, 13, 14, 15);
                G[w0 + 2] = __builtin_shufflevector(t1, u1, 0, 1, 2, 3, 8, 9, 10, 11);
                G[w0 + 3] = __builtin_shufflevector(t1, u1, 4, 5, 6, 7, 12, 13, 14, 15);
            }
        }
        for (long wire = w0; wire < n; wire++) {
            V8 g = {0};
            for (long k = 0; k < width; k++) g[k] = cp[(j0 + k) * n + wire];
            G[wire] = g;
        }
        // Backward through the same segments in reverse (the operations of one segment act on
        // disjoint wires, so their order inside it does not matter).
        for (long r = runs - 1; r >= 0; r--) {
            const int32_t *sg = segAll + 8L * active[r];
            const int32_t *o = opAll + 8L * sg[0], *const oe = o + 8L * sg[1];
            switch (sg[4]) { SINGLE_BWD(0) SINGLE_BWD(1) SIXTEEN(QUAD_BWD) }
        }
    }
    if (cp) {
        // Scatter back to network order; non-straight slots carry the opposite sign.
        for (long j = 0; j < ops; j++) {
            const int32_t *o = opAll + 8 * j;
            const long slots = o[0] == 0 ? 1 : 4, base = o[7];
            for (long k = 0; k < slots; k++) {
                const int straight = o[0] == 0 ? o[5] : (o[5] >> k) & 1;
                alphaBar[perm[base + k]] += straight ? ab[base + k] : -ab[base + k];
            }
        }
    }
}
#undef FWD
#undef BWD
#undef QUAD_FWD
#undef QUAD_BWD
#undef SINGLE_FWD
#undef SINGLE_BWD
#undef SIXTEEN
