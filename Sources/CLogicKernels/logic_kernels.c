// The bit-sliced logic network kernels of BitSlicedLogicNetwork (arXiv 2210.08277, Section 4) for
// 256-bit words (BitSliceKernel.c / .cAVX2, see BitSliceKernel.swift): the gate interpreter, input
// packing and the GroupSum count (Harley–Seal), compiled twice from one body — for the baseline target (two SSE2 halves per
// word) and for AVX2 (one register per word) — and chosen at run time, so the default build runs
// on any x86-64.
//
// Goals, in priority order:
//   1. The same words as the Swift engine, hence counts equal to ReferenceLogicGateNetwork bit for
//      bit (BitSlicedLogicNetwork.agreementBound = 0; tests run every kernel against the reference).
//   2. Throughput. Gate loop: one 64-bit load fetches a whole instruction (three 21-bit fields =
//      byte offset / 8, so every address is base + 8·field: no shift), two operand loads (one
//      folded into the op), one store; per gate 6 scalar ops decode the fields, 1–2 vector ops,
//      loop unrolled twice. Packing: 16 rows × 16 features per step, byte-wise Horner over 8 rows
//      (paddb), one byte interleave (punpcklbw) per 8 features, 16-bit stores, and a prefetch of
//      the 16-row block two blocks ahead. GroupSum: the Swift engine's Harley–Seal count in C, so
//      that AVX2 holds its counters in 256-bit registers (the Swift version on SIMD4<UInt64> spilled
//      them and spent 35 % of gates + GroupSum there; this one 14 %, perf samples).
//   3. Portability: baseline x86-64 by default; AVX2 only where the CPU has it.
// Bound: the gate loop is bound by the integer ops that decode the instruction fields (6 per gate
// + loop overhead on 4 integer pipes, about 1.9 cycles per gate) and, on SSE2, by loads (5 per
// gate, 2 per cycle); see the README (logic "The bound") for the figures and what was measured.
#include <string.h>
#include "CLogicKernels.h"
#include "CPUFeatures.h"

// The vector helpers are always inlined, so the AVX argument ABI never applies.
#pragma clang diagnostic ignored "-Wpsabi"

typedef uint64_t u64x4 __attribute__((vector_size(32)));
typedef uint8_t u8x16 __attribute__((vector_size(16)));
typedef uint16_t u16x8 __attribute__((vector_size(16)));
typedef uint32_t u32x8 __attribute__((vector_size(32)));

// spread8[v] has lane i = bit i of the byte v (filled once, before main).
static u32x8 spread8[256];
__attribute__((constructor)) static void fill_spread8(void) {
    for (int v = 0; v < 256; v++)
        for (int i = 0; i < 8; i++) spread8[v][i] = (uint32_t)((v >> i) & 1);
}

#define FN_RUN logic_run_baseline
#define FN_PACK logic_pack_baseline
#define FN_COUNT logic_count_baseline
#define FN_PACK_T logic_pack_t_baseline
#define ATTR
#include "logic_kernel_body.h"
#undef FN_RUN
#undef FN_PACK
#undef FN_COUNT
#undef FN_PACK_T
#undef ATTR
#if defined(__x86_64__)
#define FN_RUN logic_run_avx2
#define FN_PACK logic_pack_avx2
#define FN_COUNT logic_count_avx2
#define FN_PACK_T logic_pack_t_avx2
#define ATTR __attribute__((target("avx2")))
#include "logic_kernel_body.h"
#undef FN_RUN
#undef FN_PACK
#undef FN_COUNT
#undef FN_PACK_T
#undef ATTR
#endif

static int useAVX2(relax_logic_kernel kernel) {
#if defined(__x86_64__)
    static int has = -1;
    if (has < 0) has = relax_cpu_has_avx2_fma();
    return kernel == RELAX_LOGIC_AVX2 && has;
#else
    (void)kernel;
    return 0;
#endif
}

relax_logic_kernel relax_logic_run256(relax_logic_kernel kernel, void *slots, const relax_logic_instruction *instructions,
                                      const relax_logic_group *groups, long count) {
#if defined(__x86_64__)
    if (useAVX2(kernel)) {
        logic_run_avx2((u64x4 *)slots, instructions, groups, count);
        return RELAX_LOGIC_AVX2;
    }
#endif
    logic_run_baseline((u64x4 *)slots, instructions, groups, count);
    return RELAX_LOGIC_BASELINE;
}

uint8_t relax_logic_pack256(relax_logic_kernel kernel, void *slots, const uint8_t *x, long rows, long features,
                            int threshold) {
#if defined(__x86_64__)
    if (useAVX2(kernel)) return logic_pack_avx2((u64x4 *)slots, x, rows, features, threshold);
#endif
    return logic_pack_baseline((u64x4 *)slots, x, rows, features, threshold);
}

void relax_logic_count256(relax_logic_kernel kernel, const void *buffer, long n, int64_t *out, long classes,
                          long valid, int64_t constant) {
#if defined(__x86_64__)
    if (useAVX2(kernel)) {
        logic_count_avx2((const u64x4 *)buffer, n, out, classes, valid, constant);
        return;
    }
#endif
    logic_count_baseline((const u64x4 *)buffer, n, out, classes, valid, constant);
}
