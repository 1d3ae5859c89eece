// Builds the operation schedule of the P panel kernel (see CSortingKernels.h): pairs of
// consecutive layers are fused into quads where their comparators close on four wires, which
// halves the panel loads and stores of those layers. Every comparator appears exactly once, and
// each one still reads the outputs of exactly the comparators it read before (within a layer,
// operations are grouped by direction so the kernel's branches are predictable), so P and ∂L/∂α are
// computed by the same floating-point operations as comparator-by-comparator application.
#include "CSortingKernels.h"
#include <stdlib.h>

static long other(const int32_t *lo, const int32_t *hi, long c, long wire) { return lo[c] == wire ? hi[c] : lo[c]; }

static void single(int32_t *o, long c, const int32_t *lo, const int32_t *hi, const uint8_t *straight, long slot) {
    o[0] = 0; o[1] = lo[c]; o[2] = hi[c]; o[3] = 0; o[4] = 0; o[5] = straight[c] ? 1 : 0; o[6] = 0; o[7] = (int32_t)slot;
}

long relax_schedule_build(long n, long count, const int32_t *lo, const int32_t *hi, const uint8_t *straight,
                          const int32_t *layerStart, long layers, int32_t *op, int32_t *perm) {
    long *compL = malloc(sizeof(long) * (size_t)(n > 0 ? n : 1)), *compM = malloc(sizeof(long) * (size_t)(n > 0 ? n : 1));
    unsigned char *used = calloc((size_t)(count > 0 ? count : 1), 1);
    long *quads = malloc(sizeof(long) * 8 * (size_t)(count > 0 ? count : 1));
    for (long w = 0; w < n; w++) compL[w] = compM[w] = -1;
    long ops = 0, slot = 0, L = 0;
    while (L < layers) {
        const long a0 = layerStart[L], a1 = layerStart[L + 1];
        if (L + 1 < layers) {
            const long b0 = a1, b1 = layerStart[L + 2];
            for (long c = a0; c < a1; c++) compL[lo[c]] = compL[hi[c]] = c;
            for (long c = b0; c < b1; c++) compM[lo[c]] = compM[hi[c]] = c;
            long found = 0;
            for (long c = a0; c < a1; c++) {
                if (used[c]) continue;
                const long x = lo[c], y = hi[c], q = compM[x];
                if (q < 0) continue;
                const long x2 = other(lo, hi, q, x), r = compL[x2];
                if (r < 0 || r == c || used[r]) continue;
                const long x3 = other(lo, hi, r, x2), s = compM[y];
                if (s < 0 || s == q || other(lo, hi, s, y) != x3) continue;
                used[c] = used[r] = used[q] = used[s] = 1;
                long *Q = quads + 8 * found++;
                Q[0] = x; Q[1] = x2; Q[2] = y; Q[3] = x3; Q[4] = c; Q[5] = r; Q[6] = q; Q[7] = s;
            }
            for (long c = a0; c < a1; c++) compL[lo[c]] = compL[hi[c]] = -1;
            for (long c = b0; c < b1; c++) compM[lo[c]] = compM[hi[c]] = -1;
            if (found > 0 && 8 * found >= (b1 - a0)) {
                // Layer L's unpaired comparators, then the quads, then layer L + 1's unpaired ones.
                for (int st = 0; st < 2; st++)
                    for (long c = a0; c < a1; c++) if (!used[c] && straight[c] == st) { single(op + 8 * ops++, c, lo, hi, straight, slot); perm[slot++] = (int32_t)c; }
                for (int m = 0; m < 16; m++) for (long f = 0; f < found; f++) {
                    const long *Q = quads + 8 * f;
                    int mask = 0;
                    for (int k = 0; k < 4; k++) if (straight[Q[4 + k]]) mask |= 1 << k;
                    if (mask != m) continue;
                    int32_t *o = op + 8 * ops++;
                    o[0] = 1; o[1] = (int32_t)Q[0]; o[2] = (int32_t)Q[1]; o[3] = (int32_t)Q[2]; o[4] = (int32_t)Q[3];
                    o[5] = 0;
                    for (int k = 0; k < 4; k++) {
                        if (straight[Q[4 + k]]) o[5] |= 1 << k;
                        perm[slot + k] = (int32_t)Q[4 + k];
                    }
                    o[6] = 0; o[7] = (int32_t)slot;
                    slot += 4;
                }
                for (int st = 0; st < 2; st++)
                    for (long c = b0; c < b1; c++) if (!used[c] && straight[c] == st) { single(op + 8 * ops++, c, lo, hi, straight, slot); perm[slot++] = (int32_t)c; }
                L += 2;
                continue;
            }
            for (long c = a0; c < b1; c++) used[c] = 0;
        }
        for (int st = 0; st < 2; st++)
            for (long c = a0; c < a1; c++) if (straight[c] == st) { single(op + 8 * ops++, c, lo, hi, straight, slot); perm[slot++] = (int32_t)c; }
        L += 1;
    }
    free(compL); free(compM); free(used); free(quads);
    return ops;
}
