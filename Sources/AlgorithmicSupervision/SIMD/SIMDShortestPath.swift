// SIMD relaxed shortest path — `RelaxedPrograms.shortestPath` compiled by hand.
//
// Goals, in priority order:
//  1. The reference semantics (arXiv 2110.05651 §4.2 as in the authors' example): relaxed
//     Bellman–Ford sweeps on the infinity-padded distance map, soft arg-min predecessors, the
//     relaxed traceback with the three t-conorms, `For` or a relaxed `While` (batch-wide ε,
//     max_iter, tail mass); agreement with the reference interpreter within
//     `simdAgreementBound`.
//  2. Speed: lanes of four rows; the eight neighbour reads are direct offsets into the padded
//     map (the reference gathers through index lists); the sweep, the soft arg-min and the
//     weighted sum are one fused pass per cell; the backward is closed form:
//     `∂d/∂v_k = pred_k·(1 − β(v_k − Σ_j pred_j v_j))`, no tape.
//  3. Memory: the padded map before each sweep and each sweep's `pred` are kept for the
//     backward (T·(H+2)(W+2) + T·8HW lanes), allocated once per call.

struct SIMDShortestPath {
    let H: Int, W: Int
    let lanes: Lanes
    let beta: Double, epsilon: Double, maxIterations: Int, hard: Bool
    let iterations: Int
    let tconorm: TConorm, q: Double, traceback: Traceback, infinity: Double

    var Wp: Int { W + 2 }
    var cells: Int { H * W }
    /// Offsets of the eight neighbours in the padded map, in direction order.
    var offsets: [Int] { gridDirections.map { $0.dr * Wp + $0.dc } }

    func run(_ cost: [Lane], gradPath gP: [Lane]?) -> (path: [Lane], reports: [WhileReport], grad: [Lane]?) {
        let G = lanes.groups, T = iterations, HW = cells
        let padded = (H + 2) * Wp
        let inf = Lane(repeating: infinity), b = Lane(repeating: beta)
        let off = offsets
        var d = [Lane](repeating: inf, count: padded * G)
        for g in 0..<G { d[(Wp + 1) * G + g] = .zero }
        var dHistory = [Lane](repeating: .zero, count: T * padded * G)
        var pred = [Lane](repeating: .zero, count: T * HW * 8 * G)
        var newD = d
        var v = [Lane](repeating: .zero, count: 8), w = [Lane](repeating: .zero, count: 8)
        // Relaxed Bellman–Ford: v_k = neighbour distances, pred = softmax(−β·v), d = Σ pred·v + cost.
        for t in 0..<T {
            for k in 0..<(padded * G) { dHistory[t * padded * G + k] = d[k] }
            for i in 0..<H {
                for j in 0..<W {
                    let center = (1 + i) * Wp + 1 + j
                    let predBase = (t * HW + i * W + j) * 8
                    for g in 0..<G {
                        for k in 0..<8 { v[k] = d[(center + off[k]) * G + g] }
                        softArgMin8(v, into: &w, beta: b)
                        var s = Lane.zero
                        for k in 0..<8 { s += w[k] * v[k]; pred[(predBase + k) * G + g] = w[k] }
                        newD[center * G + g] = s + cost[(i * W + j) * G + g]
                    }
                }
            }
            swap(&d, &newD)
            for g in 0..<G { d[(Wp + 1) * G + g] = .zero }
        }
        return tracebackAndBackward(cost: cost, pred: pred, dHistory: dHistory, gradPath: gP)
    }

    /// Soft arg-min of eight lanes (hard: one-hot of the first minimum).
    @inline(__always) func softArgMin8(_ v: [Lane], into w: inout [Lane], beta b: Lane) {
        if hard {
            var best = v[0]
            var idx = SIMD4<Int64>(repeating: 0)
            for k in 1..<8 {
                let better = v[k] .< best
                best.replace(with: v[k], where: better)
                idx.replace(with: SIMD4<Int64>(repeating: Int64(k)), where: better)
            }
            for k in 0..<8 { w[k] = Lane.zero.replacing(with: 1, where: idx .== SIMD4<Int64>(repeating: Int64(k))) }
        } else {
            var m = -b * v[0]
            for k in 1..<8 { let z = -b * v[k]; m.replace(with: z, where: z .> m) }
            var total = Lane.zero
            for k in 0..<8 { w[k] = exp(-b * v[k] - m); total += w[k] }
            for k in 0..<8 { w[k] /= total }
        }
    }
}
