// SIMD relaxed bubble sort — the program of `RelaxedPrograms.bubbleSort` compiled by hand.
//
// Goals, in priority order:
//  1. The reference semantics exactly (arXiv 2110.05651 §3–4.1 as in the authors' package):
//     batch-wide ε skip of each `If`, `While` over passes with the batch-wide ε test and
//     max_iter, tail mass to the last state; agreement with the reference interpreter within
//     `simdAgreementBound` (tests and fixtures check it).
//  2. Speed: four batch rows per SIMD lane group, no dictionary state and no tape; per
//     comparator one fused blend of the pair, `swapped` and `loss_sum`; a skipped `If` costs
//     nothing (the reference still blends `p·v + (1 − p)·v`, which is `v` up to one rounding).
//     The backward pass is the closed-form reverse of each comparator and of the `While`
//     expectation; it stores only `a`, `b`, `swapped` and `p` per comparator.
//  3. No allocation inside the loops: all per-pass buffers are sized once per call.
//
// Measured (see README, "Algorithmic supervision"): `swift run -c release relax algo bench`.

/// Relaxed bubble sort on lane groups.
struct SIMDBubbleSort {
    let n: Int
    let lanes: Lanes
    let beta: Double, epsilon: Double, maxIterations: Int, hard: Bool

    struct Result {
        var array: [Lane]
        var loss: [Lane]
        var reports: [WhileReport]
        var gradArray: [Lane]?
    }

    func run(_ x: [Lane], gradArray gA: [Lane]?, gradLoss gL: [Lane]?) -> Result {
        let G = lanes.groups
        let maxPasses = maxIterations
        var arr = x
        var loss = [Lane](repeating: .zero, count: G)
        var sw = [Lane](repeating: Lane(repeating: 1), count: G)
        // While state: P_t, c_t and (for the backward) the states S_t.
        var P = [Lane](repeating: Lane(repeating: 1), count: G)   // P_0 = c_0 = swapped_0 = 1
        var pBuffer = [Lane](repeating: .zero, count: G)
        var accArr = arr                                              // (1 − P_0)·S_0
        for e in 0..<n { for g in 0..<G { accArr[e * G + g] = (1 - P[g]) * arr[e * G + g] } }
        var accLoss = (0..<G).map { (1 - P[$0]) * loss[$0] }
        let recording = gA != nil || gL != nil
        var states: [[Lane]] = recording ? [arr] : []
        var lossStates: [[Lane]] = recording ? [loss] : []
        var Ps: [[Lane]] = [P], cs: [[Lane]] = [P]
        // Per pass, per comparator: a, b, swapped before, p (lanes), and whether it ran.
        var tapes: [(a: [Lane], b: [Lane], s: [Lane], p: [Lane], ran: [Bool])] = []
        var k = n - 1
        var t = 0
        let betaLane = Lane(repeating: beta)
        while P.withUnsafeBufferPointer({ anyAbove($0, epsilon) }), t < maxPasses {
            for g in 0..<G { sw[g] = .zero }
            let count = max(k, 0)
            var tape = (a: [Lane](repeating: .zero, count: recording ? count * G : 0), b: [Lane](repeating: .zero, count: recording ? count * G : 0),
                        s: [Lane](repeating: .zero, count: recording ? count * G : 0), p: [Lane](repeating: .zero, count: recording ? count * G : 0),
                        ran: [Bool](repeating: false, count: count))
            arr.withUnsafeMutableBufferPointer { A in
                pBuffer.withUnsafeMutableBufferPointer { pb in
                    for i in 0..<count {
                        for g in 0..<G { pb[g] = sigmoid((A[i * G + g] - A[(i + 1) * G + g]) * betaLane) }
                        // The batch-wide ε test of `If`: skip unless some row swaps with p > ε.
                        guard anyAbove(UnsafeBufferPointer(pb), epsilon) else { continue }
                        tape.ran[i] = true
                        for g in 0..<G {
                            let a = A[i * G + g], b = A[(i + 1) * G + g]
                            let p = hard ? step(pb[g]) : pb[g]
                            if recording { tape.a[i * G + g] = a; tape.b[i * G + g] = b; tape.s[i * G + g] = sw[g]; tape.p[i * G + g] = p }
                            let q = 1 - p
                            A[i * G + g] = p * b + q * a
                            A[(i + 1) * G + g] = p * a + q * b
                            sw[g] = p * 1 + q * sw[g]
                            loss[g] = p * (loss[g] + 1) + q * loss[g]
                        }
                    }
                }
            }
            k -= 1
            t += 1
            // c_t = swapped; P_t = P_{t−1}·c_t; acc += (P_{t−1} − P_t)·S_t
            for g in 0..<G {
                let next = P[g] * sw[g]
                let w = P[g] - next
                for e in 0..<n { accArr[e * G + g] += w * arr[e * G + g] }
                accLoss[g] += w * loss[g]
                P[g] = next
            }
            if recording {
                states.append(arr); lossStates.append(loss); Ps.append(P); cs.append(sw); tapes.append(tape)
            }
        }
        for g in 0..<G {
            for e in 0..<n { accArr[e * G + g] += P[g] * arr[e * G + g] }
            accLoss[g] += P[g] * loss[g]
        }
        let remaining = (0..<lanes.batch).map { P[$0 / 4][$0 % 4] }.max() ?? 0
        let report = WhileReport(iterations: t, remainingMass: remaining,
                                 reachedMaxIterations: t == maxPasses && remaining > epsilon)
        var result = Result(array: accArr, loss: accLoss, reports: [report], gradArray: nil)
        guard recording else { return result }
        result.gradArray = backward(gA: gA ?? [Lane](repeating: .zero, count: n * G), gL: gL ?? [Lane](repeating: .zero, count: G),
                                    states: states, lossStates: lossStates, Ps: Ps, cs: cs, tapes: tapes)
        return result
    }

    /// Reverse of the `While` over passes and of every executed comparator.
    func backward(gA: [Lane], gL: [Lane], states: [[Lane]], lossStates: [[Lane]], Ps: [[Lane]], cs: [[Lane]],
                  tapes: [(a: [Lane], b: [Lane], s: [Lane], p: [Lane], ran: [Bool])]) -> [Lane] {
        let G = lanes.groups
        let T = states.count - 1
        let betaLane = Lane(repeating: beta)
        var gArr = [Lane](repeating: .zero, count: n * G)
        for g in 0..<G {
            let P = Ps.map { $0[g] }, c = cs.map { $0[g] }
            let V = (0...T).map { t in
                var v = gL[g] * lossStates[t][g]
                for e in 0..<n { v += gA[e * G + g] * states[t][e * G + g] }
                return v
            }
            let dc = whileConditionGradients(P: P, c: c, V: V)
            let w = whileWeights(P: P)
            // gS_T, then the passes backwards.
            var ga = (0..<n).map { w[T] * gA[$0 * G + g] }
            var gl = w[T] * gL[g]
            var gs = dc[T]
            for t in stride(from: T, to: 0, by: -1) {
                let tape = tapes[t - 1]
                for i in stride(from: tape.ran.count - 1, through: 0, by: -1) where tape.ran[i] {
                    let j = i * G + g
                    let (a, b, s, p) = (tape.a[j], tape.b[j], tape.s[j], tape.p[j])
                    let (gi, gi1) = (ga[i], ga[i + 1])
                    let q = 1 - p
                    var da = gi * q + gi1 * p
                    var db = gi * p + gi1 * q
                    if !hard {
                        let dp = gi * (b - a) + gi1 * (a - b) + gs * (1 - s) + gl
                        let dz = dp * betaLane * p * q
                        da += dz
                        db -= dz
                    }
                    ga[i] = da
                    ga[i + 1] = db
                    gs = gs * q
                }
                // State S_{t−1}: direct weight plus the condition c_{t−1} = swapped_{t−1}
                // (the pass resets swapped, so nothing flows from S_t to swapped_{t−1}).
                for e in 0..<n { ga[e] += w[t - 1] * gA[e * G + g] }
                gl += w[t - 1] * gL[g]
                gs = dc[t - 1]
            }
            for e in 0..<n { gArr[e * G + g] = ga[e] }
        }
        return gArr
    }
}
