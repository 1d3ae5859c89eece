// Throughput of the 8-float AVX instructions the renderer's Cauchy kernels use, on the machine it
// runs on: each op class alone, pairs of classes (which pairs share execution pipes), and the
// divider (vdivps, vsqrtps). Twelve independent dependency chains per class, so latency does not
// limit. The roofline in Sources/CRendererKernels/render_kernels.c is counted with these numbers.
// Run: Benchmarks/cpu-throughput.sh (needs an AVX2 + FMA CPU).
#include <stdio.h>
#include <time.h>
typedef float v8f __attribute__((vector_size(32)));
static double now(void) { struct timespec a; clock_gettime(CLOCK_MONOTONIC, &a); return a.tv_sec + 1e-9 * a.tv_nsec; }
#define N 20000000L
#define CH "+x"(a0), "+x"(a1), "+x"(a2), "+x"(a3), "+x"(a4), "+x"(a5), "+x"(a6), "+x"(a7), "+x"(a8), "+x"(a9), "+x"(a10), "+x"(a11)
#define OP12(op) op " %12,%0,%0\n\t" op " %12,%1,%1\n\t" op " %12,%2,%2\n\t" op " %12,%3,%3\n\t" op " %12,%4,%4\n\t" \
    op " %12,%5,%5\n\t" op " %12,%6,%6\n\t" op " %12,%7,%7\n\t" op " %12,%8,%8\n\t" op " %12,%9,%9\n\t" op " %12,%10,%10\n\t" op " %12,%11,%11\n\t"
#define BL1(i) "vblendvps %13,%12," #i "," #i "\n\t"
#define BL12 BL1(%0) BL1(%1) BL1(%2) BL1(%3) BL1(%4) BL1(%5) BL1(%6) BL1(%7) BL1(%8) BL1(%9) BL1(%10) BL1(%11)
#define UN1(op, i) op " " #i "," #i "\n\t"
#define UN12(op) UN1(op, %0) UN1(op, %1) UN1(op, %2) UN1(op, %3) UN1(op, %4) UN1(op, %5) UN1(op, %6) UN1(op, %7) \
    UN1(op, %8) UN1(op, %9) UN1(op, %10) UN1(op, %11)
#define RUN(name, nops, code)                                                                         \
    {                                                                                                \
        v8f a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c, a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c; \
        double t = now();                                                                            \
        for (long i = 0; i < N; i++) __asm__ volatile(code : CH : "x"(c), "x"(m));                    \
        t = now() - t;                                                                               \
        v8f z = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;                          \
        printf("%-34s %6.3f ns per instruction  %5.2f per ns%s\n", name, t / N / nops * 1e9,           \
               nops * N / t / 1e9, z[0] == 12345 ? " " : "");                                        \
    }
__attribute__((target("avx2,fma"))) int main(void) {
    v8f c = {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f}, m = {-1.0f, 0, -1.0f, 0, 1.0f, 0, -1.0f, 0};
    printf("one class (12 chains)\n");
    RUN("vaddps", 12, OP12("vaddps"))
    RUN("vmulps", 12, OP12("vmulps"))
    RUN("vfmadd231ps", 12, OP12("vfmadd231ps"))
    RUN("vminps", 12, OP12("vminps"))
    RUN("vcmpltps", 12, OP12("vcmpltps"))
    RUN("vblendvps", 12, BL12)
    RUN("vandps", 12, OP12("vandps"))
    RUN("vrsqrtps", 12, UN12("vrsqrtps"))
    // The divider's speed depends on the operands: a divisor of 1 (or a result of 0) is fast. The
    // divisor 1 − 2⁻²⁴ (a full significand) keeps every quotient a normal number with a full one.
    c = (v8f){0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f};
    RUN("vdivps (divider)", 12, OP12("vdivps"))
    RUN("vsqrtps (divider)", 12, UN12("vsqrtps"))
    c = (v8f){1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f};
    RUN("vdivps by 1 (fast case)", 12, OP12("vdivps"))
    c = (v8f){0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f, 0.99999994f};
    c = (v8f){1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f};
    printf("two classes (a pair that shares pipes runs at one class's rate)\n");
    RUN("vaddps + vmulps", 24, OP12("vaddps") OP12("vmulps"))
    RUN("vaddps + vminps", 24, OP12("vaddps") OP12("vminps"))
    RUN("vaddps + vcmpltps", 24, OP12("vaddps") OP12("vcmpltps"))
    RUN("vaddps + vblendvps", 24, OP12("vaddps") BL12)
    RUN("vmulps + vminps", 24, OP12("vmulps") OP12("vminps"))
    RUN("vmulps + vcmpltps", 24, OP12("vmulps") OP12("vcmpltps"))
    RUN("vmulps + vblendvps", 24, OP12("vmulps") BL12)
    RUN("vminps + vblendvps", 24, OP12("vminps") BL12)
    RUN("vaddps + vmulps + vandps", 36, OP12("vaddps") OP12("vmulps") OP12("vandps"))
    RUN("vmulps + vdivps", 24, OP12("vmulps") OP12("vdivps"))
    return 0;
}
