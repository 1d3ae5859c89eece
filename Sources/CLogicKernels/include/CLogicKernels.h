#ifndef C_LOGIC_KERNELS_H
#define C_LOGIC_KERNELS_H

#include <stdint.h>

/// One gate instruction of a bit-sliced logic network, word d = op(word a, word b), as three 21-bit
/// fields a | b << 21 | d << 42 holding byte offsets / 8 into the register file of 256-bit words
/// (so slot s is 4·s; at most 2^19 = 524,288 slots). 8 bytes, 2/3 of three 32-bit offsets: one
/// 64-bit load fetches a whole instruction, and each address is base + 8·field (no shift).
typedef uint64_t relax_logic_instruction;

/// Largest slot count a program for relax_logic_run256 may have.
#define RELAX_LOGIC_MAX_SLOTS (1L << 19)

/// A run of instructions `start ..< end` that share the gate `op` (an id 0…15 of arXiv 2210.08277, Table 1).
typedef struct {
    int32_t op, start, end;
} relax_logic_group;

/// Which instruction set a logic kernel uses.
typedef enum {
    RELAX_LOGIC_BASELINE = 0,  ///< the build's target (any x86-64: SSE2, two 128-bit halves per word)
    RELAX_LOGIC_AVX2 = 1       ///< AVX2 (one 256-bit register per word), chosen at run time
} relax_logic_kernel;

/// Runs `count` groups of instructions over the register file `slots` (256-bit words, 32-byte
/// aligned). Returns the kernel actually run (AVX2 falls back to baseline where the CPU lacks it).
relax_logic_kernel relax_logic_run256(relax_logic_kernel kernel, void *slots, const relax_logic_instruction *instructions,
                                      const relax_logic_group *groups, long count);

/// Packs 8·`bytesPerSlot`… samples into input slots: for sample rows `x` (`rows` rows of `features`
/// bytes, row-major, at most 256 rows), writes bit r of feature f to bit (r mod 64) of 64-bit lane
/// (r / 64) of the word at `slots + (1 + f)·32` bytes (rows ≥ `rows` are 0). Binary bytes are
/// 0/1; with `threshold` the bit is byte ≥ 128. Returns the OR of all input bytes (binary check).
/// Both kernels produce identical words.
uint8_t relax_logic_pack256(relax_logic_kernel kernel, void *slots, const uint8_t *x, long rows, long features,
                            int threshold);

/// Counter planes of weight 16, 32, … that relax_logic_count256 keeps (classes of < 2^32 outputs).
#define RELAX_LOGIC_COUNT_PLANES 28

/// GroupSum of one class: the number of ones among the n words `buffer` (256-bit, 32-byte aligned)
/// for each of the first `valid` (≤ 256) samples, plus `constant`, written to `out[s · classes]`.
void relax_logic_count256(relax_logic_kernel kernel, const void *buffer, long n, int64_t *out, long classes,
                          long valid, int64_t constant);

#endif
