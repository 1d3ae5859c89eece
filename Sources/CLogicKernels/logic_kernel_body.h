// One body of the bit-sliced logic kernels, included twice by logic_kernels.c: once for the
// baseline target and once with ATTR = AVX2. FN_RUN, FN_PACK and ATTR are defined by the includer.

static ATTR void FN_RUN(u64x4 *s, const relax_logic_instruction *ins, const relax_logic_group *g, long count) {
    char *const base = (char *)s;
    const uint64_t FIELD = (1u << 21) - 1;
    for (long k = 0; k < count; k++) {
        const relax_logic_instruction *p = ins + g[k].start, *e = ins + g[k].end;
        // One 64-bit load per instruction; the op is constant inside each loop.
#define GATE_LOOP(EXPR)                                                                 \
    _Pragma("clang loop unroll_count(2)")                                               \
    for (; p < e; p++) {                                                                \
        const uint64_t w = *p;                                                          \
        const u64x4 X = *(const u64x4 *)(base + 8 * (w & FIELD));                       \
        const u64x4 Y = *(const u64x4 *)(base + 8 * ((w >> 21) & FIELD));               \
        (void)X; (void)Y;                                                               \
        *(u64x4 *)(base + 8 * (w >> 42)) = (EXPR);                                      \
    }                                                                                   \
    break;
        const u64x4 zero = {0, 0, 0, 0}, ones = ~zero;
        switch (g[k].op) {
        case 0: GATE_LOOP(zero)
        case 1: GATE_LOOP(X & Y)
        case 2: GATE_LOOP(X & ~Y)
        case 3: GATE_LOOP(X)
        case 4: GATE_LOOP(~X & Y)
        case 5: GATE_LOOP(Y)
        case 6: GATE_LOOP(X ^ Y)
        case 7: GATE_LOOP(X | Y)
        case 8: GATE_LOOP(~(X | Y))
        case 9: GATE_LOOP(~(X ^ Y))
        case 10: GATE_LOOP(~Y)
        case 11: GATE_LOOP(X | ~Y)
        case 12: GATE_LOOP(~X)
        case 13: GATE_LOOP(~X | Y)
        case 14: GATE_LOOP(~(X & Y))
        default: GATE_LOOP(ones)
        }
#undef GATE_LOOP
    }
}

// 16 rows × 16 features per step: byte-wise Horner over rows 0–7 and 8–15 (byte j of `lo` holds
// feature f + j of rows 0–7 as bits 0–7), then the two byte vectors are interleaved so that 16-bit
// element j is feature f + j of all 16 rows, and each element is stored at its slot.
static inline __attribute__((always_inline)) ATTR uint8_t FN_PACK_T(u64x4 *slots, const uint8_t *x, long rows, long F,
                                                                     const int threshold) {
    u8x16 bad = {0};
    uint8_t badScalar = 0;
    char *base = (char *)(slots + 1);
    for (long block = 0; block < 16; block++) {
        const long r0 = 16 * block, n = rows - r0 < 0 ? 0 : (rows - r0 > 16 ? 16 : rows - r0);
        char *out = base + 2 * block;
        long f = 0;
        if (n == 16) {
            const uint8_t *r = x + r0 * F;
            // The 16 rows are 16·F contiguous bytes; prefetch the block two blocks ahead, 4 lines per step.
            const char *ahead = (const char *)(r + 32 * F);
            for (; f + 16 <= F; f += 16) {
                for (int j = 0; j < 4; j++) __builtin_prefetch(ahead + (f / 16 * 4 + j) * 64, 0, 0);
                u8x16 v[16];
                for (int i = 0; i < 16; i++) {
                    memcpy(&v[i], r + i * F + f, 16);
                    if (threshold) v[i] = v[i] >> 7; else bad |= v[i];
                }
                u8x16 lo = v[7], hi = v[15];
                for (int i = 6; i >= 0; i--) { lo = lo + lo + v[i]; hi = hi + hi + v[8 + i]; }
                const u16x8 w0 = (u16x8)__builtin_shufflevector(lo, hi, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
                const u16x8 w1 = (u16x8)__builtin_shufflevector(lo, hi, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
                char *o = out + f * 32;
                for (int j = 0; j < 8; j++) {
                    const uint16_t a = w0[j], b = w1[j];
                    memcpy(o + j * 32, &a, 2);
                    memcpy(o + (8 + j) * 32, &b, 2);
                }
            }
        }
        for (; f < F; f++) {  // feature tail, partial and empty blocks
            uint16_t bits = 0;
            for (long i = 0; i < n; i++) {
                uint8_t v = x[(r0 + i) * F + f];
                if (threshold) v >>= 7; else badScalar |= v;
                bits |= (uint16_t)((uint16_t)v << i);
            }
            memcpy(out + f * 32, &bits, 2);
        }
    }
    for (int i = 0; i < 16; i++) badScalar |= bad[i];
    return badScalar;
}

static ATTR uint8_t FN_PACK(u64x4 *slots, const uint8_t *x, long rows, long F, int threshold) {
    return threshold ? FN_PACK_T(slots, x, rows, F, 1) : FN_PACK_T(slots, x, rows, F, 0);
}

// GroupSum of one class: a Harley–Seal carry-save positional popcount of its n buffer words
// (16 words per block: ones, twos, fours, eights, then a ripple into planes of weight 16, 32, …),
// then the per-sample counts, 8 samples at a time: each counter plane's byte spread into eight
// 32-bit lanes by a table lookup, shifted by the plane's weight and added.
static ATTR void FN_COUNT(const u64x4 *w, long n, int64_t *out, long k, long valid, int64_t constant) {
    const u64x4 zero = {0, 0, 0, 0};
    u64x4 q[4 + RELAX_LOGIC_COUNT_PLANES];
    u64x4 ones = zero, twos = zero, fours = zero, eights = zero;
    u64x4 *planes = q + 4;
    const long sixteensMax = (n >> 4) < 1 ? 1 : (n >> 4);
    int P = 64 - __builtin_clzl((unsigned long)sixteensMax);
    if (P > RELAX_LOGIC_COUNT_PLANES) P = RELAX_LOGIC_COUNT_PLANES;
    for (int p = 0; p < P; p++) planes[p] = zero;
#define CSA(h, l, a, b) do { const u64x4 u_ = (l) ^ (a), b_ = (b); (h) = ((l) & (a)) | (u_ & b_); (l) = u_ ^ b_; } while (0)
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        u64x4 tA, tB, fA, fB, eA, eB, s16;
        CSA(tA, ones, w[i], w[i + 1]); CSA(tB, ones, w[i + 2], w[i + 3]); CSA(fA, twos, tA, tB);
        CSA(tA, ones, w[i + 4], w[i + 5]); CSA(tB, ones, w[i + 6], w[i + 7]); CSA(fB, twos, tA, tB);
        CSA(eA, fours, fA, fB);
        CSA(tA, ones, w[i + 8], w[i + 9]); CSA(tB, ones, w[i + 10], w[i + 11]); CSA(fA, twos, tA, tB);
        CSA(tA, ones, w[i + 12], w[i + 13]); CSA(tB, ones, w[i + 14], w[i + 15]); CSA(fB, twos, tA, tB);
        CSA(eB, fours, fA, fB);
        CSA(s16, eights, eA, eB);
        u64x4 carry = s16;
        for (int p = 0; p < P; p++) { const u64x4 t = planes[p] & carry; planes[p] ^= carry; carry = t; }
    }
#undef CSA
    for (; i < n; i++) {  // the tail: a ripple increment
        u64x4 carry = w[i], t;
        t = ones & carry; ones ^= carry; carry = t;
        t = twos & carry; twos ^= carry; carry = t;
        t = fours & carry; fours ^= carry; carry = t;
        t = eights & carry; eights ^= carry; carry = t;
        for (int p = 0; p < P; p++) { t = planes[p] & carry; planes[p] ^= carry; carry = t; }
    }
    q[0] = ones; q[1] = twos; q[2] = fours; q[3] = eights;
    // Byte j of a plane holds samples 8j … 8j + 7 (lane j / 8, LSB first).
    const uint8_t *bytes = (const uint8_t *)q;
    for (long s0 = 0; s0 < valid; s0 += 8) {
        const long j = s0 >> 3;
        u32x8 acc = spread8[bytes[j]];
        for (int p = 1; p < 4 + P; p++) acc += spread8[bytes[32 * p + j]] << p;
        int64_t *o = out + s0 * k;
        if (valid - s0 >= 8) {
            o[0] = (int64_t)acc[0] + constant; o[k] = (int64_t)acc[1] + constant;
            o[2 * k] = (int64_t)acc[2] + constant; o[3 * k] = (int64_t)acc[3] + constant;
            o[4 * k] = (int64_t)acc[4] + constant; o[5 * k] = (int64_t)acc[5] + constant;
            o[6 * k] = (int64_t)acc[6] + constant; o[7 * k] = (int64_t)acc[7] + constant;
        } else {
            for (long m = 0; m < valid - s0; m++) o[m * k] = (int64_t)acc[m] + constant;
        }
    }
}
