// Builds the operation schedule of the P panel kernel (see CSortingKernels.h).
//
// 1. Fusion: pairs of consecutive layers are fused into quads where their comparators close on
//    four wires, which halves the panel loads and stores of those layers.
// 2. Cones: row j of P is e_j pushed through the network, so a comparator can hold a non-zero
//    entry of row j only if input wire j reaches it through the comparators before it. For
//    every operation the hull [lo, hi] of the input wires that reach it is computed (one pass,
//    O(comparators)); the kernel skips an operation for a panel of rows outside its hull. In a
//    bitonic network the comparators of stage b act inside aligned blocks of 2^(b+1) wires, so
//    at n = 1024 a panel of 8 rows meets 9,224 of the 28,160 comparators.
// 3. Segments: within a group of operations on disjoint wires (one layer, or the quads of a
//    fused pair) the operations are sorted by hull and direction and cut into segments of one
//    kind and one direction mask whose hulls nearly coincide, so the kernel tests a hull once per segment and runs
//    a branch-free inner loop.
// Every comparator appears exactly once, and each one still reads the outputs of exactly the
// comparators it read before (reordering happens only among operations on disjoint wires), so
// P and ∂L/∂α are computed by the same floating-point operations as comparator-by-comparator
// application; a skipped operation would only have mapped zeros to zeros (see the kernel).
#include "CSortingKernels.h"
#include <stdlib.h>

enum { SEGMENT_MAX = 32, SEGMENT_SLACK = 8, BLOCK = 256 };

typedef struct {
    int32_t kind, w[4], mask, comp[4], lo, hi, code;
} item;

static long other(const int32_t *lo, const int32_t *hi, long c, long wire) { return lo[c] == wire ? hi[c] : lo[c]; }

static int by_hull(const void *pa, const void *pb) {
    const item *a = pa, *b = pb;
    if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
    if (a->hi != b->hi) return a->hi < b->hi ? -1 : 1;
    if (a->code != b->code) return a->code < b->code ? -1 : 1;
    return a->w[0] < b->w[0] ? -1 : (a->w[0] > b->w[0]);
}

typedef struct {
    int32_t *op, *perm, *seg;
    long ops, slot, segments;
    int32_t *hlo, *hhi;  // per wire: hull of the input wires that reach it so far
} builder;

// Prepares one group of operations on disjoint wires: hulls (in network order), codes, sort.
static void prepare(builder *B, item *it, long count) {
    for (long i = 0; i < count; i++) {
        item *x = it + i;
        const int wires = x->kind == 0 ? 2 : 4;
        int32_t lo = B->hlo[x->w[0]], hi = B->hhi[x->w[0]];
        for (int k = 1; k < wires; k++) {
            if (B->hlo[x->w[k]] < lo) lo = B->hlo[x->w[k]];
            if (B->hhi[x->w[k]] > hi) hi = B->hhi[x->w[k]];
        }
        for (int k = 0; k < wires; k++) { B->hlo[x->w[k]] = lo; B->hhi[x->w[k]] = hi; }
        x->lo = lo; x->hi = hi;
        x->code = x->kind == 0 ? x->mask : 16 + x->mask;
    }
    qsort(it, (size_t)count, sizeof(item), by_hull);
}

// The aligned block of BLOCK wires an operation acts in, or −1 if it spans two blocks.
static long block_of(const item *x) {
    const int wires = x->kind == 0 ? 2 : 4;
    long b = x->w[0] / BLOCK;
    for (int k = 1; k < wires; k++) if (x->w[k] / BLOCK != b) return -1;
    return b;
}

// Emits the operations of one prepared group whose block is `block` (any block if −1): ops,
// slots and segments.
static void emit(builder *B, const item *it, long count, long block) {
    int32_t *seg = NULL, widest = 0;
    for (long i = 0; i < count; i++) {
        const item *x = it + i;
        if (block >= 0 && block_of(x) != block) continue;
        // A segment may widen its hull by at most SEGMENT_SLACK wires beyond its widest member
        // (networks whose every comparator has its own hull, such as odd-even transposition,
        // would otherwise get one segment per operation).
        const int32_t ulo = seg && seg[2] < x->lo ? seg[2] : x->lo, uhi = seg && seg[3] > x->hi ? seg[3] : x->hi;
        const int32_t wid = widest > x->hi - x->lo ? widest : x->hi - x->lo;
        if (!seg || seg[4] != x->code || seg[1] == SEGMENT_MAX || uhi - ulo > wid + SEGMENT_SLACK) {
            seg = B->seg + 8 * B->segments++;
            seg[0] = (int32_t)B->ops; seg[1] = 0; seg[2] = x->lo; seg[3] = x->hi; seg[4] = x->code;
            seg[5] = seg[6] = seg[7] = 0;
            widest = x->hi - x->lo;
        } else {
            seg[2] = ulo; seg[3] = uhi; widest = wid;
        }
        seg[1]++;
        int32_t *o = B->op + 8 * B->ops++;
        const int slots = x->kind == 0 ? 1 : 4;
        o[0] = x->kind; o[1] = x->w[0]; o[2] = x->w[1]; o[3] = x->w[2]; o[4] = x->w[3];
        o[5] = x->mask; o[6] = 0; o[7] = (int32_t)B->slot;
        for (int k = 0; k < slots; k++) B->perm[B->slot++] = x->comp[k];
    }
}

static item single_item(long c, const int32_t *lo, const int32_t *hi, const uint8_t *straight) {
    item x = {0};
    x.kind = 0; x.w[0] = lo[c]; x.w[1] = hi[c]; x.w[2] = lo[c]; x.w[3] = hi[c];
    x.mask = straight[c] ? 1 : 0; x.comp[0] = (int32_t)c;
    return x;
}

long relax_schedule_build(long n, long count, const int32_t *lo, const int32_t *hi, const uint8_t *straight,
                          const int32_t *layerStart, long layers, int32_t *op, int32_t *perm,
                          int32_t *seg, long *segments) {
    const size_t nn = (size_t)(n > 0 ? n : 1), cc = (size_t)(count > 0 ? count : 1);
    long *compL = malloc(sizeof(long) * nn), *compM = malloc(sizeof(long) * nn);
    unsigned char *used = calloc(cc, 1);
    long *quads = malloc(sizeof(long) * 8 * cc);
    item *items = malloc(sizeof(item) * cc);
    builder B = {op, perm, seg, 0, 0, 0, malloc(sizeof(int32_t) * nn), malloc(sizeof(int32_t) * nn)};
    for (long w = 0; w < n; w++) { compL[w] = compM[w] = -1; B.hlo[w] = B.hhi[w] = (int32_t)w; }
    // Groups of operations on disjoint wires, in network order: items[groupStart[g] ..< groupStart[g + 1]].
    long *groupStart = malloc(sizeof(long) * (size_t)(2 * layers + 4)), groups = 0, total = 0;
#define ADD_GROUP(k) do { if ((k) > 0) { prepare(&B, items + total, (k)); groupStart[groups++] = total; total += (k); } } while (0)
    long L = 0;
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
                item *cur = items + total;
                long k = 0;
                for (long c = a0; c < a1; c++) if (!used[c]) cur[k++] = single_item(c, lo, hi, straight);
                ADD_GROUP(k);
                cur = items + total;
                for (long f = 0; f < found; f++) {
                    const long *Q = quads + 8 * f;
                    item x = {0};
                    x.kind = 1;
                    for (int j = 0; j < 4; j++) {
                        x.w[j] = (int32_t)Q[j];
                        x.comp[j] = (int32_t)Q[4 + j];
                        if (straight[Q[4 + j]]) x.mask |= 1 << j;
                    }
                    cur[f] = x;
                }
                ADD_GROUP(found);
                cur = items + total;
                k = 0;
                for (long c = b0; c < b1; c++) if (!used[c]) cur[k++] = single_item(c, lo, hi, straight);
                ADD_GROUP(k);
                L += 2;
                continue;
            }
            for (long c = a0; c < b1; c++) used[c] = 0;
        }
        item *cur = items + total;
        long k = 0;
        for (long c = a0; c < a1; c++) cur[k++] = single_item(c, lo, hi, straight);
        ADD_GROUP(k);
        L += 1;
    }
#undef ADD_GROUP
    groupStart[groups] = total;
    // Emission. A run of consecutive groups whose every operation stays inside one aligned block
    // of BLOCK wires is emitted block by block (all its groups on block 0, then on block 1, …), as
    // in FFT blocking: a panel's BLOCK wires (16 KB for 8 rows of Double) then stay in L1 through
    // the run instead of being swept from L2 once per group. Operations in different blocks
    // touch different wires, so this is a valid order and changes no floating-point operation.
    for (long g = 0; g < groups;) {
        long h = g;
        while (h < groups) {
            long local = 1;
            for (long i = groupStart[h]; i < groupStart[h + 1] && local; i++) local = block_of(items + i) >= 0;
            if (!local) break;
            h++;
        }
        if (h - g >= 2) {
            for (long b = 0; b * BLOCK < n; b++)
                for (long q = g; q < h; q++) emit(&B, items + groupStart[q], groupStart[q + 1] - groupStart[q], b);
            g = h;
        } else {
            const long q = h > g ? g : g;
            emit(&B, items + groupStart[q], groupStart[q + 1] - groupStart[q], -1);
            g = q + 1;
        }
    }
    free(groupStart);
    free(compL); free(compM); free(used); free(quads); free(items); free(B.hlo); free(B.hhi);
    *segments = B.segments;
    return B.ops;
}
