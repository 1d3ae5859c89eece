#ifndef RELAX_CPU_FEATURES_H
#define RELAX_CPU_FEATURES_H

/// The one run-time CPU check behind every optimized C kernel of this package (sorting, top-k,
/// renderer): each kernel is compiled twice, for the baseline x86-64 target and for AVX2 + FMA,
/// and the second one runs only where this returns 1.
///
/// 1 if this CPU can run AVX2 + FMA code, else 0 (always 0 off x86-64).
int relax_cpu_has_avx2_fma(void);

#endif
