// The relaxed shortest path as one C kernel (Sources/CAlgorithmKernels): the whole soft `For`
// program — sweeps, traceback, backward — in one call, built twice (baseline x86-64 and
// AVX2 + FMA, chosen at run time).
//
// Goals, in priority order:
//  1. The reference semantics within `simdAgreementBound` (the bound of every optimized
//     algorithm kernel; tests: `ShortestPathKernelTests` and the agreement suite, which iterate
//     `AlgorithmImplementation`). The kernel covers soft mode with the `For` traceback and every
//     t-conorm when each cell's soft arg-min fits the shared-exponential form (`Z_c` in
//     [1e-200, 1e200], the "near" band of `SIMDShortestPath`) or has `Z_c = 0` exactly, and in
//     the last sweep every cell is near. `Z_c = 0` means every neighbour has `β·d > 708` (its
//     exponential flushed to 0; in the benchmark: cells the sweeps have not reached, at
//     `infinity`): then the cell's own new distance has `β·d > 708` too, its exponential is 0
//     in every later sweep whatever value it holds, so it gets `infinity` and no gradient; in the
//     reference such a neighbour's weight next to one with `Z ≥ 1e-200` is < 1e-107 (the near
//     band's own argument). The Swift kernel computes those cells in its "far" band instead;
//     the results agree within the bound. Anything else (hard mode, `While`, `Z_c` in
//     (0, 1e-200) or above 1e200, a last sweep with such a cell) returns "unsupported" before
//     writing a result, and the Swift SIMD kernel runs instead — no silent difference.
//  2. Speed (one thread, 12×12, T = 24, batch 16). What the C kernel does beyond the Swift one:
//     - The traceback collapses. The last sweep's weights are `pred(c, k) = E[c + o_k]/Z_c`
//       and the offsets are symmetric, so the move `trace′[i] = Σ_k trace[i − o_k]·pred(i − o_k, k)`
//       is `E[i]·Σ_k w[i + o_k]` with `w = trace/Z`: one neighbour sum per cell instead of eight
//       weight loads and products, and no weights stored. Its reverse is the same shape:
//       `∂E[i] += ḡ[i]·S[i]`, `∂w = Σ_k (ḡ·E)[n + o_k]`, `∂(1/Z) += ∂w·trace`, and the softmax
//       reverse of the last sweep becomes `∂d[n] −= β E[n]·(∂E[n] − Σ_k Q[n + o_k])` with
//       `Q = ∂(1/Z)/Z²` (formed as `(∂(1/Z)·(1/Z))·(1/Z)`: `1/Z ≤ 1e200`, no overflow).
//     - The sweep stores `m_c` and `1/Z_c`, so the backward recomputes no neighbour sums.
//     - 4-wide double vectors: two SSE2 registers in the baseline build, one ymm with FMA in
//       the AVX2 build (the FMA contractions change roundings only).
//  3. Memory: one recycled scratch block (`Scratch`), `(7T + 15)` padded maps.
//
// Tried and measured (12×12, T = 24, B = 16, β = 10, forward + backward, one thread, 2-core AMD
// EPYC VM under load 6–9; `relax algo bench`, and callgrind instruction counts of the kernel
// alone, which load does not change):
//  - The Swift SIMD kernel (`SIMDShortestPath`): 2.0–2.7 ms.
//  - First C version (collapsed traceback, stored m and 1/Z): AVX2 4.45 M instructions,
//    0.95–1.14 ms; baseline 1.6–1.9 ms.
//  - Skipping exponentials that are exactly 0 (every lane below −708: unreached cells) or
//    clamped (every lane above 709 in the far pass: reached cells), constant padding maps, one
//    body per t-conorm and contiguous interior loops: 3.9 M instructions, 0.72–0.97 ms AVX2,
//    1.07–1.56 ms baseline (AlgoVision float32 in the same runs: 41–51 ms).
//  - No far band: a lane with `Z_c = 0` gets `infinity` (see goal 1) instead of a second
//    exponential pass shifted by `infinity`, its sums and its reverse: 3.9 M → 3.2 M
//    instructions per call, outputs and gradients of the benchmark bit-identical.
//  - Fusing each pair of grid passes (row r's exponentials or weights, then row r − 1's sums,
//    while in L1): bit-identical results, no measurable change (0.49–0.53 ms either way in a C
//    harness); not kept.
//  - `Benchmarks/compare-algo.sh` with minima over repeats on both sides (load 4.5): AVX2
//    0.539 ms, baseline 0.929 ms, AlgoVision float32 36.4 ms: 68× and 39×.
//  - Where the rest goes (callgrind): the sweep's two neighbour sums and its reverse's per-edge
//    `a_k (1 + β (m_k − d_n))` (two loads and three arithmetic instructions per edge) are about
//    60 %; the exponentials 15 %; the traceback and its reverse 25 %. The expanded reverse
//    `Σ a_k (1 + β m_k) − β d_n Σ a_k` would halve the edge work but cancels (1.4e-12 measured at
//    β = 60, outside the bound), so it is not used. -O3 instead of -O2: no change.

import CAlgorithmKernels

/// Which build of a C kernel runs.
enum KernelBuild: Sendable {
    /// Baseline x86-64 (SSE2): runs anywhere.
    case baseline
    /// AVX2 + FMA where the CPU has them (checked at run time), else the baseline build.
    case avx2FMA
}

extension SIMDShortestPath {
    /// The C kernel's result, or `nil` where it does not apply (see the header): then nothing
    /// was computed that the caller must discard besides time.
    func runKernel(_ cost: [Lane], gradPath gP: [Lane]?, build: KernelBuild) -> (path: [Lane], grad: [Lane]?)? {
        guard !hard, traceback == .for, iterations > 0, H > 0, W > 0 else { return nil }
        let G = lanes.groups
        let kind: Int32 = switch tconorm { case .probabilistic: 0; case .hamacher: 1; case .yager: 2 }
        var params = relax_sp_params(H: H, W: W, groups: G, iterations: iterations, beta: beta, infinity: infinity,
                                     q: q, tconorm: kind)
        let doubles = relax_shortest_path_workspace(&params)
        let workLanes = (doubles + 3) / 4 + 2   // two spare lanes: the kernel's maps start on a 64-byte line
        let scratch = Scratch(lanes: workLanes)
        let work = scratch.take(workLanes, zeroed: false)
        var path = [Lane](repeating: .zero, count: H * W * G)
        var grad: [Lane]? = gP == nil ? nil : [Lane](repeating: .zero, count: H * W * G)
        var used = RELAX_ALGO_KERNEL_BASELINE
        let kernel = build == .avx2FMA ? RELAX_ALGO_KERNEL_AVX2_FMA : RELAX_ALGO_KERNEL_BASELINE
        let status: relax_sp_status = work.withMemoryRebound(to: Double.self, capacity: 4 * workLanes) { block in
            let ws = block + (64 - Int(bitPattern: block) % 64) % 64 / 8
            return cost.withUnsafeBufferPointer { c in
                path.withUnsafeMutableBufferPointer { out in
                    c.withMemoryRebound(to: Double.self) { cd in
                        out.withMemoryRebound(to: Double.self) { od in
                            withOptionalDoubles(gP) { gpd in
                                withOptionalMutableDoubles(&grad) { gd in
                                    relax_shortest_path_f64(kernel, &params, cd.baseAddress, gpd, od.baseAddress, gd, ws, &used)
                                }
                            }
                        }
                    }
                }
            }
        }
        return status == RELAX_SP_OK ? (path, grad) : nil
    }
}

/// `body` with the lanes of `x` as doubles (or `nil`).
private func withOptionalDoubles<R>(_ x: [Lane]?, _ body: (UnsafePointer<Double>?) -> R) -> R {
    guard let x else { return body(nil) }
    return x.withUnsafeBufferPointer { b in b.withMemoryRebound(to: Double.self) { body($0.baseAddress) } }
}

/// `body` with the lanes of `x` as mutable doubles (or `nil`).
private func withOptionalMutableDoubles<R>(_ x: inout [Lane]?, _ body: (UnsafeMutablePointer<Double>?) -> R) -> R {
    guard x != nil else { return body(nil) }
    return x!.withUnsafeMutableBufferPointer { b in b.withMemoryRebound(to: Double.self) { body($0.baseAddress) } }
}
