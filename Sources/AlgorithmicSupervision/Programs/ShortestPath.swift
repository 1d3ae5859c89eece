import RealModule

/// The eight grid directions in the order NW, N, NE, W, E, SW, S, SE (row, column offsets).
public let gridDirections: [(dr: Int, dc: Int)] = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]

extension RelaxedPrograms {
    /// Relaxed shortest path on an 8-connected `H × W` grid from the top-left to the
    /// bottom-right cell (arXiv 2110.05651, §4.2).
    ///
    /// *Relaxed Bellman–Ford*: `iterations` sweeps; every cell reads its 8 neighbour distances
    /// `v_k` from the infinity-padded `d`, takes the soft arg-min `pred = softmax(−β·v)` as its
    /// predecessor distribution and sets `d = Σ_k pred_k·v_k + cost`; the start stays at 0.
    /// *Relaxed traceback*: a unit of mass starts at the target; each step accumulates it into
    /// `path` with a t-conorm (`path ← S(path, trace)`) and moves it to the predecessors by
    /// `pred` (a probabilistic index in 2-D; mass leaving the grid is dropped) — `iterations`
    /// steps (`For`) or a relaxed `While path[0,0] ≤ 1`.
    ///
    /// Input `cost [B, H, W]` (> 0); output `path [B, H, W]`.
    public static func shortestPath<T: Real>(
        _ p: Hyper<T>, iterations: Int, tconorm: TConorm, tconormParameter q: T, traceback: Traceback, infinity: T
    ) throws -> Program<T> {
        let beta = p.beta
        let body: [Statement<T>] = [
            Let("path") { s in try tConorm(tconorm, q: q, try s["path"], try s["trace"]) },
            Let("trace") { s in try moveMass(try s["trace"], pred: try s["pred"]) },
        ]
        let loop: Statement<T> = switch traceback {
        case .for: .forEach("i_trace", .count(iterations), body: body)
        case .while: .loop(LEq(.function { s in try s["path"].read([0, 0]) }, .number(1)), body: body, Hyperparameters())
        }
        return try Program<T>(beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations, hard: p.hard) {
            Input("cost")
            Var("d", constant: { s in
                let shape = try s.shape("cost")
                return (Array(repeating: infinity, count: (shape[1] + 2) * (shape[2] + 2)), [shape[1] + 2, shape[2] + 2])
            })
            Var("pred", constant: { s in
                let shape = try s.shape("cost")
                return (Array(repeating: 0, count: shape[1] * shape[2] * 8), [shape[1], shape[2], 8])
            })
            Var("trace", constant: { s in let sh = try s.shape("cost"); return (Array(repeating: 0, count: sh[1] * sh[2]), [sh[1], sh[2]]) })
            Var("path", constant: { s in let sh = try s.shape("cost"); return (Array(repeating: 0, count: sh[1] * sh[2]), [sh[1], sh[2]]) })
            Let("d", at: [1, 1], 0)
            Let("trace", at: [-1, -1], 1)
            For("t", in: .count(iterations)) {
                Let(["d", "pred"]) { s in try bellmanFordSweep(try s["d"], cost: try s["cost"], beta: beta, infinity: infinity, hard: s.hard) }
                Let("d", at: [1, 1], 0)
            }
            loop
            Output("path")
        }
    }

    /// One relaxed Bellman–Ford sweep: `(padded new d, pred)`.
    static func bellmanFordSweep<T: Real>(_ d: Tensor<T>, cost: Tensor<T>, beta: T, infinity: T, hard: Bool) throws -> [Tensor<T>] {
        let (H, W) = (cost.shape[1], cost.shape[2])
        let Wp = W + 2
        var sources: [[Int]] = []
        for i in 0..<H { for j in 0..<W { for (dr, dc) in gridDirections { sources.append([(1 + i + dr) * Wp + 1 + j + dc]) } } }
        let v = d.gather(sources, shape: [H, W, 8])
        let pred = hard ? v.hardArgExtremumLastAxis(maximum: false) : v.softmaxLastAxis(scale: -beta)
        let newD = try (pred * v).sumLastAxis() + cost
        var pad: [[Int]] = []
        for r in 0..<(H + 2) { for c in 0..<Wp { pad.append(r >= 1 && r <= H && c >= 1 && c <= W ? [(r - 1) * W + c - 1] : []) } }
        return [newD.gather(pad, shape: [H + 2, W + 2], fill: infinity), pred]
    }

    /// `trace′(i + dr_k, j + dc_k) += trace(i, j)·pred(i, j, k)`, summed in direction order: the
    /// probabilistic 2-D index of the traceback (generic: `Proofs/` runs it on rationals).
    public static func moveMass<T: AlgebraicField & Comparable>(_ trace: Tensor<T>, pred: Tensor<T>) throws -> Tensor<T> {
        let (H, W) = (trace.shape[1], trace.shape[2])
        let transport = try pred * trace
        var sources: [[Int]] = Array(repeating: [], count: H * W)
        for r in 0..<H {
            for c in 0..<W {
                for (k, (dr, dc)) in gridDirections.enumerated() {
                    let (i, j) = (r - dr, c - dc)
                    if i >= 0, i < H, j >= 0, j < W { sources[r * W + c].append((i * W + j) * 8 + k) }
                }
            }
        }
        return transport.gather(sources, shape: [H, W])
    }

    /// The t-conorm `S(a, b)`.
    public static func tConorm<T: AlgebraicField & Comparable>(_ kind: TConorm, q: T, _ a: Tensor<T>, _ b: Tensor<T>) throws -> Tensor<T> {
        switch kind {
        case .probabilistic: return try (a + b) - a * b
        case .hamacher:
            // `(a + b + (q − 2)ab)/(1 + (q − 1)ab)`. For q = 0 at a = b = 1 this is 0/0; the limit
            // is 1 (S(1, b) = 1 for every b), with both partials 0. Adding 1 to numerator and
            // denominator exactly there gives that value and those partials (the tape sees
            // ∂num − ∂den = 0), and leaves every other point unchanged.
            let ab = try a * b
            let num = try (a + b) + ab * (q - 2), den = 1 + ab * (q - 1)
            let fix = Tensor.constant(den.values.map { $0 == 0 ? 1 : 0 }, shape: den.shape, on: den.tape)
            return try (num + fix) / (den + fix)
        case .yager: return 1 - (try (1 - a) - b).relu()
        }
    }
}
