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
        D[base + (k)] = d_;                                                   \
        T a_ = al[base + (k)];                                                \
        if (ST) { V8 x_ = Y + a_ * d_; Y = X - a_ * d_; X = x_; }             \
        else { X = X - a_ * d_; Y = Y + a_ * d_; }                            \
    }
#define BWD(X, Y, ST, k, OUT)                                                 \
    {                                                                         \
        V8 e_ = X - Y;                                                        \
        V8 prod_ = D[base + (k)] * e_;                                        \
        OUT = __builtin_shufflevector(prod_, prod_, 0, 1, 2, 3)               \
            + __builtin_shufflevector(prod_, prod_, 4, 5, 6, 7);              \
        T a_ = al[base + (k)];                                                \
        if (ST) { V8 x_ = Y + a_ * e_; Y = X - a_ * e_; X = x_; }             \
        else { X = X - a_ * e_; Y = Y + a_ * e_; }                            \
    }
// Quad: slots 0, 1 are layer L on (q0, q2), (q1, q3); slots 2, 3 are layer L + 1 on (q0, q1), (q2, q3).
#define QUAD_FWD(m)                                                           \
    case m: {                                                                 \
        V8 X0 = S[o[1]], X1 = S[o[2]], X2 = S[o[3]], X3 = S[o[4]];            \
        FWD(X0, X2, (m) & 1, 0) FWD(X1, X3, (m) & 2, 1)                       \
        FWD(X0, X1, (m) & 4, 2) FWD(X2, X3, (m) & 8, 3)                       \
        S[o[1]] = X0; S[o[2]] = X1; S[o[3]] = X2; S[o[4]] = X3;               \
        break;                                                                \
    }
#define QUAD_BWD(m)                                                           \
    case m: {                                                                 \
        V8 X0 = G[o[1]], X1 = G[o[2]], X2 = G[o[3]], X3 = G[o[4]];            \
        V4 v0, v1, v2, v3;                                                    \
        BWD(X2, X3, (m) & 8, 3, v3) BWD(X0, X1, (m) & 4, 2, v2)               \
        BWD(X1, X3, (m) & 2, 1, v1) BWD(X0, X2, (m) & 1, 0, v0)               \
        G[o[1]] = X0; G[o[2]] = X1; G[o[3]] = X2; G[o[4]] = X3;               \
        /* Four horizontal sums at once: lanes (slot 0, 1, 2, 3). */          \
        V4 t1 = __builtin_shufflevector(v0, v1, 0, 4, 2, 6) + __builtin_shufflevector(v0, v1, 1, 5, 3, 7); \
        V4 t2 = __builtin_shufflevector(v2, v3, 0, 4, 2, 6) + __builtin_shufflevector(v2, v3, 1, 5, 3, 7); \
        V4 r = __builtin_shufflevector(t1, t2, 0, 1, 4, 5) + __builtin_shufflevector(t1, t2, 2, 3, 6, 7);  \
        V4 acc;                                                               \
        memcpy(&acc, ab + base, sizeof acc);                                  \
        acc += r;                                                             \
        memcpy(ab + base, &acc, sizeof acc);                                  \
        break;                                                                \
    }
#define SIXTEEN(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6) M(7) M(8) M(9) M(10) M(11) M(12) M(13) M(14) M(15)

ATTR static void FN(const relax_schedule *s, const T *alpha, T *p, const T *cp, T *alphaBar, void *workspace)
{
    const long n = s->n, count = s->count, ops = s->ops;
    const int32_t *const restrict opAll = s->op, *const restrict perm = s->perm;
    V8 *S = (V8 *)workspace;            // panel: wire-major, 8 rows of P per vector
    V8 *G = S + n;                      // its cotangent
    V8 *D = G + n;                      // X − Y of every slot, for the backward
    T *al = (T *)(D + count);           // α by slot
    T *ab = al + count;                 // P part of ∂L/∂α by slot (4 spare entries follow)
    for (long k = 0; k < count; k++) { al[k] = alpha[perm[k]]; ab[k] = 0; }

    for (long j0 = 0; j0 < n; j0 += 8) {
        const long width = n - j0 < 8 ? n - j0 : 8;
        // Panel rows j0 ..< j0 + width of P start as rows of the identity.
        memset(S, 0, (size_t)n * sizeof(V8));
        for (long k = 0; k < width; k++) S[j0 + k][k] = 1;
        for (long j = 0; j < ops; j++) {
            const int32_t *o = opAll + 8 * j;
            const long base = o[7];
            if (o[0] == 0) {
                V8 X = S[o[1]], Y = S[o[2]];
                FWD(X, Y, o[5], 0)
                S[o[1]] = X; S[o[2]] = Y;
            } else {
                switch (o[5]) { SIXTEEN(QUAD_FWD) }
            }
        }
        // Write the panel out: P[j0 + k][wire] = S[wire][k].
        for (long k = 0; k < width; k++) {
            T *row = p + (j0 + k) * n;
            for (long wire = 0; wire < n; wire++) row[wire] = S[wire][k];
        }
        if (!cp) continue;
        // Gather the panel's rows of the cotangent, wire-major.
        for (long wire = 0; wire < n; wire++) {
            V8 g = {0};
            for (long k = 0; k < width; k++) g[k] = cp[(j0 + k) * n + wire];
            G[wire] = g;
        }
        for (long j = ops - 1; j >= 0; j--) {
            const int32_t *o = opAll + 8 * j;
            const long base = o[7];
            if (o[0] == 0) {
                V8 X = G[o[1]], Y = G[o[2]];
                V4 v;
                BWD(X, Y, o[5], 0, v)
                G[o[1]] = X; G[o[2]] = Y;
                ab[base] += (v[0] + v[1]) + (v[2] + v[3]);
            } else {
                switch (o[5]) { SIXTEEN(QUAD_BWD) }
            }
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
#undef SIXTEEN
