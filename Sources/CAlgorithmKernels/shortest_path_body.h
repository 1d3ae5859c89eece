// One build of the relaxed shortest-path kernel (included by shortest_path.c with SUFFIX and
// ATTR defined; every function name ends in SUFFIX, e.g. sp_avx2). Notation and derivations: SIMDShortestPath+Kernel.swift. Maps are padded
// `(H + 2) × (W + 2)` cells of `L = 4·groups` doubles; `o0 … o7` are the neighbour offsets in
// the direction order NW, N, NE, W, E, SW, S, SE.

#define SP_CAT_(a, b) a##b
#define SP_CAT(a, b) SP_CAT_(a, b)
#define K(name) SP_CAT(name, SUFFIX)

/// Every interior lane group: `i` its index in a padded map, `k` in an unpadded `[H·W][L]` array
/// (each grid row's interior is contiguous in both).
#define INTERIOR(i, k) for (long r_ = 0; r_ < H; r_++) \
    for (long i = ((1 + r_) * Wp + 1) * L, k = r_ * W * L, end_ = i + W * L; i < end_; i += 4, k += 4)

#define NB(a, i) (((((((LD((a) + (i) + o0) + LD((a) + (i) + o1)) + LD((a) + (i) + o2)) + LD((a) + (i) + o3)) \
                   + LD((a) + (i) + o4)) + LD((a) + (i) + o5)) + LD((a) + (i) + o6)) + LD((a) + (i) + o7))

/// e^x per lane: the algorithm of `laneExp` (Cody–Waite by ln 2, degree-12 Taylor, 2ⁿ through
/// the exponent bits, 0 below −708, argument clamped at 709).
ATTR static inline __attribute__((always_inline)) v4 K(exp_)(v4 x) {
    const v4 lo = SPLAT(-708.0), hi = SPLAT(709.0);
    i4 under = x < lo;
    x = SEL(under, lo, x);
    x = SEL(x > hi, hi, x);
    const v4 magic = SPLAT(6755399441055744.0);
    v4 t = x * SPLAT(1.4426950408889634) + magic;
    v4 n = t - magic;
    v4 r = (x - n * SPLAT(0.69314718036912381649)) - n * SPLAT(1.90821492927058770002e-10);
    v4 p = SPLAT(1.0 / 479001600);
    p = p * r + SPLAT(1.0 / 39916800);
    p = p * r + SPLAT(1.0 / 3628800);
    p = p * r + SPLAT(1.0 / 362880);
    p = p * r + SPLAT(1.0 / 40320);
    p = p * r + SPLAT(1.0 / 5040);
    p = p * r + SPLAT(1.0 / 720);
    p = p * r + SPLAT(1.0 / 120);
    p = p * r + SPLAT(1.0 / 24);
    p = p * r + SPLAT(1.0 / 6);
    p = p * r + SPLAT(0.5);
    p = p * r + SPLAT(1.0);
    p = p * r + SPLAT(1.0);
    u4 bits = (((u4)t) + 1023) << 52;
    v4 y = p * (v4)bits;
    return SEL(under, SPLAT(0.0), y);
}

/// `v` on the padding ring of a map.
ATTR static inline __attribute__((always_inline)) void K(ring_)(double *map, v4 v, long H, long W, long L) {
    const long Wp = W + 2;
    for (long c = 0; c < Wp; c++)
        for (long g = 0; g < L; g += 4) { ST(map + c * L + g, v); ST(map + ((H + 1) * Wp + c) * L + g, v); }
    for (long r = 1; r <= H; r++)
        for (long g = 0; g < L; g += 4) { ST(map + r * Wp * L + g, v); ST(map + (r * Wp + W + 1) * L + g, v); }
}

/// `S(a, b)` and its partials.
ATTR static inline __attribute__((always_inline)) v4 K(conorm_)(int kind, v4 q, v4 a, v4 b, v4 *da, v4 *db) {
    const v4 one = SPLAT(1.0);
    if (kind == 0) {
        *da = one - b; *db = one - a;
        return (a + b) - a * b;
    } else if (kind == 1) {
        v4 ab = a * b;
        v4 num = (a + b) + ab * (q - 2), den = one + ab * (q - 1);
        /* q = 0 at a = b = 1 is 0/0 with limit 1 and partials 0: add 1 to both there (as the reference does). */
        v4 fix = SEL(den == SPLAT(0.0), one, SPLAT(0.0));
        num = num + fix; den = den + fix;
        v4 den2 = den * den;
        *da = ((one + b * (q - 2)) * den - num * b * (q - 1)) / den2;
        *db = ((one + a * (q - 2)) * den - num * a * (q - 1)) / den2;
        return num / den;
    } else {
        v4 r = (one - a) - b;
        i4 pos = r > SPLAT(0.0);
        v4 slope = SEL(pos, one, SPLAT(0.0));
        *da = slope; *db = slope;
        return one - SEL(pos, r, SPLAT(0.0));
    }
}

ATTR static inline __attribute__((always_inline)) int K(body_)(const int kind, const relax_sp_params *p, const double *cost,
                                                            const double *gOut, double *outPath, double *gCost, double *ws) {
    const long H = p->H, W = p->W, G = p->groups, T = p->iterations;
    const long Wp = W + 2, L = 4 * G, P = (H + 2) * Wp, MAP = P * L, HW = H * W;
    const long o0 = (-Wp - 1) * L, o1 = -Wp * L, o2 = (-Wp + 1) * L, o3 = -L,
               o4 = L, o5 = (Wp - 1) * L, o6 = Wp * L, o7 = (Wp + 1) * L;
    const v4 b = SPLAT(p->beta), nb = -b, inf = SPLAT(p->infinity), q = SPLAT(p->q), one = SPLAT(1.0);
    const v4 zlo = SPLAT(1e-200), zhi = SPLAT(1e200);
    const long start = (Wp + 1) * L, target = (H * Wp + W) * L;

    double *D = ws;  ws += (T + 1) * MAP;   // d before sweep t (padding: infinity)
    double *E = ws;  ws += T * MAP;         // e^(−β d) per sweep
    double *M = ws;  ws += T * MAP;         // soft minimum m_c (0 on padding and where Z_c = 0)
    double *IZ = ws; ws += T * MAP;         // 1 / Z_c
    double *EV = ws; ws += MAP;             // e·d of the current sweep
    double *PA = ws; ws += (T + 1) * MAP;   // traceback: path_s
    double *TR = ws; ws += (T + 1) * MAP;   // traceback: trace_s
    double *SS = ws; ws += T * MAP;         // traceback: S_s = Σ_k w_s[i + o_k]
    double *Wm = ws; ws += MAP;             // traceback: w = trace·(1/Z) (0 on padding)
    unsigned char *band = (unsigned char *)ws;   // per sweep, cell, group: 1 if some lane had Z = 0
    unsigned char *nearLive = band + T * HW * G; // per sweep, padded cell, group: e ≠ 0 somewhere
    ws += (T * HW * G + T * P * G + 7) / 8 + 1;

    // Padding: d = infinity, so e = 0 and e·d = 0.
    for (long n = 0; n < MAP; n += 4) ST(D + n, inf);
    for (long t = 1; t <= T; t++) K(ring_)(D + t * MAP, inf, H, W, L);
    for (long t = 0; t < T; t++) { K(ring_)(E + t * MAP, SPLAT(0.0), H, W, L); K(ring_)(M + t * MAP, SPLAT(0.0), H, W, L); }
    K(ring_)(EV, SPLAT(0.0), H, W, L);
    for (long g = 0; g < L; g += 4) ST(D + start + g, SPLAT(0.0));
    const v4 under = SPLAT(-708.0);

    // ---- Forward: the relaxed Bellman–Ford sweeps.
    for (long t = 0; t < T; t++) {
        const double *d = D + t * MAP;
        double *dn = D + (t + 1) * MAP, *e = E + t * MAP, *m = M + t * MAP, *iz = IZ + t * MAP;
        unsigned char *bd = band + t * HW * G, *nl = nearLive + t * P * G;
        // e = e^(−β d) on the interior; where every lane is below −708 it is exactly 0 (as
        // exp_ would return) and the exponential is skipped.
        INTERIOR(i, k) {
            v4 x = LD(d + i), a = nb * x;
            if (ALL(a < under)) { ST(e + i, SPLAT(0.0)); ST(EV + i, SPLAT(0.0)); nl[i / 4] = 0; continue; }
            v4 y = K(exp_)(a);
            ST(e + i, y); ST(EV + i, y * x); nl[i / 4] = 1;
        }
        // A lane whose Z is exactly 0 has no neighbour with a nonzero exponential: every
        // neighbour has β·d > 708, so its own new distance does too, and the next sweep's
        // exponential of it is 0 whatever it is (and the cells that read it give it weight
        // < 1e-107 in the reference: see the header). It gets `infinity`, m = 1/Z = 0, and no
        // gradient flows through it (its exponential is 0 in every later sweep that reads it).
        INTERIOR(i, k) {
            v4 z = NB(e, i);
            i4 inRange = (z >= zlo) & (z <= zhi);
            if (ALL(inRange)) {
                v4 izv = one / z, mv = NB(EV, i) * izv;
                ST(dn + i, mv + LD(cost + k)); ST(m + i, mv); ST(iz + i, izv);
                bd[k / 4] = 0;
            } else {
                i4 zero = z == SPLAT(0.0);
                if (!ALL(inRange | zero)) return RELAX_SP_UNSUPPORTED;
                v4 izv = one / SEL(zero, one, z), mv = NB(EV, i) * izv;
                ST(dn + i, SEL(zero, inf, mv + LD(cost + k)));
                ST(m + i, SEL(zero, SPLAT(0.0), mv)); ST(iz + i, SEL(zero, SPLAT(0.0), izv));
                bd[k / 4] = 1;
            }
        }
        for (long g = 0; g < L; g += 4) ST(dn + start + g, SPLAT(0.0));
    }
    // The collapsed traceback needs the last sweep's weights in the shared form everywhere.
    for (long k = 0; k < HW * G; k++) if (band[(T - 1) * HW * G + k] != 0) return RELAX_SP_UNSUPPORTED;

    // ---- Traceback (For): pred(c, k) = E*[c + o_k]/Z*_c, so the move of trace to the
    // predecessors is trace′[i] = E*[i]·Σ_k w[i + o_k] with w = trace/Z* (the offsets are symmetric).
    const double *Es = E + (T - 1) * MAP, *IZs = IZ + (T - 1) * MAP;
    for (long n = 0; n < MAP; n += 4) { ST(PA + n, SPLAT(0.0)); ST(TR + n, SPLAT(0.0)); ST(Wm + n, SPLAT(0.0)); }
    for (long g = 0; g < L; g += 4) ST(TR + target + g, one);
    for (long s = 0; s < T; s++) {
        const double *pa = PA + s * MAP, *tr = TR + s * MAP;
        double *pa1 = PA + (s + 1) * MAP, *tr1 = TR + (s + 1) * MAP, *ss = SS + s * MAP;
        INTERIOR(i, k) {
            v4 da, db, tv = LD(tr + i);
            ST(pa1 + i, K(conorm_)(kind, q, LD(pa + i), tv, &da, &db));
            ST(Wm + i, tv * LD(IZs + i));
        }
        INTERIOR(i, k) {
            v4 sv = NB(Wm, i);
            ST(ss + i, sv); ST(tr1 + i, LD(Es + i) * sv);
        }
    }
    INTERIOR(i, k) ST(outPath + k, LD(PA + T * MAP + i));
    if (!gOut) return RELAX_SP_OK;

    // ---- Backward of the traceback.
    double *gPath = ws; ws += MAP;
    double *gTr = ws; ws += MAP;
    double *gTr2 = ws; ws += MAP;
    double *gS = ws; ws += MAP;     // ∂/∂S_s·E* (0 on padding)
    double *gEs = ws; ws += MAP;    // ∂/∂E* through the moves
    double *gIZ = ws; ws += MAP;    // ∂/∂(1/Z*) through the moves
    double *Q = ws; ws += MAP;      // (∂/∂(1/Z*))/Z*² (0 on padding)
    double *gD = ws; ws += MAP;     // ∂/∂d after the sweep
    double *gP = ws; ws += MAP;     // ∂/∂d before it
    double *aN = ws; ws += MAP;     // ḡ_c/Z_c (0 on padding and where Z_c = 0)
    for (long n = 0; n < 10 * MAP; n += 4) ST(gPath + n, SPLAT(0.0));
    INTERIOR(i, k) ST(gPath + i, LD(gOut + k));
    for (long s = T - 1; s >= 0; s--) {
        const double *pa = PA + s * MAP, *tr = TR + s * MAP, *ss = SS + s * MAP;
        INTERIOR(i, k) {
            v4 gt = LD(gTr + i);
            ST(gEs + i, LD(gEs + i) + gt * LD(ss + i));
            ST(gS + i, gt * LD(Es + i));
        }
        INTERIOR(i, k) {
            v4 gw = NB(gS, i), tv = LD(tr + i), da, db;
            ST(gIZ + i, LD(gIZ + i) + gw * tv);
            (void)K(conorm_)(kind, q, LD(pa + i), tv, &da, &db);
            v4 gp = LD(gPath + i);
            ST(gTr2 + i, gw * LD(IZs + i) + gp * db);
            ST(gPath + i, gp * da);
        }
        double *sw = gTr; gTr = gTr2; gTr2 = sw;
    }
    INTERIOR(i, k) {
        (void)k;
        v4 izv = LD(IZs + i);
        ST(Q + i, (LD(gIZ + i) * izv) * izv);
    }

    // ---- Backward of the sweeps: ∂m_c/∂v_k = pred_k (1 + β (m_c − v_k)).
    for (long n = 0; n < HW * L; n += 4) ST(gCost + n, SPLAT(0.0));
    for (long t = T - 1; t >= 0; t--) {
        const double *d = D + t * MAP, *e = E + t * MAP, *m = M + t * MAP, *iz = IZ + t * MAP;
        for (long g = 0; g < L; g += 4) ST(gD + start + g, SPLAT(0.0));   // d[start] ← 0 after the sweep
        INTERIOR(i, k) {
            v4 gn = LD(gD + i);
            ST(gCost + k, LD(gCost + k) + gn);
            ST(aN + i, gn * LD(iz + i));
        }
        INTERIOR(i, k) {
            const v4 dn = LD(d + i);
#define EDGE(arr, o, dv) (LD(arr + i + (o)) * (one + b * (LD(m + i + (o)) - (dv))))
            v4 gv = SPLAT(0.0);
            if (nearLive[t * P * G + i / 4]) {
            v4 sum = ((((((EDGE(aN, o0, dn) + EDGE(aN, o1, dn)) + EDGE(aN, o2, dn)) + EDGE(aN, o3, dn)) + EDGE(aN, o4, dn))
                       + EDGE(aN, o5, dn)) + EDGE(aN, o6, dn)) + EDGE(aN, o7, dn);
            gv = LD(e + i) * sum;
            }
#undef EDGE
            if (t == T - 1) {
                // The traceback's gradient through pred = softmax(−β v) of the last sweep.
                gv = gv + (nb * LD(Es + i)) * (LD(gEs + i) - NB(Q, i));
            }
            ST(gP + i, gv);
        }
        double *sw = gD; gD = gP; gP = sw;
    }
    return RELAX_SP_OK;
}

/// One copy of the body per t-conorm, so that its choice is made once per call.
ATTR static int K(sp_)(const relax_sp_params *p, const double *cost, const double *gOut, double *outPath,
                   double *gCost, double *ws) {
    switch (p->tconorm) {
    case 0: return K(body_)(0, p, cost, gOut, outPath, gCost, ws);
    case 1: return K(body_)(1, p, cost, gOut, outPath, gCost, ws);
    default: return K(body_)(2, p, cost, gOut, outPath, gCost, ws);
    }
}

#undef NB
#undef INTERIOR
#undef SP_CAT_
#undef SP_CAT
#undef K
