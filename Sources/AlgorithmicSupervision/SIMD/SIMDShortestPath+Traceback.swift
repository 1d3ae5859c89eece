extension SIMDShortestPath {
    /// `S(a, b)` and its partials `(∂S/∂a, ∂S/∂b)`.
    @inline(__always) func conorm(_ a: Lane, _ b: Lane) -> (y: Lane, da: Lane, db: Lane) {
        switch tconorm {
        case .probabilistic:
            return ((a + b) - a * b, 1 - b, 1 - a)
        case .hamacher:
            let ab = a * b
            let num = (a + b) + ab * (q - 2), den = 1 + ab * (q - 1)
            let y = num / den
            return (y, ((1 + b * (q - 2)) * den - num * b * (q - 1)) / (den * den),
                    ((1 + a * (q - 2)) * den - num * a * (q - 1)) / (den * den))
        case .yager:
            let r = (1 - a) - b
            let slope = Lane.zero.replacing(with: 1, where: r .> 0)
            return (1 - r.replacing(with: 0, where: r .<= 0), slope, slope)
        }
    }

    /// `trace′(dest) = Σ_k trace(dest − dir_k)·pred(dest − dir_k, k)` (the reference's order).
    func move(_ trace: [Lane], _ pred: ArraySlice<Lane>) -> [Lane] {
        let G = lanes.groups
        let base = pred.startIndex
        var out = [Lane](repeating: .zero, count: cells * G)
        for r in 0..<H {
            for c in 0..<W {
                for (k, (dr, dc)) in gridDirections.enumerated() {
                    let (i, j) = (r - dr, c - dc)
                    guard i >= 0, i < H, j >= 0, j < W else { continue }
                    let src = i * W + j
                    for g in 0..<G { out[(r * W + c) * G + g] += trace[src * G + g] * pred[base + (src * 8 + k) * G + g] }
                }
            }
        }
        return out
    }

    /// The traceback (`For` or relaxed `While`), then — with a cotangent — the whole backward.
    func tracebackAndBackward(cost: [Lane], pred: [Lane], dHistory: [Lane], gradPath gOut: [Lane]?) -> (path: [Lane], reports: [WhileReport], grad: [Lane]?) {
        let G = lanes.groups, HW = cells, T = iterations
        let lastPred: ArraySlice<Lane> = T > 0 ? pred[((T - 1) * HW * 8 * G)..<(T * HW * 8 * G)] : ArraySlice(repeating: .zero, count: HW * 8 * G)
        var path = [Lane](repeating: .zero, count: HW * G)
        var trace = path
        for g in 0..<G { trace[(HW - 1) * G + g] = Lane(repeating: 1) }
        var paths = [path], traces = [trace]
        var reports: [WhileReport] = []
        var output: [Lane]
        var Ps: [[Lane]] = [], cs: [[Lane]] = []
        let b = Lane(repeating: beta)
        func cond(_ path: [Lane]) -> [Lane] { (0..<G).map { sigmoid((path[$0] - 1) * -b) } }
        func body() {
            for k in 0..<(HW * G) { path[k] = conorm(path[k], trace[k]).y }
            trace = move(trace, lastPred)
            paths.append(path); traces.append(trace)
        }
        switch traceback {
        case .for:
            for _ in 0..<T { body() }
            output = path
        case .while:
            var P = cond(path)
            Ps.append(P); cs.append(P)
            var acc = path
            for k in 0..<(HW * G) { acc[k] = (1 - P[k % G]) * path[k] }
            var t = 0
            while P.withUnsafeBufferPointer({ anyAbove($0, epsilon) }), t < maxIterations {
                body()
                let c = cond(path)
                let next = (0..<G).map { P[$0] * c[$0] }
                for k in 0..<(HW * G) { acc[k] += (P[k % G] - next[k % G]) * path[k] }
                P = next
                Ps.append(P); cs.append(c)
                t += 1
            }
            for k in 0..<(HW * G) { acc[k] += P[k % G] * path[k] }
            let remaining = (0..<lanes.batch).map { P[$0 / 4][$0 % 4] }.max() ?? 0
            reports.append(WhileReport(iterations: t, remainingMass: remaining, reachedMaxIterations: t == maxIterations && remaining > epsilon))
            output = acc
        }
        guard let gOut else { return (output, reports, nil) }

        // Backward through the traceback.
        let steps = paths.count - 1
        var gPath = [Lane](repeating: .zero, count: HW * G)
        var gTrace = gPath
        var gPred = [Lane](repeating: .zero, count: HW * 8 * G)
        var weights: [[Lane]] = [], dcs: [[Lane]] = []
        if traceback == .while {
            for g in 0..<G {
                let P = Ps.map { $0[g] }, c = cs.map { $0[g] }
                let V = paths.map { p in (0..<HW).reduce(Lane.zero) { $0 + p[$1 * G + g] * gOut[$1 * G + g] } }
                weights.append(whileWeights(P: P))
                dcs.append(whileConditionGradients(P: P, c: c, V: V))
            }
        }
        func addDirect(_ s: Int) {
            guard traceback == .while else { return }
            for cell in 0..<HW { for g in 0..<G { gPath[cell * G + g] += weights[g][s] * gOut[cell * G + g] } }
            for g in 0..<G {
                let c = cs[s][g]
                gPath[g] += dcs[g][s] * (-b * c * (1 - c))
            }
        }
        if traceback == .for { gPath = gOut }
        addDirect(steps)
        for s in stride(from: steps - 1, through: 0, by: -1) {
            let (pathS, traceS) = (paths[s], traces[s])
            var gTraceS = [Lane](repeating: .zero, count: HW * G)
            for r in 0..<H {
                for c in 0..<W {
                    for (k, (dr, dc)) in gridDirections.enumerated() {
                        let (i, j) = (r - dr, c - dc)
                        guard i >= 0, i < H, j >= 0, j < W else { continue }
                        let src = i * W + j
                        for g in 0..<G {
                            let gd = gTrace[(r * W + c) * G + g]
                            gTraceS[src * G + g] += gd * lastPred[lastPred.startIndex + (src * 8 + k) * G + g]
                            gPred[(src * 8 + k) * G + g] += gd * traceS[src * G + g]
                        }
                    }
                }
            }
            for k in 0..<(HW * G) {
                let (_, da, db) = conorm(pathS[k], traceS[k])
                gTraceS[k] += gPath[k] * db
                gPath[k] = gPath[k] * da
            }
            gTrace = gTraceS
            addDirect(s)
        }
        return (output, reports, sweepBackward(pred: pred, dHistory: dHistory, gradLastPred: gPred))
    }

    /// Reverse of the Bellman–Ford sweeps: `∂/∂cost`.
    func sweepBackward(pred: [Lane], dHistory: [Lane], gradLastPred: [Lane]) -> [Lane] {
        let G = lanes.groups, HW = cells, T = iterations
        let padded = (H + 2) * Wp
        let b = Lane(repeating: beta)
        let off = offsets
        var gCost = [Lane](repeating: .zero, count: HW * G)
        var gD = [Lane](repeating: .zero, count: padded * G)
        var gPrev = gD
        var v = [Lane](repeating: .zero, count: 8), gv = v
        for t in stride(from: T - 1, through: 0, by: -1) {
            for g in 0..<G { gD[(Wp + 1) * G + g] = .zero }   // d[1,1] ← 0 after the sweep
            for k in 0..<(padded * G) { gPrev[k] = .zero }
            for i in 0..<H {
                for j in 0..<W {
                    let center = (1 + i) * Wp + 1 + j
                    let cell = i * W + j
                    let predBase = (t * HW + cell) * 8
                    for g in 0..<G {
                        let gNew = gD[center * G + g]
                        gCost[cell * G + g] += gNew
                        var m = Lane.zero
                        for k in 0..<8 {
                            v[k] = dHistory[(t * padded + center + off[k]) * G + g]
                            m += pred[(predBase + k) * G + g] * v[k]
                        }
                        var dot = Lane.zero
                        if t == T - 1 {
                            for k in 0..<8 {
                                let gp: Lane = gradLastPred[(cell * 8 + k) * G + g]
                                let w: Lane = pred[(predBase + k) * G + g]
                                dot += gp * w
                            }
                        }
                        for k in 0..<8 {
                            let w = pred[(predBase + k) * G + g]
                            if hard {
                                gv[k] = gNew * w
                            } else {
                                gv[k] = gNew * w * (1 - b * (v[k] - m))
                                if t == T - 1 { gv[k] += -b * w * (gradLastPred[(cell * 8 + k) * G + g] - dot) }
                            }
                            gPrev[(center + off[k]) * G + g] += gv[k]
                        }
                    }
                }
            }
            swap(&gD, &gPrev)
        }
        return gCost
    }
}
