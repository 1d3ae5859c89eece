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
