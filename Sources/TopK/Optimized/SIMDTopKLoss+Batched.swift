import CSortingKernels
import RealModule
import SortingNetworks

// The batched path of SIMDTopKLoss: Float, Cauchy family, comparator networks.
//
// Goals, in priority order:
//   1. Agree with ReferenceTopKLoss within `SIMDTopKLoss.agreementBound` (the same bound and
//      tests as the row path, which run this path for every Float Cauchy configuration).
//   2. Eight rows of the batch per vector (C kernel in Sources/CSortingKernels/topk_kernels.c,
//      baseline and AVX2 + FMA chosen at run time): the network is the same for every row, so
//      each comparator runs once per eight rows, and the Cauchy sigmoid f(u) = 1/2 + atan(u)/π
//      (arXiv 2105.04019) is a vector polynomial instead of one libm call per row and comparator.
//   3. The row path's formulas in the same order; only α differs: the vector atan (Cephes
//      single-precision reduction and polynomial, relative error about 1e-7) is within about
//      1 ulp of libm's atanf, so the relaxation is perturbed by ~1 ulp per comparator, which the
//      per-layer bound absorbs (the worst tested case is reported by `relax verify`).
//
// Measured (`relax topk bench`, n = 1000, K = 5, batch 64, Float, one thread, thread-CPU time,
// 2-core AMD EPYC 7003 VM under a load average of 7–12, one run): see the README's top-k table.
// Profile of the row path before this change: libm atanf 36 %, the values + assembly loop 34 %,
// the backward 7 % of the time.
extension SIMDTopKLoss {
    /// Whether `evaluate` takes the batched kernel for element type `T`.
    func usesBatchedKernel<T: SortScalar>(_: T.Type) -> Bool {
        T.self == Float.self && network != nil && configuration.family == .cauchy
    }

    func evaluateBatched(logits: [Float], labels: [Int], batch: Int, computeProbabilities: Bool) -> TopKLossResult<Float> {
        let m = sorterSize, K = configuration.k, lanes = K + 1, count = lo.count
        let isa = relax_kernel(rawValue: instructionSet == .avx2FMA ? 1 : 0)
        let workFloats = relax_topk_workspace_floats(m, count, K)
        let work = UnsafeMutablePointer<Float>.allocate(capacity: workFloats + 2 * 8 * m + 16)
        defer { work.deallocate() }
        // 32-byte aligned views: the workspace, the values and the gradient (8 lanes per wire).
        let base = UnsafeMutableRawPointer(work).alignedUp(toMultipleOf: 32).assumingMemoryBound(to: Float.self)
        let ws = base, values = base + workFloats, gradient = values + 8 * m
        let weights = head.columnWeights.map { Float($0) }
        var total: Float = 0
        var grad = [Float](repeating: 0, count: logits.count)
        var probabilities: [Float] = computeProbabilities ? [Float](repeating: 0, count: batch * m * K) : []
        var rowClasses = [[Int]](repeating: Array(0..<m), count: 8)
        var rowLogits = [[Float]](repeating: [Float](repeating: 0, count: m), count: 8)
        var rowDirect = [[Float]](repeating: [], count: 8)
        var label = [Int32](repeating: -1, count: 8), factor = [Float](repeating: 0, count: 8)
        var aY = [Float](repeating: 0, count: K)
        wiring32.withUnsafeBufferPointer { wires in
            var net = relax_topk_network(n: m, count: count, k: K, lo: wires.baseAddress, hi: wires.baseAddress! + count,
                                         minWire: wires.baseAddress! + 2 * count, maxWire: wires.baseAddress! + 3 * count)
            for first in stride(from: 0, to: batch, by: 8) {
                let rows = min(8, batch - first)
                for r in 0..<8 {
                    guard r < rows else {
                        label[r] = -1
                        factor[r] = 0
                        for i in 0..<m { values[i * 8 + r] = 0 }
                        continue
                    }
                    let row = first + r
                    let full = logits[(row * n)..<((row + 1) * n)]
                    if let mm = configuration.m {
                        rowClasses[r] = topMSelection(full, label: labels[row], m: mm)
                        label[r] = 0
                    } else {
                        label[r] = Int32(labels[row])
                    }
                    for i in 0..<m {
                        rowLogits[r][i] = full[full.startIndex + rowClasses[r][i]]
                        values[i * 8 + r] = rowLogits[r][i]
                    }
                }
                label.withUnsafeBufferPointer { labelPointer in
                    _ = relax_topk_forward_f32(isa, &net, Float(configuration.steepness), weights, labelPointer.baseAddress, values, ws)
                }
                // The attribution buffer R follows p and the five per-comparator arrays.
                let R = ws + 8 * (m + 5 * count)
                for r in 0..<rows {
                    let y = Int(label[r])
                    for j in 0..<K { aY[j] = R[(y * lanes + j) * 8 + r] }
                    let (loss, f, direct) = head.evaluateFactored(attributionRow: aY, logits: rowLogits[r], label: y)
                    total += loss
                    factor[r] = f
                    rowDirect[r] = direct
                    if computeProbabilities {
                        let offset = (first + r) * m * K
                        for i in 0..<m { for j in 0..<K { probabilities[offset + i * K + j] = R[(i * lanes + j) * 8 + r] } }
                    }
                }
                _ = relax_topk_backward_f32(isa, &net, factor, gradient, ws)
                let scale = 1 / Float(batch)
                for r in 0..<rows {
                    let row = first + r
                    for p in 0..<m { grad[row * n + rowClasses[r][p]] += (gradient[p * 8 + r] + rowDirect[r][p]) * scale }
                }
            }
        }
        return TopKLossResult(loss: total / Float(batch), gradLogits: grad,
                              probabilities: computeProbabilities ? probabilities : nil, sorterSize: m)
    }
}
