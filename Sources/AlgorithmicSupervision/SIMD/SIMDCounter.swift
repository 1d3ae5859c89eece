// SIMD counter loop — `RelaxedPrograms.counter` compiled by hand: `x ← start;
// While x < limit: x ← x + 1`, the expectation over the stopping iteration (arXiv 2110.05651
// §3.3). Goals: the reference semantics (batch-wide ε, max_iter, tail mass), then lanes of four
// rows and a closed-form backward (the loop state is one number per row). Agreement bound:
// `simdAgreementBound`.

struct SIMDCounter {
    let lanes: Lanes
    let beta: Double, epsilon: Double, maxIterations: Int, limit: Double

    /// `(x, reports, grad_start)`.
    func run(_ start: [Lane], gradX: [Lane]?) -> (x: [Lane], reports: [WhileReport], grad: [Lane]?) {
        let G = lanes.groups
        let b = Lane(repeating: beta), lim = Lane(repeating: limit)
        func cond(_ x: Lane) -> Lane { sigmoid((x - lim) * -b) }
        var x = start
        var P = x.map(cond)
        var acc = (0..<G).map { (1 - P[$0]) * x[$0] }
        var xs = [x], Ps = [P], cs = [P]
        var t = 0
        while P.withUnsafeBufferPointer({ anyAbove($0, epsilon) }), t < maxIterations {
            for g in 0..<G { x[g] += 1 }
            let c = x.map(cond)
            for g in 0..<G {
                let next = P[g] * c[g]
                acc[g] += (P[g] - next) * x[g]
                P[g] = next
            }
            xs.append(x); Ps.append(P); cs.append(c)
            t += 1
        }
        for g in 0..<G { acc[g] += P[g] * x[g] }
        let remaining = (0..<lanes.batch).map { P[$0 / 4][$0 % 4] }.max() ?? 0
        let reports = [WhileReport(iterations: t, remainingMass: remaining, reachedMaxIterations: t == maxIterations && remaining > epsilon)]
        guard let gX = gradX else { return (acc, reports, nil) }
        var grad = [Lane](repeating: .zero, count: G)
        for g in 0..<G {
            let P = Ps.map { $0[g] }, c = cs.map { $0[g] }
            let V = xs.map { $0[g] * gX[g] }
            let dc = whileConditionGradients(P: P, c: c, V: V)
            let w = whileWeights(P: P)
            var gx = Lane.zero
            for s in stride(from: t, through: 0, by: -1) {
                // x_{s+1} = x_s + 1, so the gradient carries over unchanged.
                gx += w[s] * gX[g] + dc[s] * (-b * c[s] * (1 - c[s]))
            }
            grad[g] = gx
        }
        return (acc, reports, grad)
    }
}
