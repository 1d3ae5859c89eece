extension SIMDShortestPath {
    /// `S(a, b)` and its partials `(∂S/∂a, ∂S/∂b)`.
    @inline(__always) func conorm(_ a: Lane, _ b: Lane) -> (y: Lane, da: Lane, db: Lane) {
        switch tconorm {
        case .probabilistic:
            return ((a + b) - a * b, 1 - b, 1 - a)
        case .hamacher:
            let ab = a * b
            // q = 0 at a = b = 1 is 0/0 with limit 1 and partials 0: add 1 to both there (as the
            // reference does).
            let fix = Lane.zero.replacing(with: 1, where: 1 + ab * (q - 1) .== 0)
            let num = (a + b) + ab * (q - 2) + fix, den = 1 + ab * (q - 1) + fix
            let y = num / den
            return (y, ((1 + b * (q - 2)) * den - num * b * (q - 1)) / (den * den),
                    ((1 + a * (q - 2)) * den - num * a * (q - 1)) / (den * den))
        case .yager:
            let r = (1 - a) - b
            let slope = Lane.zero.replacing(with: 1, where: r .> 0)
            return (1 - r.replacing(with: 0, where: r .<= 0), slope, slope)
        }
    }

    /// Every interior lane index of the padded map with its cell number.
    @inline(__always) func forEachCell(_ body: (_ cell: Int, _ i: Int, _ g: Int) -> Void) {
        let G = lanes.groups
        for r in 0..<H { for c in 0..<W { let p = ((1 + r) * Wp + 1 + c) * G; for g in 0..<G { body((r * W + c) * G + g, p + g, g) } } }
    }

    /// Lane index of `pred(cell of lane i, k)` in the padded `[P][8][G]` layout: `8i − 7g + kG`.
    @inline(__always) func predIndex(_ i: Int, _ g: Int, _ k: Int) -> Int {
        8 &* i &- 7 &* g &+ k &* lanes.groups
    }

    /// `trace′(dest) = Σ_k trace(dest − dir_k)·pred(dest − dir_k, k)` (the reference's order);
    /// padded maps, mass that leaves the grid dropped.
    func move(_ trace: UnsafeMutablePointer<Lane>, into out: UnsafeMutablePointer<Lane>, _ pred: UnsafeMutablePointer<Lane>, _ nb: Neighbours) {
        let G = lanes.groups
        forEachCell { _, i, g in
            var s = Lane.zero
            nb.forEach { k in
                let src = i &- nb[k]
                s += trace[src] * pred[8 &* src &- 7 &* g &+ k &* G]
            }
            out[i] = s
        }
    }

    /// The traceback (`For` or relaxed `While`), then — with a cotangent — the whole backward.
    func tracebackAndBackward(_ sw: Sweeps, scratch: Scratch, gradPath gOutInterior: [Lane]?) -> (path: [Lane], reports: [WhileReport], grad: [Lane]?) {
        let G = lanes.groups, HW = cells, P = padded * G
        let nb = Neighbours(paddedWidth: Wp, groups: G)
        let pred = sw.lastPred
        let start = (Wp + 1) * G
        // Maps of the For traceback come from the scratch (T + 1 each); a While's grow.
        var whileMaps: [LaneBuffer] = []
        func newMap() -> UnsafeMutablePointer<Lane> {
            if traceback == .for { return scratch.take(P) }
            whileMaps.append(LaneBuffer(count: P))
            return whileMaps.last!.base
        }
        var paths = [newMap()], traces = [newMap()]
        for g in 0..<G { traces[0][((H * Wp) + W) * G + g] = Lane(repeating: 1) }
        var reports: [WhileReport] = []
        var Ps: [[Lane]] = [], cs: [[Lane]] = []
        let b = Lane(repeating: beta)
        func cond(_ path: UnsafeMutablePointer<Lane>) -> [Lane] { (0..<G).map { sigmoid((path[start + $0] - 1) * -b) } }
        func body() {
            let (path, trace) = (paths.last!, traces.last!)
            let (nextPath, nextTrace) = (newMap(), newMap())
            forEachCell { _, i, _ in nextPath[i] = conorm(path[i], trace[i]).y }
            move(trace, into: nextTrace, pred, nb)
            paths.append(nextPath); traces.append(nextTrace)
        }
        var output = [Lane](repeating: .zero, count: HW * G)
        switch traceback {
        case .for:
            for _ in 0..<iterations { body() }
            forEachCell { cell, i, _ in output[cell] = paths.last![i] }
        case .while:
            var P = cond(paths[0])
            Ps.append(P); cs.append(P)
            forEachCell { cell, i, g in output[cell] = (1 - P[g]) * paths[0][i] }
            var t = 0
            while P.withUnsafeBufferPointer({ anyAbove($0, epsilon) }), t < maxIterations {
                body()
                let c = cond(paths.last!)
                let next = (0..<G).map { P[$0] * c[$0] }
                forEachCell { cell, i, g in output[cell] += (P[g] - next[g]) * paths.last![i] }
                P = next
                Ps.append(P); cs.append(c)
                t += 1
            }
            forEachCell { cell, i, g in output[cell] += P[g] * paths.last![i] }
            let remaining = (0..<lanes.batch).map { P[$0 / 4][$0 % 4] }.max() ?? 0
            reports.append(WhileReport(iterations: t, remainingMass: remaining, reachedMaxIterations: t == maxIterations && remaining > epsilon))
        }
        guard let gOutInterior else { return (output, reports, nil) }

        // Backward through the traceback (padded maps; the cotangent is zero on the padding).
        let gOut = scratch.take(P)
        forEachCell { cell, i, _ in gOut[i] = gOutInterior[cell] }
        let steps = paths.count - 1
        let gPath = scratch.take(P)
        var gTrace = scratch.take(P), gTraceS = scratch.take(P)
        let gPred = scratch.take(8 * P)
        var weights: [[Lane]] = [], dcs: [[Lane]] = []
        if traceback == .while {
            for g in 0..<G {
                let P = Ps.map { $0[g] }, c = cs.map { $0[g] }
                let V = paths.map { p in (0..<HW).reduce(Lane.zero) { $0 + p[(((1 + $1 / W) * Wp + 1 + $1 % W) * G) + g] * gOut[(((1 + $1 / W) * Wp + 1 + $1 % W) * G) + g] } }
                weights.append(whileWeights(P: P))
                dcs.append(whileConditionGradients(P: P, c: c, V: V))
            }
        }
        func addDirect(_ s: Int) {
            guard traceback == .while else { return }
            forEachCell { cell, i, g in gPath[i] += weights[g][s] * gOut[i] }
            for g in 0..<G {
                let c = cs[s][g]
                gPath[start + g] += dcs[g][s] * (-b * c * (1 - c))
            }
        }
        if traceback == .for { forEachCell { _, i, _ in gPath[i] = gOut[i] } }
        addDirect(steps)
        for s in stride(from: steps - 1, through: 0, by: -1) {
            let (pathS, traceS) = (paths[s], traces[s])
            forEachCell { _, i, g in
                // Reverse of the move: trace(src) went to src + dir_k with weight pred(src, k).
                var gt = Lane.zero
                let tr = traceS[i]
                nb.forEach { k in
                    let gd = gTrace[i &+ nb[k]], j = predIndex(i, g, k)
                    gt += gd * pred[j]
                    gPred[j] += gd * tr
                }
                let (_, da, db) = conorm(pathS[i], tr)
                gTraceS[i] = gt + gPath[i] * db
                gPath[i] = gPath[i] * da
            }
            swap(&gTrace, &gTraceS)
            addDirect(s)
        }
        return (output, reports, iterations > 0 ? sweepBackward(sw, scratch: scratch, gradLastPred: gPred) : [Lane](repeating: .zero, count: HW * G))
    }
}
